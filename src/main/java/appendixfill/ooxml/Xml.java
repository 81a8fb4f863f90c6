package appendixfill.ooxml;

import appendixfill.ooxml.Unsupported.Reason;
import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import java.io.InputStream;
import java.io.Reader;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * The XML layer's namespaces, escaping and Woodstox reader: the reader of parts to be changed by
 * splicing (for its exact character offsets) and of the prolog of every part copied (for a DOCTYPE);
 * parts only read, and every part written (checked before it is), go through {@link XmlScanner}. Both refuse any DOCTYPE and match elements and
 * attributes by namespace URI and local name, never by prefix; Strict Open XML's namespaces are read
 * as the transitional ones they correspond to.
 */
public final class Xml {

    /** SpreadsheetML. */
    public static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    /** Relationship ids in a part (r:id), and the prefix of the relationship types. */
    public static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    /** A relationships part. */
    public static final String PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
    /** [Content_Types].xml. */
    public static final String CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types";
    /** docProps/custom.xml. */
    public static final String CUSTOM_PROPERTIES = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties";
    /** The value types of document properties. */
    public static final String VARIANT_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";
    /** Markup compatibility (mc:Ignorable, mc:AlternateContent). */
    public static final String MARKUP_COMPATIBILITY = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    /** The XML namespace itself (xml:space). */
    public static final String XML = "http://www.w3.org/XML/1998/namespace";

    /** Strict Open XML's namespaces and relationship-type prefixes, and the transitional ones they stand for. */
    private static final Map<String, String> STRICT = Map.of(
            "http://purl.oclc.org/ooxml/spreadsheetml/main", MAIN,
            "http://purl.oclc.org/ooxml/officeDocument/relationships", RELATIONSHIPS,
            "http://purl.oclc.org/ooxml/officeDocument/customProperties", CUSTOM_PROPERTIES,
            "http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes", VARIANT_TYPES,
            "http://purl.oclc.org/ooxml/drawingml/main", "http://schemas.openxmlformats.org/drawingml/2006/main",
            "http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
            "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");

    private static final String STRICT_RELATIONSHIP_TYPES = "http://purl.oclc.org/ooxml/officeDocument/relationships/";

    /** No part of a spreadsheet nests deeper, or has more attributes on one element, or longer text. */
    static final int MAX_DEPTH = 200;
    static final int MAX_ATTRIBUTES = 1_000;
    private static final int MAX_TEXT = 32 << 20;

    /** One factory per thread: a consolidation reads on every core. Parts only read need no offsets. */
    private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(() -> factory(false));
    /** Parts to be changed by splicing: every event's exact offsets. */
    private static final ThreadLocal<XMLInputFactory> WITH_OFFSETS = ThreadLocal.withInitial(() -> factory(true));

    private Xml() {
    }

    private static XMLInputFactory factory(boolean offsets) {
        XMLInputFactory factory = new WstxInputFactory();
        factory.setProperty(org.codehaus.stax2.XMLInputFactory2.P_PRESERVE_LOCATION, offsets);
        // Parts arrive by e-mail from outside: no DTD is read and no entity resolved; a DOCTYPE is
        // refused outright when it is met (see open).
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        // Every token parsed as it is reached: a lazily parsed one would fail later, inside getText(),
        // as an unchecked exception.
        factory.setProperty(org.codehaus.stax2.XMLInputFactory2.P_LAZY_PARSING, false);
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, MAX_DEPTH);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, MAX_ATTRIBUTES);
        factory.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, MAX_TEXT);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, MAX_TEXT);
        return factory;
    }

    /** A reader of a part as it is inflated, standing on the root element. */
    public static XMLStreamReader2 open(InputStream in, String part) throws Unsupported {
        try {
            return toRoot((XMLStreamReader2) FACTORY.get().createXMLStreamReader(in), part);
        } catch (XMLStreamException e) {
            throw failure(e, part);
        }
    }

    /** A reader of a part's text; its offsets index that text. */
    public static XMLStreamReader2 open(Reader text, String part) throws Unsupported {
        try {
            return toRoot((XMLStreamReader2) WITH_OFFSETS.get().createXMLStreamReader(text), part);
        } catch (XMLStreamException e) {
            throw failure(e, part);
        }
    }

    private static XMLStreamReader2 toRoot(XMLStreamReader2 reader, String part) throws XMLStreamException,
            Unsupported {
        while (reader.getEventType() != XMLStreamConstants.START_ELEMENT) {
            if (reader.getEventType() == XMLStreamConstants.DTD) {
                throw new Unsupported(Reason.DOCTYPE, part, "a DOCTYPE before the root element");
            }
            if (!reader.hasNext()) {
                throw new Unsupported(Reason.MALFORMED_XML, part, "no root element");
            }
            reader.next();
        }
        return reader;
    }

    /**
     * What a failure of the XML reader means: a limit of the zip met while the part was inflated, or
     * XML that is not well-formed.
     */
    public static Unsupported failure(XMLStreamException e, String part) {
        return ZipArchive.refusal(e).orElseGet(() -> new Unsupported(Reason.MALFORMED_XML, part,
                String.valueOf(e.getMessage()), e));
    }

    /** The namespace as the transitional schemas name it (Strict Open XML's mapped). */
    public static String canonical(String namespace) {
        if (namespace == null || namespace.isEmpty()) {
            return "";
        }
        return STRICT.getOrDefault(namespace, namespace);
    }

    /** A relationship type as the transitional schemas name it. */
    public static String canonicalType(String type) {
        if (type != null && type.startsWith(STRICT_RELATIONSHIP_TYPES)) {
            return RELATIONSHIPS + "/" + type.substring(STRICT_RELATIONSHIP_TYPES.length());
        }
        return type;
    }

    /** True when a namespace is one of Strict Open XML's. */
    public static boolean isStrict(String namespace) {
        return STRICT.containsKey(namespace);
    }

    /** True when the reader stands on an element of that namespace and local name. */
    public static boolean is(XMLStreamReader reader, String namespace, String local) {
        if (!reader.getLocalName().equals(local)) {
            return false;
        }
        String uri = reader.getNamespaceURI();
        return namespace.equals(uri) || uri != null && namespace.equals(STRICT.get(uri));
    }

    /** An attribute without a namespace, by local name; null when absent. */
    public static String attribute(XMLStreamReader reader, String local) {
        return reader.getAttributeValue("", local);
    }

    /** An attribute of a namespace (r:id, whatever its prefix), by local name; null when absent. */
    public static String attribute(XMLStreamReader reader, String namespace, String local) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            if (reader.getAttributeLocalName(i).equals(local)
                    && canonical(reader.getAttributeNamespace(i)).equals(namespace)) {
                return reader.getAttributeValue(i);
            }
        }
        return null;
    }

    /**
     * Skips the element the reader stands on, to its end tag, without building the events of what it
     * skips. Every reader comes from this class's factories, which are Woodstox's.
     */
    public static void skip(XMLStreamReader reader) throws XMLStreamException {
        ((XMLStreamReader2) reader).skipElement();
    }

    /** The text of the element the reader stands on, its children's text included; the reader ends on its end tag. */
    public static String text(XMLStreamReader reader) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                text.append(reader.getText());
            }
        }
        return text.toString();
    }

    /** Text as element content: &amp;, &lt; and &gt; escaped. */
    public static String escape(String text) {
        return escape(text, false);
    }

    /**
     * Text as an attribute value in double quotes: also the quote, and line ends and tabs as
     * character references, so that they survive attribute-value normalisation.
     */
    public static String escapeAttribute(String text) {
        return escape(text, true);
    }

    private static boolean isLoneSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
    }

    private static String escape(String text, boolean attribute) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> attribute ? "&quot;" : null;
                case '\n' -> attribute ? "&#10;" : null;
                case '\r' -> "&#13;";
                case '\t' -> attribute ? "&#9;" : null;
                // What XML 1.0 cannot carry (control characters, a surrogate without its pair) is left out
                // rather than written into a part a program would refuse to open.
                default -> c < 0x20 || c == 0xFFFE || c == 0xFFFF || isLoneSurrogate(text, i) ? "" : null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                out.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }
}
