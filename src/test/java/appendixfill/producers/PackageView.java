package appendixfill.producers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An .xlsx read the way the tests need it, independently of the tool: parts by OPC name
 * (case-insensitive), content types, relationships resolved as OPC says (relative and absolute
 * targets), sheets, workbook-scope names, cells, comments, legacy drawings and pictures. Strict
 * Open XML namespaces and relationship types are read as their transitional twins.
 */
final class PackageView {

    static final String STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    static final String STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships";
    static final String TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    static final String DRAWING_MAIN = "http://schemas.openxmlformats.org/drawingml/2006/main";
    static final String SPREADSHEET_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
    static final String VML_EXCEL = "urn:schemas-microsoft-com:office:excel";

    /** Strict Open XML's namespaces and their transitional twins (ISO/IEC 29500-1 §A, Part 4). */
    static final Map<String, String> STRICT_TO_TRANSITIONAL = Map.ofEntries(
            Map.entry(STRICT_MAIN, PartXml.MAIN),
            Map.entry(STRICT_REL, PartXml.REL),
            Map.entry("http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
                    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"),
            Map.entry("http://purl.oclc.org/ooxml/officeDocument/customProperties",
                    "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"),
            Map.entry("http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes",
                    "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"),
            Map.entry("http://purl.oclc.org/ooxml/drawingml/main", DRAWING_MAIN),
            Map.entry("http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing", SPREADSHEET_DRAWING));

    private final Path file;
    /** lower-case part name (no leading slash) → entry name as in the zip. */
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, byte[]> bytes = new LinkedHashMap<>();

    private PackageView(Path file) {
        this.file = file;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    names.put(entry.getName().toLowerCase(Locale.ROOT), entry.getName());
                    bytes.put(entry.getName(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    static PackageView of(Path file) {
        return new PackageView(file);
    }

    Path file() {
        return file;
    }

    /** Entry names as in the zip. */
    List<String> entries() {
        return List.copyOf(bytes.keySet());
    }

    Optional<byte[]> part(String partName) {
        String entry = names.get(strip(partName).toLowerCase(Locale.ROOT));
        return entry == null ? Optional.empty() : Optional.of(bytes.get(entry));
    }

    byte[] requirePart(String partName) {
        return part(partName).orElseThrow(() -> new AssertionError(file.getFileName() + " has no part " + partName
                + "; it has " + entries()));
    }

    Document xml(String partName) {
        return parse(requirePart(partName), partName);
    }

    /** The content type of a part: its Override, else the Default of its extension, else "". */
    String contentType(String partName) {
        Document types = xml("[Content_Types].xml");
        String name = "/" + strip(partName);
        for (Element override : PartXml.elements(types, PartXml.CONTENT_TYPES, "Override")) {
            if (override.getAttribute("PartName").equalsIgnoreCase(name)) {
                return override.getAttribute("ContentType");
            }
        }
        String extension = name.substring(name.lastIndexOf('.') + 1);
        for (Element fallback : PartXml.elements(types, PartXml.CONTENT_TYPES, "Default")) {
            if (fallback.getAttribute("Extension").equalsIgnoreCase(extension)) {
                return fallback.getAttribute("ContentType");
            }
        }
        return "";
    }

    /** One relationship, its type read as transitional and its target resolved to a part name. */
    record Relationship(String id, String type, String target, boolean external) {
    }

    /** The relationships of a part ("" for the package's own), empty where it has no relationships part. */
    List<Relationship> relationships(String source) {
        String base = strip(source);
        int slash = base.lastIndexOf('/');
        String folder = slash < 0 ? "" : base.substring(0, slash + 1);
        String relsName = folder + "_rels/" + base.substring(slash + 1) + ".rels";
        Optional<byte[]> rels = part(relsName);
        if (rels.isEmpty()) {
            return List.of();
        }
        List<Relationship> found = new ArrayList<>();
        for (Element r : PartXml.elements(parse(rels.get(), relsName), PartXml.PACKAGE_REL, "Relationship")) {
            boolean external = "External".equals(r.getAttribute("TargetMode"));
            String target = r.getAttribute("Target");
            found.add(new Relationship(r.getAttribute("Id"), transitionalType(r.getAttribute("Type")),
                    external ? target : resolve(folder, target), external));
        }
        return found;
    }

    Optional<Relationship> relationship(String source, String id) {
        return relationships(source).stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The target of an internal relationship against the source's folder (OPC §9.3): a part name without leading slash. */
    static String resolve(String folder, String target) {
        URI resolved = URI.create("/" + folder).resolve(URI.create(target.replace(" ", "%20")));
        return strip(resolved.normalize().getPath());
    }

    static String transitionalType(String type) {
        if (type.startsWith(STRICT_REL + "/")) {
            String kind = type.substring(STRICT_REL.length() + 1);
            kind = switch (kind) {
                case "extendedProperties" -> "extended-properties";
                case "customProperties" -> "custom-properties";
                default -> kind;
            };
            return TYPE + kind;
        }
        return type;
    }

    static String transitional(String namespace) {
        return namespace == null ? null : STRICT_TO_TRANSITIONAL.getOrDefault(namespace, namespace);
    }

    private static String strip(String partName) {
        return partName.startsWith("/") ? partName.substring(1) : partName;
    }

    /** The workbook part's name. */
    String workbookPart() {
        return relationships("").stream().filter(r -> r.type().equals(TYPE + "officeDocument")).findFirst()
                .orElseThrow(() -> new AssertionError(file.getFileName() + ": no officeDocument relationship")).target();
    }

    /** One sheet of the workbook as its {@code <sheet>} element says. */
    record Sheet(String name, String state, String part) {
    }

    List<Sheet> sheets() {
        String workbook = workbookPart();
        List<Sheet> sheets = new ArrayList<>();
        for (Element sheet : elements(xml(workbook), "sheet")) {
            String id = attribute(sheet, PartXml.REL, "id");
            String part = relationship(workbook, id).map(Relationship::target)
                    .orElseThrow(() -> new AssertionError("sheet «" + sheet.getAttribute("name") + "»: no relationship " + id));
            sheets.add(new Sheet(sheet.getAttribute("name"), sheet.getAttribute("state").isEmpty() ? "visible"
                    : sheet.getAttribute("state"), part));
        }
        return sheets;
    }

    Optional<Sheet> sheet(String name) {
        return sheets().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** A defined name of workbook scope: its sheet and cell, for names of one cell. */
    record NamedCell(String sheet, String cell) {
    }

    /** Workbook-scope defined names → their text. */
    Map<String, String> workbookNames() {
        Map<String, String> found = new LinkedHashMap<>();
        for (Element name : elements(xml(workbookPart()), "definedName")) {
            if (name.getAttribute("localSheetId").isEmpty()) {
                found.put(name.getAttribute("name"), name.getTextContent());
            }
        }
        return found;
    }

    static NamedCell namedCell(String formula) {
        int bang = formula.lastIndexOf('!');
        String sheet = formula.substring(0, bang);
        if (sheet.startsWith("'")) {
            sheet = sheet.substring(1, sheet.length() - 1).replace("''", "'");
        }
        return new NamedCell(sheet, formula.substring(bang + 1).replace("$", ""));
    }

    /** The shared strings as their text (runs joined, phonetic runs left out). */
    List<String> sharedStrings() {
        String workbook = workbookPart();
        Optional<Relationship> sst = relationships(workbook).stream()
                .filter(r -> r.type().equals(TYPE + "sharedStrings")).findFirst();
        if (sst.isEmpty()) {
            return List.of();
        }
        return elements(xml(sst.get().target()), "si").stream().map(PackageView::text).toList();
    }

    /** A cell's content as {@code type:value} ({@code n:4}, {@code s:text}, {@code b:1}, {@code f:FORMULA→cached}). */
    Map<String, String> cells(Sheet sheet) {
        List<String> strings = sharedStrings();
        Map<String, String> cells = new LinkedHashMap<>();
        for (Element c : elements(xml(sheet.part()), "c")) {
            String type = c.getAttribute("t");
            Element v = child(c, "v");
            Element f = child(c, "f");
            Element is = child(c, "is");
            String value = v == null ? "" : v.getTextContent();
            String content = switch (type) {
                case "s" -> "s:" + (value.isEmpty() ? "" : strings.get(Integer.parseInt(value.strip())));
                case "inlineStr" -> "s:" + (is == null ? "" : text(is));
                case "str" -> "s:" + value;
                case "", "n" -> value.isEmpty() ? "" : "n:" + value;
                default -> type + ":" + value;
            };
            if (f != null) {
                content = "f:" + f.getTextContent() + "→" + content;
            }
            if (!content.isEmpty()) {
                cells.put(c.getAttribute("r"), content);
            }
        }
        return cells;
    }

    /** A comment: its cell, author and text. */
    record Comment(String cell, String author, String text) {
    }

    /** The comments parts a sheet's relationships lead to. */
    List<String> commentsParts(Sheet sheet) {
        return relationships(sheet.part()).stream().filter(r -> r.type().equals(TYPE + "comments"))
                .map(Relationship::target).toList();
    }

    List<Comment> comments(Sheet sheet) {
        List<Comment> comments = new ArrayList<>();
        for (String part : commentsParts(sheet)) {
            Document document = xml(part);
            List<String> authors = elements(document, "author").stream().map(Node::getTextContent).toList();
            for (Element comment : elements(document, "comment")) {
                Element text = child(comment, "text");
                comments.add(new Comment(comment.getAttribute("ref"),
                        authors.get(Integer.parseInt(comment.getAttribute("authorId"))), text == null ? "" : text(text)));
            }
        }
        return comments;
    }

    /** The VML part the sheet's {@code <legacyDrawing>} points at, if any. */
    Optional<String> legacyDrawing(Sheet sheet) {
        List<Element> legacy = elements(xml(sheet.part()), "legacyDrawing");
        if (legacy.isEmpty()) {
            return Optional.empty();
        }
        String id = attribute(legacy.get(0), PartXml.REL, "id");
        return relationship(sheet.part(), id).filter(r -> r.type().equals(TYPE + "vmlDrawing")).map(Relationship::target);
    }

    /** The cells (A1 style) of the note shapes of a VML part. */
    List<String> noteShapes(String vmlPart) {
        List<String> cells = new ArrayList<>();
        for (Element data : PartXml.elements(xml(vmlPart), VML_EXCEL, "ClientData")) {
            if (data.getAttribute("ObjectType").equals("Note")) {
                int row = Integer.parseInt(PartXml.child(data, VML_EXCEL, "Row").getTextContent().strip());
                int column = Integer.parseInt(PartXml.child(data, VML_EXCEL, "Column").getTextContent().strip());
                cells.add(columnName(column) + (row + 1));
            }
        }
        return cells;
    }

    /** The images of the pictures a sheet's drawing holds, as their bytes' SHA-256 (hex). */
    List<String> pictures(Sheet sheet) {
        List<String> pictures = new ArrayList<>();
        for (Element drawing : elements(xml(sheet.part()), "drawing")) {
            String id = attribute(drawing, PartXml.REL, "id");
            Optional<Relationship> part = relationship(sheet.part(), id);
            if (part.isEmpty()) {
                continue;
            }
            Document shapes = xml(part.get().target());
            for (Element blip : PartXml.elements(shapes).stream().filter(e -> "blip".equals(e.getLocalName())
                    && DRAWING_MAIN.equals(transitional(e.getNamespaceURI()))).toList()) {
                String embed = attribute(blip, PartXml.REL, "embed");
                relationship(part.get().target(), embed).flatMap(r -> part(r.target()))
                        .ifPresent(image -> pictures.add(sha256(image)));
            }
        }
        return pictures;
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String columnName(int zeroBased) {
        StringBuilder name = new StringBuilder();
        for (int n = zeroBased + 1; n > 0; n = (n - 1) / 26) {
            name.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return name.toString();
    }

    /** The text of a string item or comment text: every {@code t} outside phonetic runs, joined. */
    static String text(Element item) {
        StringBuilder text = new StringBuilder();
        appendText(item, text);
        return text.toString();
    }

    private static void appendText(Element element, StringBuilder text) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && PartXml.MAIN.equals(transitional(e.getNamespaceURI()))) {
                if (e.getLocalName().equals("t")) {
                    text.append(e.getTextContent());
                } else if (e.getLocalName().equals("r")) {
                    appendText(e, text);
                }
            }
        }
    }

    /** SpreadsheetML elements of one local name, Strict or transitional. */
    static List<Element> elements(Document document, String localName) {
        return PartXml.elements(document).stream().filter(e -> localName.equals(e.getLocalName())
                && PartXml.MAIN.equals(transitional(e.getNamespaceURI()))).toList();
    }

    static Element child(Element parent, String localName) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && localName.equals(e.getLocalName())
                    && PartXml.MAIN.equals(transitional(e.getNamespaceURI()))) {
                return e;
            }
        }
        return null;
    }

    /** An attribute by namespace (read as transitional) and local name, "" when absent. */
    static String attribute(Element element, String namespace, String localName) {
        var attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            if (localName.equals(attribute.getLocalName()) && namespace.equals(transitional(attribute.getNamespaceURI()))) {
                return attribute.getNodeValue();
            }
        }
        return "";
    }

    /** Parses a part namespace-aware; any DOCTYPE is refused. */
    static Document parse(byte[] bytes, String partName) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            throw new AssertionError(partName + " does not parse namespace-aware: " + e.getMessage(), e);
        }
    }
}
