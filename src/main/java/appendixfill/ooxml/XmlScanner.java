package appendixfill.ooxml;

import appendixfill.ooxml.Unsupported.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;

/**
 * The XML layer's reader of a part that is only read: a namespace-aware pull parser over the part's
 * bytes, written for the speed a consolidation of thousands of workbooks needs (it tokenises the
 * figure parts several times faster than Woodstox). Elements and attributes are matched by
 * namespace URI and local name, never by prefix; Strict Open XML's namespaces are read as the
 * transitional ones. It also checks every part the tool writes, before it is written. Parts to be changed
 * by splicing are read with Woodstox ({@link Xml#open(java.io.Reader, String)}), which gives exact offsets.
 *
 * <p>It refuses, as {@link Reason#MALFORMED_XML}, what is not well-formed XML 1.0 with namespaces: tags
 * that do not nest or match, a second root, text outside the root, an attribute twice (by its name, or
 * by its namespace and local name), a prefix not declared, a reserved namespace bound to another prefix,
 * an XML declaration that is not version, encoding and standalone in that order, a name with characters
 * XML 1.0 (fifth edition) does not allow in names, a reference to an entity other than the five predefined
 * ones and character references, characters XML does not allow, bytes that are not UTF-8, and nesting or
 * attributes beyond the limits; and any DOCTYPE as {@link Reason#DOCTYPE}. The encoding comes from the
 * byte-order mark or the declaration (a part in UTF-16 or another encoding is first converted to UTF-8).
 * Comments and processing instructions are skipped; CDATA sections are text.
 */
public final class XmlScanner {

    /** The events, as StAX numbers them. */
    public static final int START_ELEMENT = XMLStreamConstants.START_ELEMENT;
    public static final int END_ELEMENT = XMLStreamConstants.END_ELEMENT;
    public static final int CHARACTERS = XMLStreamConstants.CHARACTERS;
    public static final int END_DOCUMENT = XMLStreamConstants.END_DOCUMENT;

    private static final byte[] XML_PREFIX = bytes("xml");
    private static final byte[] XMLNS = bytes("xmlns");
    /** The namespace of xmlns itself, which no prefix may be bound to. */
    private static final String XMLNS_NAMESPACE = "http://www.w3.org/2000/xmlns/";
    /** The encoding pseudo-attribute of an XML declaration. */
    private static final java.util.regex.Pattern ENCODING =
            java.util.regex.Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    private final byte[] b;
    private final int length;
    private final String part;
    private int pos;
    private int event;

    // The element the reader stands on (a start or end tag), and those it is inside.
    private int depth;
    private int[] nameStart = new int[16];
    private int[] nameColon = new int[16];
    private int[] nameEnd = new int[16];
    private String[] elementNamespace = new String[16];
    /** The bindings in scope: a prefix's bytes (empty for the default namespace) and its URI ("" undeclares). */
    private byte[][] prefixes = new byte[16][];
    private String[] uris = new String[16];
    private int bindings;
    private int[] bindingsAt = new int[16];
    /** An empty-element tag: its end is the next event. */
    private boolean selfClosing;

    // The start tag's attributes: where each name and value is, and whether the value holds a reference.
    private int attributes;
    private int[] attributeStart = new int[32];
    private int[] attributeColon = new int[32];
    private int[] attributeNameEnd = new int[32];
    private int[] valueStart = new int[32];
    private int[] valueEnd = new int[32];

    // The text event: where it is, and whether it needs more than decoding (references, CDATA, line ends).
    private int textStart;
    private int textEnd;
    private boolean textIsCdata;

    // What the scanning remembers besides.
    /**
     * The last namespace {@link #is} matched and the URI it matched, as instances: every element of a
     * part in the scope of one declaration carries the same URI instance, and callers pass constants,
     * so a sheet's thousands of cells are matched by identity rather than by comparing 55 characters.
     */
    private String matchedNamespace;
    private String matchedUri;
    /** The character {@link #utf8Sequence} read last. */
    private int codePoint;
    /** Where a pseudo-attribute's value starts and ends, set by {@link #pseudoAttribute}. */
    private int pseudoStart;
    private int pseudoEnd;

    private XmlScanner(byte[] bytes, int start, String part) {
        this.b = bytes;
        this.length = bytes.length;
        this.part = part;
        this.pos = start;
    }

    /** A reader of a part's bytes (its encoding from its BOM or declaration), standing on the root element. */
    public static XmlScanner of(byte[] bytes, String part) throws Unsupported {
        byte[] utf8 = bytes;
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = 3;
        } else {
            Charset other = otherEncoding(bytes, part);
            if (other != null) {
                utf8 = transcode(bytes, other, part);
            }
        }
        XmlScanner scanner = new XmlScanner(utf8, start, part);
        scanner.toRoot();
        return scanner;
    }

    // ----- what the reader stands on

    /** The current event: {@link #START_ELEMENT}, {@link #END_ELEMENT}, {@link #CHARACTERS} or {@link #END_DOCUMENT}. */
    public int getEventType() {
        return event;
    }

    /** True when the reader stands on an element (its start or end) of that namespace and local name. */
    public boolean is(String namespace, String local) {
        if (event != START_ELEMENT && event != END_ELEMENT) {
            return false;
        }
        int d = depth;
        if (!equalsName(nameColon[d] < 0 ? nameStart[d] : nameColon[d] + 1, nameEnd[d], local)) {
            return false;
        }
        String uri = elementNamespace[d];
        if (uri == matchedUri && namespace == matchedNamespace) {
            return true;
        }
        if (namespace.equals(uri) || namespace.equals(Xml.canonical(uri))) {
            matchedUri = uri;
            matchedNamespace = namespace;
            return true;
        }
        return false;
    }

    /** The current element's local name. */
    public String localName() {
        int start = nameColon[depth] < 0 ? nameStart[depth] : nameColon[depth] + 1;
        return decode(start, nameEnd[depth]);
    }

    /** The current element's namespace URI as written ("" for none). */
    public String namespace() {
        return elementNamespace[depth];
    }

    /** An attribute without a namespace of the start tag the reader stands on, by local name; null when absent. */
    public String attribute(String local) throws Unsupported {
        for (int i = 0; i < attributes; i++) {
            if (attributeColon[i] < 0 && equalsName(attributeStart[i], attributeNameEnd[i], local)
                    && !isDeclaration(i)) {
                return value(i);
            }
        }
        return null;
    }

    /** An attribute of a namespace (r:id, whatever its prefix), by local name; null when absent. */
    public String attribute(String namespace, String local) throws Unsupported {
        for (int i = 0; i < attributes; i++) {
            int colon = attributeColon[i];
            if (colon >= 0 && equalsName(colon + 1, attributeNameEnd[i], local) && !isDeclaration(i)
                    && namespace.equals(Xml.canonical(resolve(attributeStart[i], colon)))) {
                return value(i);
            }
        }
        return null;
    }

    /** How many attributes the start tag the reader stands on has, its namespace declarations not counted. */
    public int attributeCount() {
        int count = 0;
        for (int i = 0; i < attributes; i++) {
            if (!isDeclaration(i)) {
                count++;
            }
        }
        return count;
    }

    /** The text of the current {@link #CHARACTERS} event. */
    public String getText() throws Unsupported {
        if (textIsCdata) {
            String text = decode(textStart, textEnd);
            return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
        }
        return content(textStart, textEnd, false);
    }

    // ----- moving on

    /** True until the end of the document. */
    public boolean hasNext() {
        return event != END_DOCUMENT;
    }

    /** The next event: comments and processing instructions are passed over. */
    public int next() throws Unsupported {
        if (event == START_ELEMENT && selfClosing) {
            selfClosing = false;
            return event = END_ELEMENT; // an empty element's end, with no tag of its own
        }
        if (event == END_ELEMENT) {
            endElement();
            if (depth == 0) {
                requireOnlyMiscellany();
                return event = END_DOCUMENT;
            }
        }
        if (event == END_DOCUMENT) {
            throw new IllegalStateException("no event after the end of the document");
        }
        while (true) {
            if (pos >= length) {
                throw malformed("the part ends inside an element");
            }
            if (b[pos] != '<') {
                textStart = pos;
                pos = scanText(pos);
                textEnd = pos;
                textIsCdata = false;
                return event = CHARACTERS;
            }
            byte next = at(pos + 1);
            if (next == '/') {
                endTag();
                return event = END_ELEMENT;
            } else if (next == '!') {
                if (startsWith(pos, "<![CDATA[")) {
                    int close = indexOf(pos + 9, "]]>");
                    textStart = pos + 9;
                    textEnd = close;
                    textIsCdata = true;
                    checkCharacters(textStart, textEnd);
                    pos = close + 3;
                    return event = CHARACTERS;
                }
                miscellany();
            } else if (next == '?') {
                miscellany();
            } else {
                startTag();
                return event = START_ELEMENT;
            }
        }
    }

    /**
     * The next start or end tag, passing over white space, comments and processing instructions; text
     * that is not white space there is not what the part should hold.
     */
    public int nextTag() throws Unsupported {
        while (true) {
            int e = next();
            if (e == START_ELEMENT || e == END_ELEMENT) {
                return e;
            }
            if (e == CHARACTERS && !isWhiteSpace()) {
                throw malformed("text where only elements are expected");
            }
            if (e == END_DOCUMENT) {
                throw malformed("the document ends where an element is expected");
            }
        }
    }

    /** Skips the element the reader stands on, to its end tag. */
    public void skip() throws Unsupported {
        int level = 1;
        while (level > 0) {
            int e = next();
            if (e == START_ELEMENT) {
                level++;
            } else if (e == END_ELEMENT) {
                level--;
            }
        }
    }

    /** The text of the element the reader stands on, its children's text included; the reader ends on its end tag. */
    public String text() throws Unsupported {
        StringBuilder text = null;
        String only = "";
        int level = 1;
        while (level > 0) {
            int e = next();
            if (e == START_ELEMENT) {
                level++;
            } else if (e == END_ELEMENT) {
                level--;
            } else if (e == CHARACTERS) {
                String piece = getText();
                if (text == null && only.isEmpty()) {
                    only = piece;
                } else {
                    if (text == null) {
                        text = new StringBuilder(only);
                    }
                    text.append(piece);
                }
            }
        }
        return text == null ? only : text.toString();
    }

    // ----- tags

    private void toRoot() throws Unsupported {
        while (true) {
            pos = skipWhiteSpace(pos);
            if (pos >= length) {
                throw malformed("no root element");
            }
            if (b[pos] != '<') {
                throw malformed("text before the root element");
            }
            byte next = at(pos + 1);
            if (next == '!' && startsWith(pos, "<!DOCTYPE")) {
                throw new Unsupported(Reason.DOCTYPE, part, "a DOCTYPE before the root element");
            } else if (next == '?' || next == '!') {
                miscellany();
            } else if (next == '/') {
                throw malformed("an end tag before the root element");
            } else {
                startTag();
                event = START_ELEMENT;
                return;
            }
        }
    }

    /** A comment, a processing instruction (the declaration only at the very start) or a DOCTYPE. */
    private void miscellany() throws Unsupported {
        if (startsWith(pos, "<!--")) {
            int close = indexOf(pos + 4, "--");
            if (at(close + 2) != '>') {
                throw malformed("«--» inside a comment");
            }
            checkCharacters(pos + 4, close);
            pos = close + 3;
        } else if (at(pos + 1) == '?') {
            int close = indexOf(pos + 2, "?>");
            int target = pos + 2;
            int targetEnd = scanName(target);
            if (targetEnd == target) {
                throw malformed("a processing instruction without a target");
            }
            if (targetEnd - target == 3 && (b[target] | 0x20) == 'x' && (b[target + 1] | 0x20) == 'm'
                    && (b[target + 2] | 0x20) == 'l') {
                if (pos != declarationAt() || !equalsAscii(target, targetEnd, "xml")) {
                    throw malformed("an XML declaration that is not at the start");
                }
                requireDeclaration(targetEnd, close);
            }
            checkCharacters(targetEnd, close);
            pos = close + 2;
        } else if (startsWith(pos, "<!DOCTYPE")) {
            throw new Unsupported(Reason.DOCTYPE, part, "a DOCTYPE");
        } else {
            throw malformed("«<!» that starts no comment or CDATA section");
        }
    }

    /**
     * The XML declaration's pseudo-attributes, in their order: version (1.x), then an encoding name
     * and standalone (yes or no) if given, nothing else.
     */
    private void requireDeclaration(int from, int close) throws Unsupported {
        int p = pseudoAttribute(from, close, "version");
        if (p < 0 || !isVersion(pseudoStart, pseudoEnd)) {
            throw malformed("an XML declaration without its version 1.x");
        }
        int next = pseudoAttribute(p, close, "encoding");
        if (next >= 0) {
            if (!isEncodingName(pseudoStart, pseudoEnd)) {
                throw malformed("an XML declaration whose encoding is not a name");
            }
            p = next;
        }
        next = pseudoAttribute(p, close, "standalone");
        if (next >= 0) {
            if (!equalsAscii(pseudoStart, pseudoEnd, "yes") && !equalsAscii(pseudoStart, pseudoEnd, "no")) {
                throw malformed("an XML declaration whose standalone is neither yes nor no");
            }
            p = next;
        }
        if (skipWhiteSpace(p) != close) {
            throw malformed("an XML declaration with more than version, encoding and standalone");
        }
    }

    /** After white space, {@code name = "value"} ending before {@code close}: where it ends, else -1. */
    private int pseudoAttribute(int p, int close, String name) {
        int start = skipWhiteSpace(p);
        if (start == p || !startsWith(start, name)) {
            return -1;
        }
        int eq = skipWhiteSpace(start + name.length());
        if (eq >= close || b[eq] != '=') {
            return -1;
        }
        int quote = skipWhiteSpace(eq + 1);
        if (quote >= close || b[quote] != '"' && b[quote] != '\'') {
            return -1;
        }
        int end = quote + 1;
        while (end < close && b[end] != b[quote]) {
            end++;
        }
        if (end >= close) {
            return -1;
        }
        pseudoStart = quote + 1;
        pseudoEnd = end;
        return end + 1;
    }

    private boolean isVersion(int start, int end) {
        if (end - start < 3 || b[start] != '1' || b[start + 1] != '.') {
            return false;
        }
        for (int p = start + 2; p < end; p++) {
            if (b[p] < '0' || b[p] > '9') {
                return false;
            }
        }
        return true;
    }

    private boolean isEncodingName(int start, int end) {
        if (start == end || !(b[start] >= 'a' && b[start] <= 'z' || b[start] >= 'A' && b[start] <= 'Z')) {
            return false;
        }
        for (int p = start + 1; p < end; p++) {
            byte c = b[p];
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Where an XML declaration may be: the very start, after a byte-order mark. */
    private int declarationAt() {
        return length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
    }

    private void startTag() throws Unsupported {
        int d = depth + 1;
        if (d > Xml.MAX_DEPTH) {
            throw malformed("elements nested more than " + Xml.MAX_DEPTH + " deep");
        }
        ensureDepth(d);
        int start = pos + 1;
        int end = scanName(start);
        if (end == start) {
            throw malformed("«<» that starts no tag");
        }
        nameStart[d] = start;
        nameColon[d] = colon(start, end);
        nameEnd[d] = end;
        bindingsAt[d] = bindings;
        attributes = 0;
        int p = end;
        while (true) {
            int afterSpace = skipWhiteSpace(p);
            byte c = at(afterSpace);
            if (c == '>') {
                pos = afterSpace + 1;
                selfClosing = false;
                break;
            }
            if (c == '/' && at(afterSpace + 1) == '>') {
                pos = afterSpace + 2;
                selfClosing = true;
                break;
            }
            if (afterSpace == p) {
                throw malformed("no space before an attribute");
            }
            p = attribute(afterSpace);
        }
        // The element's own declarations are in scope for its name and its attributes.
        elementNamespace[d] = resolve(nameStart[d], nameColon[d]);
        String firstNamespace = null;
        int first = -1;
        for (int i = 0; i < attributes; i++) {
            if (attributeColon[i] >= 0 && !isDeclaration(i)) {
                String namespace = resolve(attributeStart[i], attributeColon[i]); // an undeclared prefix is refused
                if (first < 0) {
                    first = i;
                    firstNamespace = namespace;
                } else {
                    requireDistinctQualified(first, firstNamespace, i, namespace);
                }
            }
        }
        requireDistinctAttributes();
        depth = d;
    }

    /**
     * Two prefixed attributes of one element differ in namespace or local name, whatever their
     * prefixes (x:b and y:b with x and y bound to one namespace are the same attribute twice). Most
     * elements have one prefixed attribute or none: the pairs are compared only past the first.
     */
    private void requireDistinctQualified(int first, String firstNamespace, int other, String otherNamespace)
            throws Unsupported {
        for (int i = first; i < other; i++) {
            if (attributeColon[i] < 0 || isDeclaration(i)) {
                continue;
            }
            String namespace = i == first ? firstNamespace : resolve(attributeStart[i], attributeColon[i]);
            if (namespace.equals(otherNamespace)
                    && sameBytes(attributeColon[i] + 1, attributeNameEnd[i], attributeColon[other] + 1,
                            attributeNameEnd[other])) {
                throw malformed("the attribute «" + name(other) + "» twice on one element, by its namespace");
            }
        }
    }

    /** One attribute from {@code p}: its name, =, its quoted value; declarations bound at once. Returns where it ends. */
    private int attribute(int p) throws Unsupported {
        int end = scanName(p);
        if (end == p) {
            throw malformed("an attribute without a name");
        }
        int eq = skipWhiteSpace(end);
        if (at(eq) != '=') {
            throw malformed("an attribute without «=»");
        }
        int quote = skipWhiteSpace(eq + 1);
        byte q = at(quote);
        if (q != '"' && q != '\'') {
            throw malformed("an attribute value without quotes");
        }
        int close = quote + 1;
        while (true) {
            if (close >= length) {
                throw malformed("an attribute value without its closing quote");
            }
            byte c = b[close];
            if (c == q) {
                break;
            }
            if (c == '<') {
                throw malformed("«<» in an attribute value");
            }
            close = c == '&' ? reference(close, null) : c < 0 ? utf8Sequence(close)
                    : c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? refuseCharacter(close) : close + 1;
        }
        int i = attributes;
        if (i >= Xml.MAX_ATTRIBUTES) {
            throw malformed("more than " + Xml.MAX_ATTRIBUTES + " attributes on an element");
        }
        if (i == attributeStart.length) {
            int n = i * 2;
            attributeStart = Arrays.copyOf(attributeStart, n);
            attributeColon = Arrays.copyOf(attributeColon, n);
            attributeNameEnd = Arrays.copyOf(attributeNameEnd, n);
            valueStart = Arrays.copyOf(valueStart, n);
            valueEnd = Arrays.copyOf(valueEnd, n);
        }
        attributeStart[i] = p;
        attributeColon[i] = colon(p, end);
        attributeNameEnd[i] = end;
        valueStart[i] = quote + 1;
        valueEnd[i] = close;
        attributes++;
        if (isDeclaration(i)) {
            declare(i);
        }
        return close + 1;
    }

    private boolean isDeclaration(int i) {
        int colon = attributeColon[i];
        return colon < 0 ? equalsBytes(attributeStart[i], attributeNameEnd[i], XMLNS)
                : equalsBytes(attributeStart[i], colon, XMLNS);
    }

    private void declare(int i) throws Unsupported {
        int colon = attributeColon[i];
        byte[] prefix = colon < 0 ? new byte[0] : Arrays.copyOfRange(b, colon + 1, attributeNameEnd[i]);
        String uri = value(i);
        if (colon >= 0 && uri.isEmpty()) {
            throw malformed("a prefix declared with no namespace");
        }
        if (Arrays.equals(prefix, XMLNS) || Arrays.equals(prefix, XML_PREFIX) && !uri.equals(Xml.XML)) {
            throw malformed("the reserved prefix «" + new String(prefix, StandardCharsets.UTF_8) + "» declared");
        }
        if (uri.equals(XMLNS_NAMESPACE) || uri.equals(Xml.XML) && !Arrays.equals(prefix, XML_PREFIX)) {
            throw malformed("the reserved namespace «" + uri + "» bound to another prefix");
        }
        if (bindings == prefixes.length) {
            prefixes = Arrays.copyOf(prefixes, bindings * 2);
            uris = Arrays.copyOf(uris, bindings * 2);
        }
        prefixes[bindings] = prefix;
        uris[bindings] = uri;
        bindings++;
    }

    /** The namespace of a name whose prefix runs from {@code start} to {@code colon} (-1: no prefix, the default). */
    private String resolve(int start, int colon) throws Unsupported {
        int end = colon < 0 ? start : colon;
        for (int i = bindings - 1; i >= 0; i--) {
            byte[] prefix = prefixes[i];
            if (prefix.length == end - start && (colon < 0 || equalsBytes(start, end, prefix))) {
                return uris[i];
            }
        }
        if (colon < 0) {
            return "";
        }
        if (equalsBytes(start, end, XML_PREFIX)) {
            return Xml.XML;
        }
        throw malformed("the prefix «" + new String(b, start, end - start, StandardCharsets.UTF_8)
                + "» is not declared");
    }

    private void requireDistinctAttributes() throws Unsupported {
        if (attributes < 2) {
            return;
        }
        if (attributes <= 16) {
            for (int i = 1; i < attributes; i++) {
                for (int j = 0; j < i; j++) {
                    if (sameBytes(attributeStart[i], attributeNameEnd[i], attributeStart[j], attributeNameEnd[j])) {
                        throw malformed("the attribute «" + name(i) + "» twice on one element");
                    }
                }
            }
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < attributes; i++) {
            if (!seen.add(name(i))) {
                throw malformed("the attribute «" + name(i) + "» twice on one element");
            }
        }
    }

    private String name(int attribute) {
        return new String(b, attributeStart[attribute], attributeNameEnd[attribute] - attributeStart[attribute],
                StandardCharsets.UTF_8);
    }

    private void endTag() throws Unsupported {
        int start = pos + 2;
        int end = scanName(start);
        int close = skipWhiteSpace(end);
        if (at(close) != '>') {
            throw malformed("an end tag not closed by «>»");
        }
        if (depth == 0 || !sameBytes(start, end, nameStart[depth], nameEnd[depth])) {
            throw malformed("the end tag «" + new String(b, start, end - start, StandardCharsets.UTF_8)
                    + "» does not match the element it ends");
        }
        pos = close + 1;
    }

    /** After an end has been the event: the element is left, and its declarations with it. */
    private void endElement() {
        bindings = bindingsAt[depth];
        depth--;
    }

    /** After the root: white space, comments and processing instructions only. */
    private void requireOnlyMiscellany() throws Unsupported {
        while (true) {
            pos = skipWhiteSpace(pos);
            if (pos >= length) {
                return;
            }
            if (b[pos] != '<' || at(pos + 1) != '!' && at(pos + 1) != '?') {
                throw malformed("content after the root element");
            }
            miscellany();
        }
    }

    // ----- text

    /** From a text's first byte to the next «<», every character checked and every reference well-formed. */
    private int scanText(int p) throws Unsupported {
        while (p < length) {
            byte c = b[p];
            if (c == '<') {
                return p;
            }
            if (c == '&') {
                p = reference(p, null);
            } else if (c < 0) {
                p = utf8Sequence(p);
            } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                refuseCharacter(p);
            } else if (c == '>' && p >= 2 && b[p - 1] == ']' && b[p - 2] == ']') {
                throw malformed("«]]>» in text");
            } else {
                p++;
            }
        }
        return p;
    }

    private boolean isWhiteSpace() {
        if (textIsCdata) {
            return false;
        }
        for (int p = textStart; p < textEnd; p++) {
            byte c = b[p];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    private String value(int attribute) throws Unsupported {
        return content(valueStart[attribute], valueEnd[attribute], true);
    }

    /**
     * Text or an attribute value as XML reads it: references replaced; line ends made \n (in an
     * attribute, every line end and tab a space, as attribute-value normalisation says).
     */
    private String content(int start, int end, boolean attribute) throws Unsupported {
        boolean plain = true;
        for (int p = start; p < end; p++) {
            byte c = b[p];
            if (c == '&' || c == '\r' || attribute && (c == '\n' || c == '\t')) {
                plain = false;
                break;
            }
        }
        if (plain) {
            return decode(start, end);
        }
        StringBuilder out = new StringBuilder(end - start);
        int run = start;
        int p = start;
        while (p < end) {
            byte c = b[p];
            if (c == '&' || c == '\r' || attribute && (c == '\n' || c == '\t')) {
                out.append(decode(run, p));
                if (c == '&') {
                    p = reference(p, out);
                } else if (c == '\r') {
                    out.append(attribute ? ' ' : '\n');
                    p = p + 1 < end && b[p + 1] == '\n' ? p + 2 : p + 1;
                } else {
                    out.append(' ');
                    p++;
                }
                run = p;
            } else {
                p++;
            }
        }
        out.append(decode(run, end));
        return out.toString();
    }

    /** A reference at {@code p} («&amp;», «&#10;», «&#x1F;»), appended to {@code out} if given; returns where it ends. */
    private int reference(int p, StringBuilder out) throws Unsupported {
        // A reference is a name or a number, which may have any number of leading zeros (&#x0000041;).
        int semicolon = p + 1;
        while (semicolon < length && b[semicolon] != ';'
                && (b[semicolon] == '#' || Character.isLetterOrDigit(b[semicolon]))) {
            semicolon++;
        }
        if (semicolon >= length || b[semicolon] != ';') {
            throw malformed("«&» that starts no reference");
        }
        int codePoint;
        if (at(p + 1) == '#') {
            boolean hex = at(p + 2) == 'x';
            int digits = hex ? p + 3 : p + 2;
            if (digits == semicolon) {
                throw malformed("a character reference without digits");
            }
            long n = 0;
            for (int q = digits; q < semicolon; q++) {
                int digit = Character.digit(b[q], hex ? 16 : 10);
                if (digit < 0) {
                    throw malformed("a character reference that is not a number");
                }
                n = n * (hex ? 16 : 10) + digit;
                if (n > Character.MAX_CODE_POINT) {
                    throw malformed("a reference to a character XML does not allow (beyond U+10FFFF)");
                }
            }
            if (!isXmlCharacter(n)) {
                throw malformed("a reference to a character XML does not allow (" + n + ")");
            }
            codePoint = (int) n;
        } else if (equalsAscii(p + 1, semicolon, "amp")) {
            codePoint = '&';
        } else if (equalsAscii(p + 1, semicolon, "lt")) {
            codePoint = '<';
        } else if (equalsAscii(p + 1, semicolon, "gt")) {
            codePoint = '>';
        } else if (equalsAscii(p + 1, semicolon, "quot")) {
            codePoint = '"';
        } else if (equalsAscii(p + 1, semicolon, "apos")) {
            codePoint = '\'';
        } else {
            throw malformed("a reference to the entity «" + new String(b, p + 1, semicolon - p - 1,
                    StandardCharsets.UTF_8) + "», which no DTD declares");
        }
        if (out != null) {
            out.appendCodePoint(codePoint);
        }
        return semicolon + 1;
    }

    private static boolean isXmlCharacter(long c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }

    /** Every character between two positions allowed by XML (comments, CDATA, processing instructions). */
    private void checkCharacters(int start, int end) throws Unsupported {
        int p = start;
        while (p < end) {
            byte c = b[p];
            if (c < 0) {
                p = utf8Sequence(p);
            } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                refuseCharacter(p);
            } else {
                p++;
            }
        }
    }

    private int refuseCharacter(int p) throws Unsupported {
        throw malformed("the control character U+" + String.format("%04X", b[p]) + ", which XML does not allow");
    }

    /**
     * A UTF-8 sequence of two to four bytes at {@code p}, well-formed and a character XML allows;
     * returns where it ends.
     */
    private int utf8Sequence(int p) throws Unsupported {
        int lead = b[p] & 0xFF;
        int n;
        int codePoint;
        if (lead >= 0xC2 && lead <= 0xDF) {
            n = 2;
            codePoint = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            n = 3;
            codePoint = lead & 0x0F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            n = 4;
            codePoint = lead & 0x07;
        } else {
            throw malformed("bytes that are not UTF-8");
        }
        if (p + n > length) {
            throw malformed("bytes that are not UTF-8");
        }
        for (int i = 1; i < n; i++) {
            int next = b[p + i] & 0xFF;
            if ((next & 0xC0) != 0x80) {
                throw malformed("bytes that are not UTF-8");
            }
            codePoint = codePoint << 6 | next & 0x3F;
        }
        if (n == 3 && codePoint < 0x800 || n == 4 && (codePoint < 0x10000 || codePoint > 0x10FFFF)
                || !isXmlCharacter(codePoint)) {
            throw malformed("bytes that are not UTF-8 of a character XML allows");
        }
        this.codePoint = codePoint;
        return p + n;
    }


    /** The bytes between two positions as text: checked as they were scanned. */
    private String decode(int start, int end) {
        return new String(b, start, end - start, StandardCharsets.UTF_8);
    }

    // ----- names and bytes

    /** Where a name that starts at {@code p} ends (p itself when none starts there). */
    private int scanName(int p) throws Unsupported {
        int q = p;
        while (q < length) {
            byte c = b[q];
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':'
                    || q > p && (c >= '0' && c <= '9' || c == '-' || c == '.')) {
                q++;
            } else if (c < 0) {
                int end = utf8Sequence(q);
                if (!isNameCharacter(codePoint, q == p)) {
                    break;
                }
                q = end;
            } else {
                break;
            }
        }
        return q;
    }

    /** A character beyond ASCII that XML 1.0 (fifth edition) allows in a name, at its start or further on. */
    private static boolean isNameCharacter(int c, boolean first) {
        boolean start = c >= 0xC0 && c <= 0xD6 || c >= 0xD8 && c <= 0xF6 || c >= 0xF8 && c <= 0x2FF
                || c >= 0x370 && c <= 0x37D || c >= 0x37F && c <= 0x1FFF || c >= 0x200C && c <= 0x200D
                || c >= 0x2070 && c <= 0x218F || c >= 0x2C00 && c <= 0x2FEF || c >= 0x3001 && c <= 0xD7FF
                || c >= 0xF900 && c <= 0xFDCF || c >= 0xFDF0 && c <= 0xFFFD || c >= 0x10000 && c <= 0xEFFFF;
        return start || !first && (c == 0xB7 || c >= 0x300 && c <= 0x36F || c >= 0x203F && c <= 0x2040);
    }

    /** Where the prefix of a name ends: its colon, or -1 when it has none. */
    private int colon(int start, int end) throws Unsupported {
        int colon = -1;
        for (int p = start; p < end; p++) {
            if (b[p] == ':') {
                if (colon >= 0 || p == start || p == end - 1) {
                    throw malformed("the name «" + new String(b, start, end - start, StandardCharsets.UTF_8)
                            + "», which namespaces do not allow");
                }
                colon = p;
            }
        }
        return colon;
    }

    private int skipWhiteSpace(int p) {
        while (p < length) {
            byte c = b[p];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                break;
            }
            p++;
        }
        return p;
    }

    private byte at(int p) throws Unsupported {
        if (p >= length) {
            throw malformed("the part ends inside a tag");
        }
        return b[p];
    }

    private boolean startsWith(int p, String ascii) {
        if (p + ascii.length() > length) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (b[p + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int indexOf(int from, String ascii) throws Unsupported {
        byte first = (byte) ascii.charAt(0);
        for (int p = from; p <= length - ascii.length(); p++) {
            if (b[p] == first && startsWith(p, ascii)) {
                return p;
            }
        }
        throw malformed("the part ends before «" + ascii + "»");
    }

    /**
     * The name between two positions is this one: byte for character when they are as many (an ASCII
     * name, as nearly all are), else decoded, for a name beyond ASCII takes more bytes than characters.
     */
    private boolean equalsName(int start, int end, String name) {
        int bytes = end - start;
        if (bytes == name.length()) {
            return equalsAscii(start, end, name);
        }
        return bytes > name.length() && !isAscii(name) && decode(start, end).equals(name);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private boolean equalsAscii(int start, int end, String ascii) {
        if (end - start != ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (b[start + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean equalsBytes(int start, int end, byte[] bytes) {
        if (end - start != bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if (b[start + i] != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Two spans of the part hold the same bytes. A loop of its own: the short names compared here cost
     * more through Arrays.equals's range checks than the comparing itself, in the C1 code a run compiles.
     */
    private boolean sameBytes(int start, int end, int otherStart, int otherEnd) {
        if (end - start != otherEnd - otherStart) {
            return false;
        }
        for (int i = 0; i < end - start; i++) {
            if (b[start + i] != b[otherStart + i]) {
                return false;
            }
        }
        return true;
    }

    private void ensureDepth(int d) {
        if (d < nameStart.length) {
            return;
        }
        int n = nameStart.length * 2;
        nameStart = Arrays.copyOf(nameStart, n);
        nameColon = Arrays.copyOf(nameColon, n);
        nameEnd = Arrays.copyOf(nameEnd, n);
        elementNamespace = Arrays.copyOf(elementNamespace, n);
        bindingsAt = Arrays.copyOf(bindingsAt, n);
    }

    private Unsupported malformed(String what) {
        return new Unsupported(Reason.MALFORMED_XML, part, what + " (at byte " + pos + ")");
    }

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.US_ASCII);
    }

    // ----- encodings

    /**
     * The encoding of a part without a UTF-8 byte-order mark, when it is not UTF-8: UTF-16 by its mark or
     * its first characters, else what its declaration says.
     */
    private static Charset otherEncoding(byte[] bytes, String part) throws Unsupported {
        if (bytes.length >= 2) {
            int first = bytes[0] & 0xFF;
            int second = bytes[1] & 0xFF;
            if (first == 0xFE && second == 0xFF || first == 0 && second == '<') {
                return StandardCharsets.UTF_16BE;
            }
            if (first == 0xFF && second == 0xFE || first == '<' && second == 0) {
                return StandardCharsets.UTF_16LE;
            }
        }
        String declared = declaredEncoding(bytes);
        if (declared == null || declared.equalsIgnoreCase("UTF-8") || declared.equalsIgnoreCase("UTF8")) {
            return null;
        }
        try {
            return Charset.forName(declared);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new Unsupported(Reason.MALFORMED_XML, part, "the encoding «" + declared + "», which Java does not know");
        }
    }

    /** The encoding an XML declaration at the start names; null when there is none. */
    private static String declaredEncoding(byte[] bytes) {
        int n = Math.min(bytes.length, 200);
        String head = new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
        if (!head.startsWith("<?xml")) {
            return null;
        }
        int close = head.indexOf("?>");
        String declaration = close < 0 ? head : head.substring(0, close);
        java.util.regex.Matcher m = ENCODING.matcher(declaration);
        return m.find() ? m.group(1) : null;
    }

    /** A part in another encoding as UTF-8, its byte-order mark left out; bytes not of that encoding refused. */
    private static byte[] transcode(byte[] bytes, Charset charset, String part) throws Unsupported {
        int skip = 0;
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF
                || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE)) {
            skip = 2;
        }
        try {
            String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new Unsupported(Reason.MALFORMED_XML, part, "bytes that are not " + charset.name(), e);
        }
    }
}
