package appendixfill.workbook;

import appendixfill.form.Layout;
import static appendixfill.workbook.OpcPackage.COMMENTS_TYPE;
import static appendixfill.workbook.OpcPackage.MAIN;
import static appendixfill.workbook.OpcPackage.RELATIONSHIPS;
import static appendixfill.workbook.OpcPackage.WORKBOOK_TYPE;
import static appendixfill.workbook.OpcPackage.XML_HEADER;
import static appendixfill.workbook.OpcPackage.freeId;
import static appendixfill.workbook.OpcPackage.freeName;
import static appendixfill.workbook.OpcPackage.relationships;
import static appendixfill.workbook.OpcPackage.relative;
import static appendixfill.workbook.OpcPackage.relsOf;
import static appendixfill.workbook.OpcPackage.resolve;
import static appendixfill.workbook.OpcPackage.target;
import static appendixfill.workbook.OpcPackage.text;

import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Document;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Kind;
import appendixfill.indicator.Sheet;
import appendixfill.indicator.Value;
import appendixfill.input.Typed;
import appendixfill.input.UnusableInput;
import appendixfill.rule.Assessment;
import appendixfill.rule.Finding;
import appendixfill.rule.Interpretation;
import appendixfill.workbook.OpcPackage.ContentTypes;
import appendixfill.workbook.StreamedWorkbook.RawCell;
import appendixfill.workbook.XmlText.Span;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A workbook of the tool's template, completed by rewriting its own XML: every part the officer's
 * Excel or LibreOffice wrote is kept byte for byte, except the named cells the fill changes, the
 * styles it adds, its comments, the findings sheet and the ledger. POI's usermodel would take most
 * of a single fill's time to do the same.
 *
 * <p>It takes only what it can complete exactly as {@link WorkbookFiller} would: anything else (a
 * macro workbook, a named cell moved out of its element, a shared formula over one, comments of the
 * officer's own on the form, XML it does not recognise) is {@linkplain Declined declined} when the
 * workbook is opened, before anything is assessed, and goes to POI. Refusals are POI's too.
 */
final class PatchedWorkbook implements Form {

    /** Why a workbook is left to POI: for tests and the curious, never shown to the officer. */
    static final class Declined extends Exception {
        Declined(String why) {
            super(why, null, false, false);
        }
    }

    /** A named cell: its sheet, address (D9), and 0-based row and column. */
    record Spot(String sheet, String address, int row, int column) {
        static Spot of(StreamedWorkbook.NamedCell named) {
            int letters = 0;
            String address = named.address();
            while (Character.isLetter(address.charAt(letters))) {
                letters++;
            }
            int column = 0;
            for (int i = 0; i < letters; i++) {
                column = column * 26 + (address.charAt(i) - 'A' + 1);
            }
            return new Spot(named.sheet(), address, Integer.parseInt(address.substring(letters)) - 1, column - 1);
        }

        static String address(int row, int column) {
            StringBuilder letters = new StringBuilder();
            for (int c = column + 1; c > 0; c = (c - 1) / 26) {
                letters.insert(0, (char) ('A' + (c - 1) % 26));
            }
            return letters.toString() + (row + 1);
        }
    }


    /** One change to a part's text: what stands from a start offset (the map's key) to {@code end} becomes {@code text}. */
    private record Edit(int end, String text) {
    }

    /** A comment the fill writes: its cell and text. */
    record Note(Spot spot, String text) {
    }

    /** A worksheet the fill rewrites cells of: its XML and where each cell's element is. */
    private record FormSheet(String part, String xml, Map<String, Span> cells, Optional<String> commentsPart,
            Optional<String> vmlPart) {
    }

    private final Path file;
    private final Catalogue catalogue;
    private final LinkedHashMap<String, byte[]> parts;
    private final List<WorkbookXml.Sheet> sheets;
    private final Map<String, Spot> cells;
    private final Map<String, Spot> titles;
    private final Map<String, FormSheet> formSheets;
    private final Map<String, Typed> typed;
    private final Map<String, String> notes;
    private final Ledger ledger;
    private final String stylesPart;
    /** The styles part as parsed when opened; the fill adds its styles to it (a workbook is completed once). */
    private final StylePatch styles;

    private PatchedWorkbook(Path file, Catalogue catalogue, LinkedHashMap<String, byte[]> parts,
            List<WorkbookXml.Sheet> sheets, Map<String, Spot> cells,
            Map<String, Spot> titles, Map<String, FormSheet> formSheets, Map<String, Typed> typed,
            Map<String, String> notes, Ledger ledger, String stylesPart, StylePatch styles) {
        this.file = file;
        this.catalogue = catalogue;
        this.parts = parts;
        this.sheets = sheets;
        this.cells = cells;
        this.titles = titles;
        this.formSheets = formSheets;
        this.typed = typed;
        this.notes = notes;
        this.ledger = ledger;
        this.stylesPart = stylesPart;
        this.styles = styles;
    }

    /** The workbook opened for patching; empty when it is one for POI (including every bad file). */
    static Optional<PatchedWorkbook> open(Path file, Catalogue catalogue) {
        try {
            return Optional.of(read(file, catalogue));
        } catch (Declined | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Why a workbook is left to POI; null when the patcher takes it. */
    static String declined(Path file, Catalogue catalogue) {
        try {
            read(file, catalogue);
            return null;
        } catch (Declined | IOException | RuntimeException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    private static PatchedWorkbook read(Path file, Catalogue catalogue) throws Declined, IOException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (name.startsWith("~$") || !Files.isRegularFile(file)) {
            throw new Declined("not a workbook file");
        }
        LinkedHashMap<String, byte[]> parts = OpcPackage.read(file);
        String types = text(parts, "[Content_Types].xml");
        boolean plainWorkbook = XmlText.elements(types, "Override", 0, types.length()).stream()
                .anyMatch(o -> "/xl/workbook.xml".equals(o.attributes().get("PartName"))
                        && WORKBOOK_TYPE.equals(o.attributes().get("ContentType")));
        if (!plainWorkbook || parts.containsKey("xl/vbaProject.bin")) {
            throw new Declined("not a plain .xlsx workbook");
        }
        String workbook = text(parts, "xl/workbook.xml");
        requireNamespaces(workbook, "xl/workbook.xml", "workbook");
        String workbookRels = text(parts, "xl/_rels/workbook.xml.rels");
        requireEnd(workbookRels, "xl/_rels/workbook.xml.rels", "Relationships");
        requireEnd(types, "[Content_Types].xml", "Types");
        if (XmlText.element(workbook, "definedNames", 0, workbook.length()) == null) {
            throw new Declined("no <definedNames>");
        }
        Map<String, Span> rels = relationships(workbookRels);
        List<WorkbookXml.Sheet> sheets = WorkbookXml.sheets(workbook, rels);
        Map<String, String> names = new HashMap<>();
        for (Span definedName : XmlText.elements(workbook, "definedName", 0, workbook.length())) {
            String text = definedName.in(workbook);
            names.putIfAbsent(definedName.attributes().get("name"),
                    SheetScanner.unescape(text.substring(text.indexOf('>') + 1, text.lastIndexOf("</"))));
        }
        boolean date1904 = XmlText.elements(workbook, "workbookPr", 0, workbook.length()).stream()
                .map(p -> p.attributes().getOrDefault("date1904", "")).anyMatch(v -> v.equals("1") || v.equals("true"));

        Map<String, Spot> cells = new LinkedHashMap<>();
        for (Indicator indicator : catalogue.indicators()) {
            if (indicator.kind() == Kind.HEADING) {
                continue;
            }
            Spot spot = spot(names.get(indicator.name()), sheets);
            if (spot == null) {
                throw new Declined("no cell named " + indicator.name());
            }
            cells.put(indicator.code(), spot);
        }
        Map<String, Spot> titles = new LinkedHashMap<>();
        for (String title : List.of(Layout.TITLE_PERIOD_NAME, Layout.TITLE_ATTACHED_NAME)) {
            Spot spot = spot(names.get(title), sheets);
            if (spot != null) {
                titles.put(title, spot);
            }
        }

        String stylesPart = target(rels, "/styles").map(t -> resolve("xl/", t))
                .orElseThrow(() -> new Declined("no styles part"));
        StylePatch styles = new StylePatch(text(parts, stylesPart));
        StreamedWorkbook.NumberFormats formats;
        try {
            formats = StreamedWorkbook.numberFormats(parts.get(stylesPart));
        } catch (javax.xml.stream.XMLStreamException e) {
            throw new Declined("styles: " + e.getMessage());
        }

        Map<String, FormSheet> formSheets = new LinkedHashMap<>();
        Map<String, RawCell> raw = new HashMap<>();
        for (WorkbookXml.Sheet sheet : sheets) {
            // The cells the fill rewrites must be there; a note's cell may be absent.
            java.util.Set<String> rewritten = new java.util.HashSet<>();
            Map<String, String> wanted = new HashMap<>();
            for (Map.Entry<String, Spot> cell : cells.entrySet()) {
                if (cell.getValue().sheet().equals(sheet.name())) {
                    rewritten.add(cell.getValue().address());
                    if (catalogue.require(cell.getKey()).sheet() == Sheet.APPENDIX) {
                        String note = Spot.address(cell.getValue().row(), Layout.NOTE_COLUMN);
                        wanted.put(note, note);
                    }
                }
            }
            titles.values().stream().filter(t -> t.sheet().equals(sheet.name())).forEach(t -> rewritten.add(t.address()));
            if (rewritten.isEmpty()) {
                continue;
            }
            rewritten.forEach(address -> wanted.put(address, address));
            FormSheet form = formSheet(parts, sheet, rewritten, styles.styles());
            Map<String, RawCell> read = new HashMap<>();
            if (!SheetScanner.scan(parts.get(sheet.part()), wanted, read, false)) {
                throw new Declined("sheet not scanned: " + sheet.name());
            }
            read.forEach((address, cell) -> raw.put(sheet.name() + "!" + address, cell));
            formSheets.put(sheet.name(), form);
        }

        Map<String, RawCell> ledgerCells = new HashMap<>();
        WorkbookXml.Sheet ledgerSheet = sheets.stream().filter(s -> s.name().equals(Layout.LEDGER_SHEET)).findFirst()
                .orElse(null);
        if (ledgerSheet != null && !SheetScanner.scan(parts.get(ledgerSheet.part()), null, ledgerCells, true)) {
            throw new Declined("ledger not scanned");
        }
        Map<Integer, String> sharedByIndex = sharedStrings(parts, rels);
        Ledger ledger = Ledger.fromRows(StreamedWorkbook.rows(ledgerCells, sharedByIndex));
        Map<String, Typed> typed = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        for (Map.Entry<String, Spot> cell : cells.entrySet()) {
            Spot spot = cell.getValue();
            RawCell content = raw.get(spot.sheet() + "!" + spot.address());
            Typed current = StreamedWorkbook.type(content, sharedByIndex, formats, date1904);
            typed.put(cell.getKey(), ledger.original(cell.getKey(), current));
            RawCell note = raw.get(spot.sheet() + "!" + Spot.address(spot.row(), Layout.NOTE_COLUMN));
            if (note != null && catalogue.require(cell.getKey()).sheet() == Sheet.APPENDIX
                    && StreamedWorkbook.type(note, sharedByIndex, formats, date1904) instanceof Typed.Text text) {
                notes.put(cell.getKey(), Interpretation.normalise(text.text()));
            }
        }
        return new PatchedWorkbook(file, catalogue, parts, sheets, cells, titles, formSheets,
                Collections.unmodifiableMap(typed), Collections.unmodifiableMap(notes), ledger, stylesPart, styles);
    }

    private static Spot spot(String formula, List<WorkbookXml.Sheet> sheets) {
        StreamedWorkbook.NamedCell named = StreamedWorkbook.reference(formula);
        if (named == null || sheets.stream().noneMatch(s -> s.name().equals(named.sheet()))) {
            return null;
        }
        return Spot.of(named);
    }

    /** Checks one form sheet and finds the elements of the cells the fill may rewrite. */
    private static FormSheet formSheet(Map<String, byte[]> parts, WorkbookXml.Sheet sheet, java.util.Set<String> rewritten,
            int styles) throws Declined {
        String xml = text(parts, sheet.part());
        requireNamespaces(xml, sheet.part(), "worksheet");
        Span data = XmlText.element(xml, "sheetData", 0, xml.length());
        if (data == null) {
            throw new Declined("no sheetData in " + sheet.name());
        }
        Map<String, Span> found = new HashMap<>();
        // Only the cells rewritten are read whole; the others are passed over by their address.
        for (int at = xml.indexOf("<c ", data.start()); at >= 0 && at < data.end(); at = xml.indexOf("<c ", at + 3)) {
            int tagEnd = xml.indexOf('>', at);
            int r = xml.indexOf(" r=\"", at);
            if (tagEnd < 0 || r < 0 || r > tagEnd) {
                throw new Declined("a cell without its address in " + sheet.name());
            }
            String address = xml.substring(r + 4, xml.indexOf('"', r + 4));
            if (rewritten.contains(address)) {
                Span cell = XmlText.element(xml, "c", at, data.end());
                if (found.put(address, cell) != null) {
                    throw new Declined("two elements for " + sheet.name() + "!" + address);
                }
            }
        }
        for (String address : rewritten) {
            Span cell = found.get(address);
            if (cell == null) {
                throw new Declined("no element for " + sheet.name() + "!" + address);
            }
            String element = cell.in(xml);
            if (element.contains("t=\"shared\"") && element.contains("ref=") || element.contains("t=\"array\"")
                    || element.contains("t=\"dataTable\"")) {
                throw new Declined("shared or array formula at " + address);
            }
            if (style(cell) >= styles) {
                throw new Declined("unknown style at " + address);
            }
        }
        Map<String, Span> rels = relationships(parts.containsKey(relsOf(sheet.part()))
                ? text(parts, relsOf(sheet.part())) : "<Relationships/>");
        String folder = sheet.part().substring(0, sheet.part().lastIndexOf('/') + 1);
        Optional<String> comments = target(rels, "/comments").map(t -> resolve(folder, t));
        // The comments' drawing is the one the sheet's legacyDrawing names (a header's picture has its own).
        Span legacyDrawing = XmlText.element(xml, "legacyDrawing", 0, xml.length());
        boolean legacy = legacyDrawing != null;
        Optional<String> vml = Optional.ofNullable(legacyDrawing).map(d -> rels.get(d.attributes().get("r:id")))
                .map(rel -> rel.attributes().get("Target")).map(t -> resolve(folder, t));
        if (target(rels, "/threadedComment").isPresent() || legacy != comments.isPresent()
                || comments.isPresent() != vml.isPresent()) {
            throw new Declined("drawings or threaded comments on " + sheet.name());
        }
        if (comments.isPresent()) {
            String part = text(parts, comments.get());
            List<String> authors = XmlText.elements(part, "author", 0, part.length()).stream()
                    .map(author -> runs(author.in(part), "author")).toList();
            for (Span comment : XmlText.elements(part, "comment", 0, part.length())) {
                int author = Integer.parseInt(comment.attributes().getOrDefault("authorId", "0"));
                String text = runs(comment.in(part), "t");
                if (!Completion.isToolComment(author < authors.size() ? authors.get(author) : null, text)) {
                    throw new Declined("comments of the officer's on " + sheet.name());
                }
            }
        }
        return new FormSheet(sheet.part(), xml, found, comments, vml);
    }

    private static void requireNamespaces(String xml, String part, String root) throws Declined {
        if (!xml.contains("xmlns=\"" + MAIN + "\"") || xml.contains("<!")) {
            throw new Declined(part + " is not plain SpreadsheetML");
        }
        requireEnd(xml, part, root);
    }

    /** A part the patch adds to must end with its root's end tag, as a whole part does. */
    private static void requireEnd(String xml, String part, String root) throws Declined {
        if (!xml.stripTrailing().endsWith("</" + root + ">")) {
            throw new Declined(part + " does not end with </" + root + ">");
        }
    }

    private static Map<Integer, String> sharedStrings(Map<String, byte[]> parts, Map<String, Span> rels)
            throws Declined {
        String part = target(rels, "/sharedStrings").map(t -> resolve("xl/", t)).orElse(null);
        if (part == null || !parts.containsKey(part)) {
            return Map.of();
        }
        String xml = text(parts, part);
        if (xml.contains("<rPh") || xml.contains("<!")) {
            throw new Declined("phonetic runs in shared strings");
        }
        Map<Integer, String> strings = new HashMap<>();
        for (Span item : XmlText.elements(xml, "si", 0, xml.length())) {
            strings.put(strings.size(), runs(item.in(xml), "t"));
        }
        return strings;
    }

    /** The text of the elements of that name in an element (the runs of a rich text), joined. */
    private static String runs(String element, String name) {
        StringBuilder text = new StringBuilder();
        for (Span t : XmlText.elements(element, name, 0, element.length())) {
            String run = t.in(element);
            if (run.indexOf('>') == run.length() - 1) {
                continue; // <t/>
            }
            text.append(SheetScanner.unescape(run.substring(run.indexOf('>') + 1, run.lastIndexOf("</"))));
        }
        return text.toString();
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public Map<String, Typed> typed() {
        return typed;
    }

    @Override
    public Map<String, String> notes() {
        return notes;
    }

    @Override
    public List<Finding> findings() {
        return List.of();
    }

    @Override
    public String address(String code) {
        Spot spot = cells.get(code);
        return spot == null ? "" : spot.sheet() + "!" + spot.address();
    }

    @Override
    public void close() {
        // Everything was read into memory when the workbook was opened.
    }

    // ---------------------------------------------------------------------------------------------
    // Writing

    /**
     * Writes the completed workbook. Should the patch fail all the same (XML damaged in a way the
     * checks on opening did not see), the workbook is completed through POI, which reads it whole
     * and says what is wrong with it: nothing half-patched is ever written.
     */
    @Override
    public void complete(Assessment assessment, String summary, OutputStream out) throws IOException, UnusableInput {
        byte[] patched;
        try {
            patched = patch(assessment, summary);
        } catch (RuntimeException e) {
            try (FormWorkbook form = FormWorkbook.open(file, catalogue)) {
                form.complete(assessment, summary, out);
            }
            return;
        }
        out.write(patched);
    }

    private byte[] patch(Assessment assessment, String summary) throws IOException {
        Map<String, byte[]> written = new LinkedHashMap<>(parts);
        List<Completion.Change> changes = Completion.plan(catalogue, cells.keySet(), typed, assessment, ledger);
        Document document = Document.of(assessment.figures());
        Map<String, String> titleTexts = Map.of(Layout.TITLE_PERIOD_NAME, document.appendixPeriodLine(),
                Layout.TITLE_ATTACHED_NAME, document.appendixAttachedLine());
        WorkbookXml names = new WorkbookXml(written, sheets);
        ContentTypes types = new ContentTypes(new String(written.get("[Content_Types].xml"), StandardCharsets.UTF_8));

        // VML drawings number their shapes in blocks of 1024 that must not overlap in a workbook.
        int sheetNumber = drawingBlocksInUse();
        for (FormSheet sheet : formSheets.values()) {
            written.put(sheet.part(), patchSheet(sheet, ++sheetNumber, changes, titleTexts, written, types)
                    .getBytes(StandardCharsets.UTF_8));
        }

        String findingsXml = AddedParts.findingsSheet(assessment, summary, styles.bold(), styles.wrapped(),
                this::address);
        int findingsIndex = names.sheetIndex(Layout.FINDINGS_SHEET);
        if (findingsIndex < 0) {
            names.insertSheet(1, Layout.FINDINGS_SHEET, false, types);
            findingsIndex = 1;
        }
        written.put(names.part(Layout.FINDINGS_SHEET), findingsXml.getBytes(StandardCharsets.UTF_8));
        int rows = Completion.FINDINGS_FIRST_ROW + assessment.findings().size();
        String quoted = "'" + Layout.FINDINGS_SHEET.replace("'", "''") + "'";
        names.setLocalName("_xlnm._FilterDatabase", findingsIndex, quoted + "!$A$" + (Completion.FINDINGS_HEADER_ROW + 1)
                + ":$F$" + Math.max(Completion.FINDINGS_HEADER_ROW + 1, rows), true);
        names.setLocalName("_xlnm.Print_Titles", findingsIndex, quoted + "!$" + (Completion.FINDINGS_HEADER_ROW + 1)
                + ":$" + (Completion.FINDINGS_HEADER_ROW + 1), false);

        int ledgerIndex = names.sheetIndex(Layout.LEDGER_SHEET);
        if (ledger.entries().isEmpty()) {
            if (ledgerIndex >= 0) {
                names.removeSheet(ledgerIndex, types);
            }
        } else {
            if (ledgerIndex < 0) {
                names.insertSheet(names.sheetCount(), Layout.LEDGER_SHEET, true, types);
            } else {
                names.veryHidden(ledgerIndex); // LibreOffice saves it as merely hidden
            }
            written.put(names.part(Layout.LEDGER_SHEET), AddedParts.ledgerSheet(ledger).getBytes(StandardCharsets.UTF_8));
        }
        names.dropCalcChain(types);
        names.store();
        written.put(stylesPart, styles.patched().getBytes(StandardCharsets.UTF_8));
        written.put("[Content_Types].xml", types.xml.getBytes(StandardCharsets.UTF_8));

        return OpcPackage.zip(written);
    }

    /** The highest block of shape numbers other VML drawings of the workbook use. */
    private int drawingBlocksInUse() {
        java.util.Set<String> ours = new java.util.HashSet<>();
        formSheets.values().forEach(sheet -> sheet.vmlPart().ifPresent(ours::add));
        int highest = 0;
        for (Map.Entry<String, byte[]> part : parts.entrySet()) {
            if (part.getKey().endsWith(".vml") && !ours.contains(part.getKey())) {
                java.util.regex.Matcher data = java.util.regex.Pattern.compile("data=\"([0-9, ]+)\"")
                        .matcher(new String(part.getValue(), StandardCharsets.UTF_8));
                while (data.find()) {
                    for (String block : data.group(1).split(",")) {
                        if (!block.isBlank()) {
                            highest = Math.max(highest, Integer.parseInt(block.trim()));
                        }
                    }
                }
            }
        }
        return highest;
    }

    /** One form sheet with its cells rewritten, their styles shaded, and its comments written beside it. */
    private String patchSheet(FormSheet sheet, int sheetNumber, List<Completion.Change> changes,
            Map<String, String> titleTexts, Map<String, byte[]> written, ContentTypes types) {
        String sheetName = sheetName(sheet);
        TreeMap<Integer, Edit> edits = new TreeMap<>();
        List<Note> comments = new ArrayList<>();
        for (Completion.Change change : changes) {
            Spot spot = cells.get(change.code());
            if (!spot.sheet().equals(sheetName)) {
                continue;
            }
            Span span = sheet.cells().get(spot.address());
            int style = styles.shaded(style(span), change.shade());
            edits.put(span.start(), new Edit(span.end(), cell(spot.address(), style, span.in(sheet.xml()),
                    change.content())));
            if (change.comment() != null) {
                comments.add(new Note(spot, change.comment()));
            }
        }
        for (Map.Entry<String, Spot> title : titles.entrySet()) {
            if (title.getValue().sheet().equals(sheetName)) {
                Span span = sheet.cells().get(title.getValue().address());
                edits.put(span.start(), new Edit(span.end(), cell(title.getValue().address(), style(span),
                        span.in(sheet.xml()), new Completion.Canonical(new Typed.Text(titleTexts.get(title.getKey()))))));
            }
        }
        if (!comments.isEmpty() || sheet.commentsPart().isPresent()) {
            comment(written, types, sheet, edits, comments, sheetNumber);
        }
        return apply(sheet.xml(), edits);
    }

    private static int style(Span cell) {
        return Integer.parseInt(cell.attributes().getOrDefault("s", "0").trim());
    }

    private String sheetName(FormSheet sheet) {
        return sheets.stream().filter(s -> s.part().equals(sheet.part())).findFirst().orElseThrow().name();
    }

    /** The edits (start → {end, replacement}) applied to the text. */
    private static String apply(String xml, TreeMap<Integer, Edit> edits) {
        StringBuilder out = new StringBuilder(xml.length() + 4096);
        int at = 0;
        for (Map.Entry<Integer, Edit> edit : edits.entrySet()) {
            out.append(xml, at, edit.getKey()).append(edit.getValue().text());
            at = edit.getValue().end();
        }
        return out.append(xml, at, xml.length()).toString();
    }

    /** A cell's new element: its content as planned, its style, and nothing else of the old one but its address. */
    private static String cell(String address, int style, String element, Completion.Content content) {
        String start = "<c r=\"" + address + "\" s=\"" + style + "\"";
        if (content instanceof Completion.Keep) {
            // The officer's own content, in its own element, with only the style changed.
            return XmlText.withAttribute(element, "s", String.valueOf(style));
        }
        if (content instanceof Completion.Formula formula) {
            String f = "<f>" + XmlText.text(formula.formula()) + "</f>";
            Value cached = formula.cached();
            if (cached instanceof Value.Amount amount) {
                return start + ">" + f + "<v>" + number(amount.number()) + "</v></c>";
            }
            String shown = cached instanceof Value.NotApplicable ? appendixfill.indicator.VietnameseFormat.NOT_APPLICABLE
                    : "";
            return start + " t=\"str\">" + f + "<v>" + XmlText.text(shown) + "</v></c>";
        }
        Typed typed = ((Completion.Canonical) content).typed();
        if (typed instanceof Typed.Number number) {
            return start + "><v>" + number(number.number()) + "</v></c>";
        }
        if (typed instanceof Typed.Text text) {
            return start + " t=\"inlineStr\"><is><t xml:space=\"preserve\">" + XmlText.text(text.text())
                    + "</t></is></c>";
        }
        if (typed instanceof Typed.Blank) {
            return start + "/>";
        }
        throw new IllegalArgumentException("not written back: " + typed);
    }

    /** A number as a cell stores it: the double a spreadsheet holds, written without an exponent. */
    private static String number(BigDecimal number) {
        BigDecimal stored = new BigDecimal(Double.toString(number.doubleValue())).stripTrailingZeros();
        return stored.scale() < 0 ? stored.setScale(0).toPlainString() : stored.toPlainString();
    }

    /**
     * Writes the sheet's comments part and its VML drawing (new, or in place of the tool's own from
     * an earlier fill), and the sheet's legacyDrawing element when it has none yet.
     */
    private void comment(Map<String, byte[]> written, ContentTypes types, FormSheet sheet, TreeMap<Integer, Edit> edits,
            List<Note> comments, int sheetNumber) {
        String xml = sheet.xml();
        String commentsPart = sheet.commentsPart().orElse(null);
        String vmlPart = sheet.vmlPart().orElse(null);
        if (commentsPart == null) {
            commentsPart = freeName(written, "xl/comments", ".xml");
            vmlPart = freeName(written, "xl/drawings/vmlDrawing", ".vml");
            String relsPart = relsOf(sheet.part());
            String rels = written.containsKey(relsPart) ? new String(written.get(relsPart), StandardCharsets.UTF_8)
                    : XML_HEADER + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                            + "</Relationships>";
            Map<String, Span> known = relationships(rels);
            String commentsId = freeId(known.keySet(), 0);
            String vmlId = freeId(known.keySet(), 1);
            String folder = sheet.part().substring(0, sheet.part().lastIndexOf('/') + 1);
            String added = "<Relationship Id=\"" + commentsId + "\" Type=\"" + RELATIONSHIPS + "/comments\" Target=\""
                    + relative(folder, commentsPart) + "\"/><Relationship Id=\"" + vmlId + "\" Type=\"" + RELATIONSHIPS
                    + "/vmlDrawing\" Target=\"" + relative(folder, vmlPart) + "\"/>";
            int close = rels.lastIndexOf("</Relationships>");
            rels = close < 0 ? rels.replace("<Relationships/>", "<Relationships>" + added + "</Relationships>")
                    : rels.substring(0, close) + added + rels.substring(close);
            written.put(relsPart, rels.getBytes(StandardCharsets.UTF_8));
            types.override("/" + commentsPart, COMMENTS_TYPE);
            types.vml();
            String declared = xml.substring(0, xml.indexOf('>', xml.indexOf("<worksheet")));
            String legacy = "<legacyDrawing " + (declared.contains("xmlns:r=\"" + RELATIONSHIPS + "\"") ? ""
                    : "xmlns:r=\"" + RELATIONSHIPS + "\" ") + "r:id=\"" + vmlId + "\"/>";
            int at = legacyDrawingPlace(xml);
            edits.put(at, new Edit(at, legacy));
        }
        written.put(commentsPart, AddedParts.comments(comments).getBytes(StandardCharsets.UTF_8));
        written.put(vmlPart, AddedParts.vml(comments, sheetNumber).getBytes(StandardCharsets.UTF_8));
    }

    /** Where a worksheet's legacyDrawing goes: before the elements the schema puts after it. */
    private static int legacyDrawingPlace(String xml) {
        int end = xml.lastIndexOf("</worksheet>");
        // Only the worksheet's own children count: Excel nests an extLst in each data-bar rule.
        int at = XmlText.element(xml, "sheetData", 0, xml.length()).end();
        while (true) {
            int open = xml.indexOf('<', at);
            if (open < 0 || open >= end) {
                return end;
            }
            int nameEnd = open + 1;
            while (nameEnd < end && " \t\r\n/>".indexOf(xml.charAt(nameEnd)) < 0) {
                nameEnd++;
            }
            String name = xml.substring(open + 1, nameEnd);
            Span child = XmlText.element(xml, name, open, end);
            if (AFTER_LEGACY_DRAWING.contains(name) || child == null) {
                return open;
            }
            at = child.end();
        }
    }

    /** The worksheet's children that the schema puts after legacyDrawing. */
    private static final java.util.Set<String> AFTER_LEGACY_DRAWING = java.util.Set.of("legacyDrawingHF", "drawingHF",
            "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst", "mc:AlternateContent");


}
