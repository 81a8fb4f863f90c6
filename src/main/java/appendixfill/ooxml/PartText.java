package appendixfill.ooxml;

import appendixfill.ooxml.Unsupported.Reason;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * An XML part as text, to be changed by splicing: read in the encoding its BOM or declaration
 * gives, parsed with offsets that index the text, and written back in the same encoding with
 * every character outside the changed spans exactly as it was.
 */
public final class PartText {

    private final String part;
    private final String text;
    private final Charset charset;
    /** Text inserted at an offset, in the order inserted; it goes before a replacement starting there. */
    private final TreeMap<Integer, StringBuilder> inserts = new TreeMap<>();
    /** Start offset → a replacement of the text from there; replacements never overlap. */
    private final TreeMap<Integer, Edit> edits = new TreeMap<>();

    /** One replacement: what stands from its start (the map's key) to {@code end} becomes {@code text}. */
    private record Edit(int end, String text) {
    }

    /** The root element as read: the namespaces in scope inside it and where its content ends. */
    private Root root;
    /** The root's end tag, written after everything appended, when the root was empty ({@code <X/>}). */
    private String rootEndTag;

    /**
     * The root element of the text as read.
     *
     * @param scope the namespaces in scope inside it
     * @param contentEnd where its end tag starts (where an empty root's start tag ends)
     * @param empty written {@code <X/>}
     */
    public record Root(javax.xml.namespace.NamespaceContext scope, int start, int contentEnd, int end, boolean empty) {
    }

    private PartText(String part, String text, Charset charset) {
        this.part = part;
        this.text = text;
        this.charset = charset;
    }

    /**
     * A part's bytes as text, in the encoding XML's own rules give (XML 1.0, appendix F): a byte
     * order mark, else the first bytes of the declaration, else its encoding pseudo-attribute,
     * else UTF-8.
     */
    public static PartText of(String part, byte[] bytes) throws Unsupported {
        Charset charset = encoding(bytes, part);
        try {
            String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return new PartText(part, text, charset);
        } catch (CharacterCodingException e) {
            throw new Unsupported(Reason.MALFORMED_XML, part, "bytes that are not " + charset, e);
        }
    }

    private static Charset encoding(byte[] bytes, String part) throws Unsupported {
        int b0 = bytes.length > 0 ? bytes[0] & 0xFF : -1;
        int b1 = bytes.length > 1 ? bytes[1] & 0xFF : -1;
        if (b0 == 0xFE && b1 == 0xFF || b0 == 0 && b1 == '<') {
            return StandardCharsets.UTF_16BE;
        }
        if (b0 == 0xFF && b1 == 0xFE || b0 == '<' && b1 == 0) {
            return StandardCharsets.UTF_16LE;
        }
        // ASCII-compatible: the declaration, if any, says which encoding.
        int start = b0 == 0xEF && b1 == 0xBB ? 3 : 0;
        String head = new String(bytes, start, Math.min(bytes.length - start, 200), StandardCharsets.ISO_8859_1);
        if (!head.startsWith("<?xml")) {
            return StandardCharsets.UTF_8;
        }
        int end = head.indexOf("?>");
        java.util.regex.Matcher declared = ENCODING.matcher(end < 0 ? head : head.substring(0, end));
        if (!declared.find()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(declared.group(2));
        } catch (IllegalArgumentException e) {
            throw new Unsupported(Reason.MALFORMED_XML, part, "an encoding Java does not know: " + declared.group(2), e);
        }
    }

    /** The encoding pseudo-attribute of an XML declaration (its grammar, XML 1.0 [80]). */
    private static final java.util.regex.Pattern ENCODING = java.util.regex.Pattern.compile(
            "\\sencoding\\s*=\\s*(['\"])([A-Za-z][A-Za-z0-9._-]*)\\1");

    /** A part written by the tool: UTF-8. */
    public static PartText fresh(String part, String text) {
        return new PartText(part, text, StandardCharsets.UTF_8);
    }

    public String part() {
        return part;
    }

    /** The text as read, edits not applied. */
    public String text() {
        return text;
    }

    /** A reader over the text as read, standing on the root element; its character offsets index {@link #text()}. */
    public XMLStreamReader2 reader() throws Unsupported {
        return Xml.open(new StringReader(text), part);
    }

    /** Where the root element is, and the namespaces in scope inside it. */
    public Root root() throws Unsupported {
        if (root == null) {
            org.codehaus.stax2.XMLStreamReader2 xml = reader();
            try {
                javax.xml.namespace.NamespaceContext scope = xml.getNonTransientNamespaceContext();
                org.codehaus.stax2.LocationInfo start = xml.getLocationInfo();
                int startBegin = (int) start.getStartingCharOffset();
                int startEnd = (int) start.getEndingCharOffset();
                Xml.skip(xml);
                org.codehaus.stax2.LocationInfo end = xml.getLocationInfo();
                boolean empty = end.getStartingCharOffset() == startBegin;
                root = new Root(scope, startBegin, empty ? startEnd : (int) end.getStartingCharOffset(),
                        (int) end.getEndingCharOffset(), empty);
            } catch (javax.xml.stream.XMLStreamException e) {
                throw Xml.failure(e, part);
            }
        }
        return root;
    }

    /** Adds markup as the last children of the root element; an empty root ({@code <X/>}) is opened for it. */
    public void appendToRoot(String markup) throws Unsupported {
        Root found = root();
        if (found.empty() && rootEndTag == null) {
            String tag = text.substring(found.start(), found.end());
            int slash = found.start() + tag.lastIndexOf("/>");
            replace(slash, slash + 1, "");
            rootEndTag = "</" + tag.substring(1).split("[\\s/>]", 2)[0] + ">";
        }
        insert(found.contentEnd(), markup);
    }

    /** Replaces the text from {@code start} to {@code end} (not empty: an empty span is an {@link #insert}). */
    public void replace(int start, int end, String replacement) {
        if (start < 0 || end <= start || end > text.length()) {
            throw new IllegalArgumentException("span " + start + ".." + end + " of " + part);
        }
        Map.Entry<Integer, Edit> before = edits.floorEntry(end - 1);
        boolean overlaps = before != null && before.getValue().end() > start
                || inserts.subMap(start, false, end, false).size() > 0;
        if (overlaps) {
            throw new IllegalStateException("two edits of " + part + " overlap at " + start);
        }
        edits.put(start, new Edit(end, replacement));
    }

    /** Inserts text at an offset: after what was inserted there before, and before a replacement starting there. */
    public void insert(int at, String inserted) {
        if (at < 0 || at > text.length()) {
            throw new IllegalArgumentException("offset " + at + " of " + part);
        }
        Map.Entry<Integer, Edit> covering = edits.lowerEntry(at);
        if (covering != null && covering.getValue().end() > at) {
            throw new IllegalStateException("an insert into text of " + part + " already replaced, at " + at);
        }
        inserts.computeIfAbsent(at, a -> new StringBuilder()).append(inserted);
    }

    /** True when nothing was changed. */
    public boolean unchanged() {
        return edits.isEmpty() && inserts.isEmpty();
    }

    /** The text with every edit applied. */
    public String edited() {
        StringBuilder out = new StringBuilder(text.length() + 4096);
        java.util.TreeSet<Integer> offsets = new java.util.TreeSet<>(edits.keySet());
        offsets.addAll(inserts.keySet());
        int at = 0;
        for (int offset : offsets) {
            out.append(text, at, offset);
            at = offset;
            StringBuilder inserted = inserts.get(offset);
            if (inserted != null) {
                out.append(inserted);
            }
            if (rootEndTag != null && offset == root.contentEnd()) {
                out.append(rootEndTag);
            }
            Edit edit = edits.get(offset);
            if (edit != null) {
                out.append(edit.text());
                at = edit.end();
            }
        }
        return out.append(text, at, text.length()).toString();
    }

    /**
     * The edited text in the part's encoding. In an encoding that cannot hold every character
     * written (a part declared windows-1252, say), those characters become character references.
     */
    public byte[] bytes() {
        String edited = edited();
        if (charset.equals(StandardCharsets.UTF_8) || charset.name().startsWith("UTF-16")) {
            return edited.getBytes(charset);
        }
        CharsetEncoder encoder = charset.newEncoder();
        StringBuilder safe = new StringBuilder(edited.length());
        edited.codePoints().forEach(c -> {
            String character = Character.toString(c);
            if (encoder.canEncode(character)) {
                safe.append(character);
            } else {
                safe.append("&#").append(c).append(';');
            }
        });
        try {
            ByteBuffer encoded = encoder.reset().encode(CharBuffer.wrap(safe));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("cannot encode " + part + " in " + charset, e);
        }
    }
}
