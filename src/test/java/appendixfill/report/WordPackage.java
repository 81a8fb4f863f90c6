package appendixfill.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlError;
import org.apache.xmlbeans.XmlException;
import org.apache.xmlbeans.XmlObject;
import org.apache.xmlbeans.XmlOptions;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CommentsDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.DocumentDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.HdrDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.SettingsDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.StylesDocument;
import org.openxmlformats.schemas.xpackage.x2006.relationships.RelationshipsDocument;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A .docx as the tests read it: its parts, each parsed namespace-aware and validated against the
 * ECMA-376 schemas (XMLBeans types of poi-ooxml-full; the OPC content types against their XSD), the
 * package checked for what no schema sees (every style, relationship and comment referred to exists),
 * and its text as POI reads it, paragraph by paragraph.
 */
public final class WordPackage {

    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private WordPackage() {
    }

    /** The parts of the package, in the order of the zip. */
    public static Map<String, byte[]> parts(byte[] docx) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                parts.put(entry.getName(), zip.readAllBytes());
            }
        }
        return parts;
    }

    /** Everything wrong with the package: empty when every part is well-formed, valid and consistent. */
    public static List<String> problems(byte[] docx) throws Exception {
        Map<String, byte[]> parts = parts(docx);
        List<String> problems = new ArrayList<>();
        Map<String, org.w3c.dom.Document> parsed = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> part : parts.entrySet()) {
            try {
                parsed.put(part.getKey(), parse(part.getValue()));
            } catch (Exception e) {
                problems.add(part.getKey() + ": not namespace-well-formed: " + e.getMessage());
                continue;
            }
            problems.addAll(validate(part.getKey(), part.getValue()));
        }
        problems.addAll(consistency(parts.keySet(), parsed));
        return problems;
    }

    private static org.w3c.dom.Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new ByteArrayInputStream(xml));
    }

    private static List<String> validate(String name, byte[] xml) throws IOException {
        List<String> problems = new ArrayList<>();
        if (name.equals("[Content_Types].xml")) {
            try (InputStream xsd = WordPackage.class.getResourceAsStream("/opc/opc-contentTypes.xsd")) {
                SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(new StreamSource(xsd))
                        .newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
            } catch (org.xml.sax.SAXException e) {
                problems.add(name + ": " + e.getMessage());
            }
            return problems;
        }
        try {
            XmlOptions load = new XmlOptions().setLoadLineNumbers();
            XmlObject part = switch (name) {
                case "word/document.xml" -> DocumentDocument.Factory.parse(new ByteArrayInputStream(xml), load);
                case "word/styles.xml" -> StylesDocument.Factory.parse(new ByteArrayInputStream(xml), load);
                case "word/settings.xml" -> SettingsDocument.Factory.parse(new ByteArrayInputStream(xml), load);
                case "word/comments.xml" -> CommentsDocument.Factory.parse(new ByteArrayInputStream(xml), load);
                case "word/header1.xml", "word/header2.xml" -> HdrDocument.Factory.parse(new ByteArrayInputStream(xml), load);
                case "_rels/.rels", "word/_rels/document.xml.rels" ->
                        RelationshipsDocument.Factory.parse(new ByteArrayInputStream(xml), load);
                default -> null;
            };
            if (part == null) {
                problems.add(name + ": a part the tests do not know how to validate");
                return problems;
            }
            List<XmlError> errors = new ArrayList<>();
            if (!part.validate(new XmlOptions().setErrorListener(errors))) {
                for (XmlError error : errors.subList(0, Math.min(5, errors.size()))) {
                    problems.add(name + ":" + error.getLine() + ": " + error.getMessage());
                }
                if (errors.size() > 5) {
                    problems.add(name + ": and " + (errors.size() - 5) + " errors more");
                }
            }
        } catch (XmlException e) {
            problems.add(name + ": " + e.getMessage());
        }
        return problems;
    }

    /** What no schema checks: the package refers only to what it holds. */
    private static List<String> consistency(Set<String> names, Map<String, org.w3c.dom.Document> parsed) {
        List<String> problems = new ArrayList<>();
        org.w3c.dom.Document types = parsed.get("[Content_Types].xml");
        Set<String> overridden = new HashSet<>();
        for (Element override : elements(types, "http://schemas.openxmlformats.org/package/2006/content-types", "Override")) {
            overridden.add(override.getAttribute("PartName").replaceFirst("^/", ""));
        }
        for (String name : names) {
            if (!name.endsWith(".rels") && !name.equals("[Content_Types].xml") && !overridden.contains(name)) {
                problems.add(name + ": no content type");
            }
        }
        for (String rels : List.of("_rels/.rels", "word/_rels/document.xml.rels")) {
            String base = rels.startsWith("word/") ? "word/" : "";
            for (Element rel : elements(parsed.get(rels), "http://schemas.openxmlformats.org/package/2006/relationships",
                    "Relationship")) {
                if (!names.contains(base + rel.getAttribute("Target"))) {
                    problems.add(rels + ": " + rel.getAttribute("Id") + " targets a missing part " + rel.getAttribute("Target"));
                }
            }
        }
        Set<String> relationshipIds = new HashSet<>();
        for (Element rel : elements(parsed.get("word/_rels/document.xml.rels"),
                "http://schemas.openxmlformats.org/package/2006/relationships", "Relationship")) {
            relationshipIds.add(rel.getAttribute("Id"));
        }
        org.w3c.dom.Document document = parsed.get("word/document.xml");
        for (Element reference : elements(document, W, "headerReference")) {
            String id = reference.getAttributeNS("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id");
            if (!relationshipIds.contains(id)) {
                problems.add("document.xml refers to a missing relationship " + id);
            }
        }
        Set<String> styles = new HashSet<>();
        for (Element style : elements(parsed.get("word/styles.xml"), W, "style")) {
            styles.add(style.getAttributeNS(W, "styleId"));
        }
        for (String part : List.of("word/document.xml", "word/comments.xml", "word/header1.xml", "word/header2.xml")) {
            for (String kind : List.of("pStyle", "rStyle", "tblStyle")) {
                for (Element used : elements(parsed.get(part), W, kind)) {
                    if (!styles.contains(used.getAttributeNS(W, "val"))) {
                        problems.add(part + ": style " + used.getAttributeNS(W, "val") + " is not in styles.xml");
                    }
                }
            }
        }
        List<String> referenced = new ArrayList<>();
        for (Element reference : elements(document, W, "commentReference")) {
            referenced.add(reference.getAttributeNS(W, "id"));
        }
        List<String> starts = elements(document, W, "commentRangeStart").stream().map(e -> e.getAttributeNS(W, "id")).toList();
        List<String> ends = elements(document, W, "commentRangeEnd").stream().map(e -> e.getAttributeNS(W, "id")).toList();
        List<String> comments = elements(parsed.get("word/comments.xml"), W, "comment").stream()
                .map(e -> e.getAttributeNS(W, "id")).toList();
        if (!referenced.equals(comments) || !starts.equals(comments) || !ends.equals(comments)) {
            problems.add("comments " + comments + " are not each anchored once, in order: references " + referenced
                    + ", ranges " + starts + " to " + ends);
        }
        return problems;
    }

    static List<Element> elements(org.w3c.dom.Document document, String namespace, String localName) {
        List<Element> elements = new ArrayList<>();
        NodeList nodes = document.getElementsByTagNameNS(namespace, localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    /**
     * The text of the document as POI reads it, one entry a paragraph in reading order: a layout
     * table's cells paragraph by paragraph, a row of the appendix's table as one line, its cells joined by
     * tabs (a cell spanning two columns followed by an empty one), as report.txt writes it. Empty
     * paragraphs (the rules under a heading line) are left out.
     */
    public static List<String> paragraphs(byte[] docx) throws IOException {
        List<String> paragraphs = new ArrayList<>();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    add(paragraphs, paragraph.getText());
                } else if (element instanceof XWPFTable table && "AppendixTable".equals(table.getStyleID())) {
                    for (XWPFTableRow row : table.getRows()) {
                        List<String> cells = new ArrayList<>();
                        for (XWPFTableCell cell : row.getTableCells()) {
                            cells.add(cell.getText());
                            CTTcPr properties = cell.getCTTc().getTcPr();
                            if (properties != null && properties.getGridSpan() != null) {
                                for (int i = 1; i < properties.getGridSpan().getVal().intValue(); i++) {
                                    cells.add("");
                                }
                            }
                        }
                        paragraphs.add(String.join("\t", cells));
                    }
                } else if (element instanceof XWPFTable table) {
                    for (XWPFTableRow row : table.getRows()) {
                        for (XWPFTableCell cell : row.getTableCells()) {
                            for (XWPFParagraph paragraph : cell.getParagraphs()) {
                                add(paragraphs, paragraph.getText());
                            }
                        }
                    }
                }
            }
        }
        return paragraphs;
    }

    /** The paragraphs of a text report: its lines, blank ones left out. */
    public static List<String> paragraphs(String text) {
        return text.lines().filter(line -> !line.isBlank()).toList();
    }

    private static void add(List<String> paragraphs, String text) {
        if (!text.isBlank()) {
            paragraphs.add(text);
        }
    }
}
