package appendixfill.producers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * One XML part of a package as a namespace-aware DOM, and the way it is written back: the
 * generator changes the tree (prefixes, declarations, elements) and a {@link Style} says how the
 * same tree is spelled (quotes, spaces in tags, line ends, byte order mark, encoding, a DOCTYPE).
 */
final class PartXml {

    static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    static final String PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
    static final String CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types";
    static final String MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    static final String XMLNS = XMLConstants.XMLNS_ATTRIBUTE_NS_URI;
    static final String XML = XMLConstants.XML_NS_URI;

    private PartXml() {
    }

    /** How a tree is spelled; {@link #PLAIN} is how the example is written (one line, UTF-8, double quotes). */
    record Style(char quote, boolean spacedTags, String newline, boolean byteOrderMark, Charset charset,
            boolean doctype) {

        static final Style PLAIN = new Style('"', false, "", false, StandardCharsets.UTF_8, false);

        Style withQuote(char q) {
            return new Style(q, spacedTags, newline, byteOrderMark, charset, doctype);
        }

        Style withSpacedTags() {
            return new Style(quote, true, newline, byteOrderMark, charset, doctype);
        }

        Style withBomAndLines(String lineEnd) {
            return new Style(quote, spacedTags, lineEnd, true, charset, doctype);
        }

        Style withUtf16() {
            return new Style(quote, spacedTags, newline, true, StandardCharsets.UTF_16LE, doctype);
        }

        Style withDoctype() {
            return new Style(quote, spacedTags, newline, byteOrderMark, charset, true);
        }
    }

    /** Parses a part namespace-aware, refusing any DOCTYPE (the generator's inputs have none). */
    static Document parse(byte[] bytes) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("not namespace-well-formed XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the tree exactly as it stands (every prefix and declaration it holds) in the given style. */
    static byte[] write(Document document, Style style) {
        StringBuilder out = new StringBuilder();
        char q = style.quote();
        String encoding = style.charset().equals(StandardCharsets.UTF_8) ? "UTF-8" : "UTF-16";
        out.append("<?xml version=").append(q).append("1.0").append(q).append(" encoding=").append(q).append(encoding)
                .append(q).append(" standalone=").append(q).append("yes").append(q).append("?>").append(style.newline());
        Element root = document.getDocumentElement();
        if (style.doctype()) {
            out.append("<!DOCTYPE ").append(root.getNodeName()).append('>').append(style.newline());
        }
        writeElement(root, 0, style, out);
        out.append(style.newline());
        byte[] text = out.toString().getBytes(style.charset());
        if (!style.byteOrderMark()) {
            return text;
        }
        byte[] bom = style.charset().equals(StandardCharsets.UTF_8) ? new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}
                : new byte[] {(byte) 0xFF, (byte) 0xFE};
        byte[] all = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(text, 0, all, bom.length, text.length);
        return all;
    }

    private static void writeElement(Element element, int depth, Style style, StringBuilder out) {
        String gap = style.spacedTags() ? "  " : " ";
        String equals = style.spacedTags() ? " = " : "=";
        out.append('<').append(element.getNodeName());
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            out.append(gap).append(attribute.getName()).append(equals).append(style.quote())
                    .append(escapeAttribute(attribute.getValue(), style.quote())).append(style.quote());
        }
        if (!element.hasChildNodes()) {
            out.append(style.spacedTags() ? "  />" : "/>");
            return;
        }
        out.append(style.spacedTags() ? " >" : ">");
        // Line breaks go only where they carry no meaning: between the children of an element that
        // holds elements and no text.
        boolean indent = !style.newline().isEmpty() && elementOnly(element);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (indent) {
                out.append(style.newline()).append("  ".repeat(depth + 1));
            }
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE -> writeElement((Element) child, depth + 1, style, out);
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> out.append(escapeText(child.getNodeValue()));
                case Node.COMMENT_NODE -> out.append("<!--").append(child.getNodeValue()).append("-->");
                case Node.PROCESSING_INSTRUCTION_NODE -> out.append("<?").append(child.getNodeName()).append(' ')
                        .append(child.getNodeValue()).append("?>");
                default -> throw new IllegalStateException("unexpected node " + child);
            }
        }
        if (indent) {
            out.append(style.newline()).append("  ".repeat(depth));
        }
        out.append("</").append(element.getNodeName()).append(style.spacedTags() ? " >" : ">");
    }

    private static boolean elementOnly(Element element) {
        boolean elements = false;
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            short type = child.getNodeType();
            if (type == Node.TEXT_NODE || type == Node.CDATA_SECTION_NODE) {
                return false;
            }
            elements |= type == Node.ELEMENT_NODE;
        }
        return elements;
    }

    private static String escapeText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String escapeAttribute(String text, char quote) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '"' -> out.append(quote == '"' ? "&quot;" : "\"");
                case '\'' -> out.append(quote == '\'' ? "&apos;" : "'");
                case '\t' -> out.append("&#9;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Every element of the tree, in document order. */
    static List<Element> elements(Document document) {
        List<Element> all = new ArrayList<>();
        collect(document.getDocumentElement(), all);
        return all;
    }

    private static void collect(Element element, List<Element> all) {
        all.add(element);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                collect(e, all);
            }
        }
    }

    /** The elements of one namespace and local name, in document order. */
    static List<Element> elements(Document document, String namespace, String localName) {
        return elements(document).stream()
                .filter(e -> namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())).toList();
    }

    /** The first child element of one namespace and local name, or null. */
    static Element child(Element parent, String namespace, String localName) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    /**
     * Every element and attribute of a namespace spelled with one prefix (empty: the default
     * namespace, for elements only), declared once on the root; every other declaration of that
     * namespace removed.
     */
    static void usePrefix(Document document, String namespace, String prefix) {
        for (Element element : elements(document)) {
            removeDeclarationsOf(element, namespace);
            if (namespace.equals(element.getNamespaceURI())) {
                element.setPrefix(prefix.isEmpty() ? null : prefix);
            }
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                if (namespace.equals(attribute.getNamespaceURI())) {
                    if (prefix.isEmpty()) {
                        throw new IllegalArgumentException("an attribute cannot be in the default namespace");
                    }
                    attribute.setPrefix(prefix);
                }
            }
        }
        declare(document.getDocumentElement(), prefix, namespace);
    }

    /** Declares prefix → namespace on one element (empty prefix: the default namespace). */
    static void declare(Element element, String prefix, String namespace) {
        element.setAttributeNS(XMLNS, prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix, namespace);
    }

    /** Removes every declaration of the namespace that the element carries. */
    static void removeDeclarationsOf(Element element, String namespace) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = attributes.getLength() - 1; i >= 0; i--) {
            Attr attribute = (Attr) attributes.item(i);
            if (XMLNS.equals(attribute.getNamespaceURI()) && namespace.equals(attribute.getValue())) {
                element.removeAttributeNode(attribute);
            }
        }
    }

    /**
     * The namespace's declaration taken off the root and put on every element that uses it (by its
     * own name or an attribute's), as openpyxl declares {@code r} on each {@code <sheet>}.
     */
    static void declareWhereUsed(Document document, String namespace, String prefix) {
        usePrefix(document, namespace, prefix);
        removeDeclarationsOf(document.getDocumentElement(), namespace);
        for (Element element : elements(document)) {
            boolean uses = namespace.equals(element.getNamespaceURI());
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                uses |= namespace.equals(attributes.item(i).getNamespaceURI());
            }
            if (uses) {
                declare(element, prefix, namespace);
            }
        }
    }

    /** A new element of the namespace, spelled with the prefix its parent-to-be uses for it. */
    static Element create(Document document, String namespace, String qualifiedName) {
        return document.createElementNS(namespace, qualifiedName);
    }

    /** A new element of SpreadsheetML spelled as the document spells its root's namespace. */
    static Element createMain(Document document, String localName) {
        String prefix = document.getDocumentElement().getPrefix();
        return document.createElementNS(MAIN, prefix == null ? localName : prefix + ":" + localName);
    }
}
