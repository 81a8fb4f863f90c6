package appendixfill.spreadsheet;

import appendixfill.ooxml.OpcPackage;
import appendixfill.ooxml.Unsupported;
import appendixfill.ooxml.Unsupported.Reason;
import appendixfill.ooxml.Xml;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import appendixfill.ooxml.XmlScanner;
import org.apache.poi.ss.usermodel.BuiltinFormats;

/**
 * An .xlsx or .xlsm read through the package layer, the one reader of SpreadsheetML: its sheets,
 * defined names, date system and document properties at once, and the cells of any sheet when
 * asked (all of them, or only some, reading no further than the last). Shared strings are read
 * once, as far as the cells read need them, within a budget of characters.
 */
public final class XlsxWorkbook {

    /** The package's relationship to its core properties (docProps/core.xml), the same in Strict Open XML. */
    private static final String CORE_PROPERTIES =
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
    /** Dublin Core's terms: dcterms:modified. */
    private static final String DUBLIN_CORE_TERMS = "http://purl.org/dc/terms/";

    /** The content type of a workbook with macros. */
    public static final String MACRO_WORKBOOK = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";

    /** A sheet of the workbook. */
    public record Sheet(String name, int index, String relationship, Optional<String> part, Visibility visibility) {
    }

    /** Whether a sheet is shown. */
    public enum Visibility {
        VISIBLE, HIDDEN, VERY_HIDDEN
    }

    /**
     * Which cells of a sheet to read: every one (with hidden rows and merged cells), or only those
     * at the given places, reading stopping at the end of the cell data.
     */
    public record Want(Set<Long> cells) {
        public static final Want ALL = new Want(null);

        public static Want cells(Set<Long> cells) {
            return new Want(Set.copyOf(cells));
        }

        /** A place as {@link #cells} holds it. */
        public static long place(int row, int column) {
            return (long) row << 16 | column;
        }

        boolean all() {
            return cells == null;
        }
    }

    /**
     * No genuine workbook comes near these: characters of text in the cells read (a cell repeating
     * a long shared text counts it each time: what is read is processed per cell), and stored
     * cells. A note of a million characters is read; a text shown by thousands of cells is not.
     */
    static final long MAX_TEXT_CHARACTERS = 8L << 20;
    static final int MAX_CELLS = 2_000_000;

    /** Reading one workbook's cells stops past this, whatever else limits it: a real form reads in well under a second. */
    static final long MAX_READING_NANOS = 20_000_000_000L;

    /** What workbook.xml says, parsed once per distinct part (a consolidation's workbooks share it). */
    private record WorkbookPart(List<SheetEntry> sheets, List<Grid.DefinedName> names, boolean date1904,
            String namespace) {
    }

    private record SheetEntry(String name, String relationship, Visibility visibility) {
    }


    private final OpcPackage pkg;
    private final String workbookPart;
    private final String contentType;
    private final WorkbookPart workbook;
    private final List<Sheet> sheets;
    private final Map<Integer, String> sharedText = new HashMap<>();
    private List<String> formats;
    private long textBudget = MAX_TEXT_CHARACTERS;
    private int cellBudget = MAX_CELLS;
    private final long deadline = System.nanoTime() + MAX_READING_NANOS;
    /** Cells met, read or passed over, for checking the deadline now and then. */
    private int seen;

    private XlsxWorkbook(OpcPackage pkg, String workbookPart, String contentType, WorkbookPart workbook,
            List<Sheet> sheets) {
        this.pkg = pkg;
        this.workbookPart = workbookPart;
        this.contentType = contentType;
        this.workbook = workbook;
        this.sheets = sheets;
    }

    /** The workbook of a package; refused when the package has no SpreadsheetML workbook. */
    public static XlsxWorkbook open(OpcPackage pkg) throws Unsupported {
        String part = pkg.target("", "officeDocument").orElseThrow(() -> new Unsupported(Reason.MISSING_PART,
                "_rels/.rels", "no office document"));
        if (!pkg.has(part)) {
            throw new Unsupported(Reason.MISSING_PART, part, "the office document the package names");
        }
        WorkbookPart workbook = OpcPackage.cached(pkg.key(part), () -> parseWorkbook(pkg, part));
        List<Sheet> sheets = new ArrayList<>();
        for (SheetEntry entry : workbook.sheets()) {
            Optional<String> sheetPart = pkg.relationship(part, entry.relationship())
                    .filter(r -> !r.external() && r.type().equals(Xml.RELATIONSHIPS + "/worksheet"))
                    .map(OpcPackage.Relationship::part).filter(pkg::has);
            sheets.add(new Sheet(entry.name(), sheets.size(), entry.relationship(), sheetPart, entry.visibility()));
        }
        return new XlsxWorkbook(pkg, part, pkg.contentType(part), workbook, List.copyOf(sheets));
    }

    public OpcPackage pkg() {
        return pkg;
    }

    /** The workbook part's name (xl/workbook.xml as a rule). */
    public String workbookPart() {
        return workbookPart;
    }

    /** True for a workbook with macros (.xlsm). */
    public boolean hasMacros() {
        return MACRO_WORKBOOK.equals(contentType);
    }

    /** True for Strict Open XML. */
    public boolean isStrict() {
        return Xml.isStrict(workbook.namespace());
    }

    public List<Sheet> sheets() {
        return sheets;
    }

    /** The sheet of that name, compared as Excel compares sheet names (regardless of case). */
    public Optional<Sheet> sheet(String name) {
        return sheets.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }

    public List<Grid.DefinedName> names() {
        return workbook.names();
    }

    public boolean date1904() {
        return workbook.date1904();
    }

    /** The custom document properties (docProps/custom.xml), by name, as text. */
    public Map<String, String> customProperties() throws Unsupported {
        Optional<String> part = pkg.target("", "custom-properties");
        if (part.isEmpty() || !pkg.has(part.get())) {
            return Map.of();
        }
        return OpcPackage.cached(List.of("custom", pkg.key(part.get())), () -> parseCustomProperties(part.get()));
    }

    /**
     * When the workbook says it was last saved: its core properties' {@code dcterms:modified}, which
     * Excel and LibreOffice write on every save, as written there (W3CDTF, "2026-12-06T10:00:00Z");
     * empty when it does not say. Not the file's time, which copying and e-mail change.
     */
    public Optional<String> lastSaved() throws Unsupported {
        Optional<String> part = pkg.relationships("").stream()
                .filter(r -> !r.external() && r.type().equals(CORE_PROPERTIES)).map(OpcPackage.Relationship::part)
                .filter(pkg::has).findFirst();
        if (part.isEmpty()) {
            return Optional.empty();
        }
        XmlScanner xml = pkg.scan(part.get());
        while (xml.hasNext()) {
            if (xml.next() == XmlScanner.START_ELEMENT && xml.is(DUBLIN_CORE_TERMS, "modified")) {
                String text = xml.text().strip();
                return text.isEmpty() ? Optional.empty() : Optional.of(text);
            }
        }
        return Optional.empty();
    }

    /** Every sheet, every cell: a workbook whose form has to be recognised. */
    public Grid grid() throws Unsupported {
        Map<String, Want> all = new LinkedHashMap<>();
        sheets.forEach(s -> all.put(s.name(), Want.ALL));
        return read(all);
    }

    /** The sheets asked for (by name), each read as much as asked; pages in the workbook's order. */
    public Grid read(Map<String, Want> wanted) throws Unsupported {
        List<Pending> pending = new ArrayList<>();
        for (Sheet sheet : sheets) {
            Want want = wanted.get(sheet.name());
            if (want != null) {
                pending.add(readSheet(sheet, want));
            }
        }
        Set<Integer> indices = new HashSet<>();
        pending.forEach(p -> p.sharedIndices(indices));
        if (!indices.isEmpty()) {
            readSharedStrings(indices);
        }
        List<Grid.Page> pages = new ArrayList<>();
        for (Pending page : pending) {
            pages.add(page.resolve());
        }
        return new Grid(pages, workbook.names(), workbook.date1904());
    }

    /** A sheet's cells as read, shared strings not yet looked up. */
    private final class Pending {
        final Sheet sheet;
        final NavigableMap<Integer, NavigableMap<Integer, Read>> rows = new TreeMap<>();
        final Set<Integer> hiddenRows = new HashSet<>();
        final List<Grid.Merge> merges = new ArrayList<>();

        Pending(Sheet sheet) {
            this.sheet = sheet;
        }

        void sharedIndices(Set<Integer> into) {
            rows.values().forEach(cells -> cells.values().forEach(cell -> {
                if (cell instanceof Shared shared) {
                    into.add(shared.index());
                }
            }));
        }

        Grid.Page resolve() throws Unsupported {
            NavigableMap<Integer, NavigableMap<Integer, RawCell>> resolved = new TreeMap<>();
            for (Map.Entry<Integer, NavigableMap<Integer, Read>> row : rows.entrySet()) {
                NavigableMap<Integer, RawCell> cells = new TreeMap<>();
                for (Map.Entry<Integer, Read> cell : row.getValue().entrySet()) {
                    RawCell value;
                    if (cell.getValue() instanceof Shared shared) {
                        String text = sharedText.get(shared.index());
                        if (text == null) {
                            throw new Unsupported(Reason.MALFORMED_XML, sheet.part().orElse(""), "cell "
                                    + CellRef.address(row.getKey(), cell.getKey()) + " refers to shared string "
                                    + shared.index() + ", which the workbook does not have");
                        }
                        textBudget -= text.length();
                        if (textBudget < 0) {
                            throw new Unsupported(Reason.OVER_BUDGET, sharedStringsPart().orElse(""),
                                    "the cells refer to more than " + MAX_TEXT_CHARACTERS + " characters of text");
                        }
                        value = new RawCell(RawCell.Kind.TEXT, text, shared.formula(), shared.format());
                    } else {
                        value = ((Stored) cell.getValue()).cell();
                    }
                    cells.put(cell.getKey(), value);
                }
                resolved.put(row.getKey(), cells);
            }
            return new Grid.Page(sheet.name(), sheet.visibility() != Visibility.VISIBLE, resolved, hiddenRows, merges,
                    workbook.date1904());
        }
    }

    /** A cell as read from its sheet: stored whole, or its text still to be looked up among the shared strings. */
    private sealed interface Read {
    }

    private record Stored(RawCell cell) implements Read {
    }

    private record Shared(int index, String formula, String format) implements Read {
    }

    private Pending readSheet(Sheet sheet, Want want) throws Unsupported {
        Pending page = new Pending(sheet);
        if (sheet.part().isEmpty()) {
            return page; // a chart sheet, or a sheet whose part is missing: no cells
        }
        String part = sheet.part().get();
        int remaining = want.all() ? Integer.MAX_VALUE : want.cells().size();
        XmlScanner xml = pkg.scan(part);
        if (!xml.is(Xml.MAIN, "worksheet")) {
            throw new Unsupported(Reason.MALFORMED_XML, part, "the root is not a worksheet");
        }
        int row = -1;
        int column = -1;
        int depth = 1;
        boolean inData = false;
        while (xml.hasNext() && remaining > 0) {
            int event = xml.next();
            if (event == XmlScanner.END_ELEMENT) {
                depth--;
                if (inData && depth == 1) {
                    inData = false;
                    if (!want.all()) {
                        break; // the cells asked for are all in sheetData
                    }
                }
                continue;
            }
            if (event != XmlScanner.START_ELEMENT) {
                continue;
            }
            depth++;
            if (depth == 2 && xml.is(Xml.MAIN, "sheetData")) {
                inData = true;
            } else if (depth == 2 && !xml.is(Xml.MAIN, "mergeCells")) {
                xml.skip(); // views, columns, validations…: nothing a reader of cells needs
                depth--;
            } else if (inData && depth == 3 && xml.is(Xml.MAIN, "row")) {
                // Rows and cells without an address follow the one before (openpyxl and Excel write
                // it; the schema does not require it).
                row = index(xml.attribute("r"), row + 2, CellRef.MAX_ROWS, part) - 1;
                column = -1;
                String hidden = xml.attribute("hidden");
                if (want.all() && ("1".equals(hidden) || "true".equals(hidden))) {
                    page.hiddenRows.add(row);
                }
            } else if (inData && depth == 4 && xml.is(Xml.MAIN, "c")) {
                String address = xml.attribute("r");
                if (address != null) {
                    long place = CellRef.parsePacked(address);
                    if (place < 0) {
                        throw new Unsupported(Reason.MALFORMED_XML, part, "a cell address «" + address + "»");
                    }
                    row = (int) (place >>> 20);
                    column = (int) (place & 0xFFFFF);
                } else {
                    column++;
                }
                depth--; // the cell is read to its end
                if ((++seen & 0xFFF) == 0 && System.nanoTime() > deadline) {
                    throw new Unsupported(Reason.OVER_BUDGET, part, "reading took more than "
                            + MAX_READING_NANOS / 1_000_000_000L + " s");
                }
                if (want.all() || want.cells().contains(Want.place(row, column))) {
                    Read cell = cell(xml, part);
                    if (cell != null) {
                        if (--cellBudget < 0) {
                            throw new Unsupported(Reason.OVER_BUDGET, part, "more than " + MAX_CELLS + " cells");
                        }

                        page.rows.computeIfAbsent(row, r -> new TreeMap<>()).put(column, cell);
                    }
                    if (!want.all()) {
                        remaining--;
                    }
                } else {
                    xml.skip();
                }
            } else if (want.all() && depth == 3 && xml.is(Xml.MAIN, "mergeCell")) {
                merge(xml.attribute("ref")).ifPresent(page.merges::add);
            }
        }
        return page;
    }

    /** Reads a {@code <c>} to its end; null when it holds nothing. */
    private Read cell(XmlScanner xml, String part) throws Unsupported {
        String type = xml.attribute("t");
        String style = xml.attribute("s");
        String value = null;
        String formula = null;
        StringBuilder inline = null;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XmlScanner.START_ELEMENT) {
                if (depth == 1 && xml.is(Xml.MAIN, "v")) {
                    value = xml.text();
                } else if (depth == 1 && xml.is(Xml.MAIN, "f")) {
                    formula = xml.text();
                } else if (depth == 1 && xml.is(Xml.MAIN, "is")) {
                    inline = new StringBuilder(richText(xml));
                } else {
                    xml.skip();
                }
            } else if (event == XmlScanner.END_ELEMENT) {
                depth--;
            }
        }
        String format = format(style, part);
        String kind = type == null ? "n" : type.strip();
        if (kind.equals("s")) {
            if (value == null || value.isBlank()) {
                return formula == null ? null : new Stored(new RawCell(RawCell.Kind.EMPTY, "", formula, format));
            }
            return new Shared(index(value, 0, Integer.MAX_VALUE, part), formula, format);
        }
        RawCell cell;
        if (kind.equals("inlineStr")) {
            String text = inline != null ? inline.toString() : value == null ? "" : value;
            cell = new RawCell(RawCell.Kind.TEXT, ExcelText.decode(text), formula, format);
        } else if (value == null) {
            cell = new RawCell(RawCell.Kind.EMPTY, "", formula, format);
        } else {
            cell = switch (kind) {
                case "str" -> new RawCell(RawCell.Kind.TEXT, ExcelText.decode(value), formula, format);
                case "b" -> new RawCell(RawCell.Kind.BOOLEAN, value, formula, format);
                case "e" -> new RawCell(RawCell.Kind.ERROR, value, formula, format);
                case "d" -> new RawCell(RawCell.Kind.DATE, value, formula, format);
                default -> new RawCell(RawCell.Kind.NUMBER, value, formula, format);
            };
        }
        if (cell.isEmpty()) {
            return null;
        }
        textBudget -= cell.value().length();
        if (textBudget < 0) {
            throw new Unsupported(Reason.OVER_BUDGET, part, "more than " + MAX_TEXT_CHARACTERS + " characters of text");
        }
        return new Stored(cell);
    }

    /**
     * The text of a rich-text element ({@code <si>} or {@code <is>}) the reader stands on: its own
     * {@code <t>} and its runs' {@code <t>}, never the phonetic runs.
     */
    private static String richText(XmlScanner xml) throws Unsupported {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XmlScanner.START_ELEMENT) {
                if (xml.is(Xml.MAIN, "t") && depth <= 2) {
                    text.append(xml.text());
                } else if (xml.is(Xml.MAIN, "r") && depth == 1) {
                    depth++;
                } else {
                    xml.skip(); // rPh, phoneticPr, rPr
                }
            } else if (event == XmlScanner.END_ELEMENT) {
                depth--;
            }
        }
        return ExcelText.decode(text.toString());
    }

    private Optional<String> sharedStringsPart() throws Unsupported {
        return pkg.target(workbookPart, "sharedStrings").filter(pkg::has);
    }

    /** Reads the shared strings the cells need, up to the last of them. */
    private void readSharedStrings(Set<Integer> needed) throws Unsupported {
        Optional<String> found = sharedStringsPart();
        if (found.isEmpty()) {
            return; // every reference is then reported as missing
        }
        String part = found.get();
        int highest = Collections.max(needed);
        XmlScanner xml = pkg.scan(part);
        if (!xml.is(Xml.MAIN, "sst")) {
            throw new Unsupported(Reason.MALFORMED_XML, part, "the root is not sst");
        }
        int index = -1;
        while (xml.hasNext() && index < highest) {
            int event = xml.next();
            if (event == XmlScanner.START_ELEMENT) {
                if (xml.is(Xml.MAIN, "si")) {
                    index++;
                    if (needed.contains(index)) {
                        sharedText.put(index, richText(xml));
                    } else {
                        xml.skip();
                    }
                } else {
                    xml.skip();
                }
            }
        }
    }

    /** The number format of a cell style, as a code; "General" for none. */
    private String format(String style, String part) throws Unsupported {
        if (style == null || style.isBlank()) {
            return RawCell.GENERAL;
        }
        if (formats == null) {
            Optional<String> styles = pkg.target(workbookPart, "styles").filter(pkg::has);
            formats = styles.isEmpty() ? List.of() : OpcPackage.cached(List.of("formats", pkg.key(styles.get())),
                    () -> parseFormats(styles.get()));
        }
        int index = index(style, 0, Integer.MAX_VALUE, part);
        return index < formats.size() ? formats.get(index) : RawCell.GENERAL;
    }

    /** The number format code of every cell style (cellXfs), in order. */
    private List<String> parseFormats(String part) throws Unsupported {
        Map<Integer, String> codes = new HashMap<>();
        List<Integer> ids = new ArrayList<>();
        XmlScanner xml = pkg.scan(part);
        while (xml.hasNext()) {
            int event = xml.next();
            if (event != XmlScanner.START_ELEMENT) {
                continue;
            }
            if (xml.is(Xml.MAIN, "numFmt")) {
                String id = xml.attribute("numFmtId");
                String code = xml.attribute("formatCode");
                if (id != null && code != null) {
                    codes.put(index(id, 0, Integer.MAX_VALUE, part), code);
                }
            } else if (xml.is(Xml.MAIN, "cellXfs")) {
                while (xml.nextTag() == XmlScanner.START_ELEMENT) {
                    String id = xml.attribute("numFmtId");
                    ids.add(id == null ? 0 : index(id, 0, Integer.MAX_VALUE, part));
                    xml.skip();
                }
                break;
            } else if (!xml.is(Xml.MAIN, "styleSheet") && !xml.is(Xml.MAIN, "numFmts")) {
                xml.skip();
            }
        }
        List<String> formatsByStyle = new ArrayList<>(ids.size());
        for (int id : ids) {
            String code = codes.get(id);
            if (code == null) {
                code = BuiltinFormats.getBuiltinFormat(id);
            }
            formatsByStyle.add(code == null ? RawCell.GENERAL : code);
        }
        return List.copyOf(formatsByStyle);
    }

    private static WorkbookPart parseWorkbook(OpcPackage pkg, String part) throws Unsupported {
        List<SheetEntry> sheets = new ArrayList<>();
        List<Grid.DefinedName> names = new ArrayList<>();
        boolean date1904 = false;
        XmlScanner xml = pkg.scan(part);
        String namespace = xml.namespace();
        if (!xml.is(Xml.MAIN, "workbook")) {
            throw new Unsupported(Reason.MALFORMED_XML, part, "the root is not a workbook");
        }
        while (xml.hasNext()) {
            int event = xml.next();
            if (event != XmlScanner.START_ELEMENT) {
                continue;
            }
            if (xml.is(Xml.MAIN, "workbookPr")) {
                String value = xml.attribute("date1904");
                date1904 = "1".equals(value) || "true".equals(value);
                xml.skip();
            } else if (xml.is(Xml.MAIN, "sheets")) {
                while (xml.nextTag() == XmlScanner.START_ELEMENT) {
                    if (xml.is(Xml.MAIN, "sheet")) {
                        String name = xml.attribute("name");
                        String id = xml.attribute(Xml.RELATIONSHIPS, "id");
                        if (name == null || id == null) {
                            throw new Unsupported(Reason.MALFORMED_XML, part, "a sheet without a name or r:id");
                        }
                        String state = String.valueOf(xml.attribute("state"));
                        sheets.add(new SheetEntry(name, id, state.equals("veryHidden") ? Visibility.VERY_HIDDEN
                                : state.equals("hidden") ? Visibility.HIDDEN : Visibility.VISIBLE));
                    }
                    xml.skip();
                }
            } else if (xml.is(Xml.MAIN, "definedNames")) {
                while (xml.nextTag() == XmlScanner.START_ELEMENT) {
                    if (xml.is(Xml.MAIN, "definedName")) {
                        String name = xml.attribute("name");
                        String scope = xml.attribute("localSheetId");
                        String formula = xml.text();
                        if (name != null) {
                            names.add(new Grid.DefinedName(name, scope == null ? -1
                                    : index(scope, 0, Integer.MAX_VALUE, part), formula.strip()));
                        }
                    } else {
                        xml.skip();
                    }
                }
            } else if (!xml.is(Xml.MARKUP_COMPATIBILITY, "AlternateContent")
                    && !xml.is(Xml.MARKUP_COMPATIBILITY, "Choice")) {
                xml.skip();
            }
        }
        return new WorkbookPart(List.copyOf(sheets), List.copyOf(names), date1904, namespace);
    }

    private Map<String, String> parseCustomProperties(String part) throws Unsupported {
        Map<String, String> properties = new TreeMap<>();
        XmlScanner xml = pkg.scan(part);
        while (xml.hasNext()) {
            if (xml.next() == XmlScanner.START_ELEMENT && xml.is(Xml.CUSTOM_PROPERTIES, "property")) {
                String name = xml.attribute("name");
                String value = xml.text();
                if (name != null) {
                    properties.put(name, value);
                }
            }
        }
        return Collections.unmodifiableMap(properties);
    }

    private static Optional<Grid.Merge> merge(String ref) {
        if (ref == null || !ref.contains(":")) {
            return Optional.empty();
        }
        String[] ends = ref.split(":", 2);
        Optional<int[]> first = CellRef.parse(ends[0]);
        Optional<int[]> last = CellRef.parse(ends[1]);
        if (first.isEmpty() || last.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Grid.Merge(first.get()[0], last.get()[0], first.get()[1], last.get()[1]));
    }

    /** A whole number of an attribute or element, within bounds; {@code otherwise} when absent. */
    private static int index(String text, int otherwise, int max, String part) throws Unsupported {
        if (text == null) {
            return otherwise;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < 0 || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new Unsupported(Reason.MALFORMED_XML, part, "«" + text + "» where a whole number is expected");
        }
    }
}
