package appendixfill.form;


import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Kind;
import appendixfill.indicator.Sheet;
import appendixfill.indicator.Wordings;
import appendixfill.input.IoReason;
import appendixfill.input.Message;
import appendixfill.input.Typed;
import appendixfill.input.UnusableInput;
import appendixfill.ooxml.PackageEditor;
import appendixfill.ooxml.Unsupported;
import appendixfill.revision.ChangeLog;
import appendixfill.revision.Stamp;
import appendixfill.rule.Assessment;
import appendixfill.rule.Finding;
import appendixfill.rule.Interpretation;
import appendixfill.rule.Severity;
import appendixfill.spreadsheet.CellRef;
import appendixfill.spreadsheet.Grid;
import appendixfill.spreadsheet.SpreadsheetFile;
import appendixfill.spreadsheet.XlsxWorkbook;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Phụ lục I workbook opened from a file, whatever its format and shape: what the officer typed
 * in each indicator's cell (through the template's names, or recognised in a plain table), and,
 * for a fill, how its completed copy is written. The file itself is only read, never written.
 */
public final class FormFile {

    /** What a workbook is opened for. */
    public enum Purpose {
        /** Completed and reported: everything the completed workbook needs is read. */
        FILL,
        /** Compared with another submission: its figures and the Ghi chú beside them; nothing written. */
        COMPARE,
        /** Only its figures: the named cells, nothing around them. */
        CONSOLIDATE
    }

    /**
     * How a workbook was read and how its completed copy is made.
     *
     * @param format what the file is
     * @param byNames read through the template's names (else recognised as a plain table)
     * @param inPlace completed by changing the officer's own workbook (else a copy of the template)
     * @param notInPlace why a workbook of the template is not completed in place (in English); "" otherwise
     */
    public record Source(SpreadsheetFile.Kind format, boolean byNames, boolean inPlace, String notInPlace) {

        Source(SpreadsheetFile.Kind format, boolean byNames, boolean inPlace) {
            this(format, byNames, inPlace, "");
        }

        /** As the completed workbook's property says it: "own xlsx by names", "template xls as a table"… */
        public String said() {
            return (inPlace ? "own " : "template ") + format.name().toLowerCase(java.util.Locale.ROOT)
                    + (byNames ? " by names" : " as a table") + (notInPlace.isEmpty() ? "" : ": " + notInPlace);
        }
    }

    /** What would be valid, said in every message about a file that is not a usable workbook. */
    static final Message VALID = Message.of("valid");

    private final Path file;
    private final Reading reading;
    private final Map<String, String> properties;
    private final Optional<List<List<String>>> totals;
    private final Source source;
    private final Completer completer;
    private ChangeLog changeLog = ChangeLog.EMPTY;
    /** The .xlsx it was read from, for what is asked of it later; null for an .xls or .ods. */
    private XlsxWorkbook xlsx;

    private FormFile(Path file, Reading reading, Map<String, String> properties, Optional<List<List<String>>> totals,
            Source source, Completer completer) {
        this.file = file;
        this.reading = reading;
        this.properties = properties;
        this.totals = totals;
        this.source = source;
        this.completer = completer;
    }

    /** Opens a workbook, or says in Vietnamese (or English) why it cannot be used. */
    public static FormFile open(Path file, Catalogue catalogue, Purpose purpose) throws UnusableInput {
        String shown = file.toString();
        requireReadableFile(file, shown);
        SpreadsheetFile.Opened opened;
        try {
            opened = SpreadsheetFile.open(file);
        } catch (IOException e) {
            throw new UnusableInput(Message.of("input.unreadable", shown, IoReason.reading(file, e), VALID), e);
        } catch (Unsupported e) {
            throw refusal(e, shown, "Excel (.xlsx)");
        }
        SpreadsheetFile.Kind kind = opened.kind();
        if (opened.refusal().isPresent()) {
            throw refusal(opened.refusal().get(), shown, label(kind));
        }
        return switch (kind) {
            case XLSX -> {
                XlsxWorkbook workbook = opened.xlsx().orElseThrow();
                yield xlsx(file, shown, workbook, catalogue, purpose).readFrom(workbook);
            }
            case XLS, ODS -> grid(file, shown, kind, opened.grid().orElseThrow(), catalogue, purpose);
            default -> throw new UnusableInput(notASpreadsheet(kind, shown));
        };
    }

    private static FormFile xlsx(Path file, String shown, XlsxWorkbook workbook, Catalogue catalogue, Purpose purpose)
            throws UnusableInput {
        try {
            if (purpose == Purpose.FILL) {
                // Whatever path the fill takes (in place, or on a copy of the template), no part of a
                // workbook with a DOCTYPE is read further, let alone copied into an output; the check
                // reads each XML part only up to its root element.
                PackageEditor.requireNoDoctype(workbook.pkg());
            }
            Map<String, String> properties = workbook.customProperties();
            if (Layout.CONSOLIDATION_TEMPLATE.equals(properties.get(Layout.PROPERTY_TEMPLATE))) {
                // A consolidation has no cells of the form: its totals are in its hidden sheet.
                Optional<XlsxWorkbook.Sheet> sheet = workbook.sheet(Layout.TOTALS_SHEET);
                List<List<String>> rows = sheet.isEmpty() ? List.of() : workbook.read(Map.of(sheet.get().name(),
                        XlsxWorkbook.Want.ALL)).pages().get(0).textRows();
                return new FormFile(file, new Reading(Map.of(), Map.of(), List.of()), properties, Optional.of(rows),
                        new Source(SpreadsheetFile.Kind.XLSX, true, false), null);
            }
            List<String> sheetNames = workbook.sheets().stream().map(XlsxWorkbook.Sheet::name).toList();
            Optional<NamedCells> named = NamedCells.of(workbook.names(), sheetNames, catalogue, shown);
            if (named.isEmpty()) {
                Reading reading = PlainForm.recognise(workbook.grid(), catalogue, Wordings.standard(), shown);
                return onTemplate(file, reading, properties, SpreadsheetFile.Kind.XLSX, false, catalogue, purpose);
            }
            Grid grid = workbook.read(wanted(named.get(), sheetNames, catalogue, purpose));
            Ledger ledger = ledger(grid);
            Reading reading = byNames(named.get(), grid, catalogue);
            reading = reading.withTyped(original(reading.typed(), ledger));
            if (purpose != Purpose.FILL) {
                return new FormFile(file, reading, properties, Optional.empty(),
                        new Source(SpreadsheetFile.Kind.XLSX, true, false), null).withChangeLog(grid);
            }
            Optional<String> declined = Completer.whyNotInPlace(workbook);
            if (declined.isEmpty()) {
                try {
                    Completer completer = Completer.inPlace(workbook, named.get(), catalogue, ledger, grid);
                    return new FormFile(file, reading, properties, Optional.empty(),
                            new Source(SpreadsheetFile.Kind.XLSX, true, true), completer).withChangeLog(grid);
                } catch (Completer.NotInPlace e) {
                    declined = Optional.of(e.getMessage());
                }
            }
            // Why is kept in the completed workbook's property (the curious may read it): the findings stay
            // those of the data, the same whatever program saved the workbook.
            Completer completer = Completer.onTemplate(catalogue);
            return new FormFile(file, reading, properties, Optional.empty(),
                    new Source(SpreadsheetFile.Kind.XLSX, true, false, declined.get()), completer).withChangeLog(grid);
        } catch (Unsupported e) {
            throw refusal(e, shown, "Excel (.xlsx)");
        }
    }

    private static FormFile grid(Path file, String shown, SpreadsheetFile.Kind kind, Grid grid, Catalogue catalogue,
            Purpose purpose) throws UnusableInput {
        List<String> sheetNames = grid.pages().stream().map(Grid.Page::name).toList();
        Optional<NamedCells> named = NamedCells.of(grid.names(), sheetNames, catalogue, shown);
        Reading reading = named.isPresent() ? byNames(named.get(), grid, catalogue)
                : PlainForm.recognise(grid, catalogue, Wordings.standard(), shown);
        if (named.isPresent()) {
            reading = reading.withTyped(original(reading.typed(), ledger(grid)));
        }
        return onTemplate(file, reading, Map.of(), kind, named.isPresent(), catalogue, purpose).withChangeLog(grid);
    }

    /** A workbook completed into a copy of the bundled template. */
    private static FormFile onTemplate(Path file, Reading reading, Map<String, String> properties,
            SpreadsheetFile.Kind kind, boolean byNames, Catalogue catalogue, Purpose purpose) {
        Completer completer = purpose == Purpose.FILL ? Completer.onTemplate(catalogue) : null;
        return new FormFile(file, reading, properties, Optional.empty(), new Source(kind, byNames, false), completer);
    }

    /**
     * The cells a reading through names needs: every named cell; for a fill or a comparison also the
     * Ghi chú beside the table's; for a fill the titles, and the tool's own sheets whole.
     */
    private static Map<String, XlsxWorkbook.Want> wanted(NamedCells named, List<String> sheets, Catalogue catalogue,
            Purpose purpose) {
        Map<String, Set<Long>> cells = new LinkedHashMap<>();
        named.cells().forEach((code, cell) -> {
            Set<Long> places = cells.computeIfAbsent(cell.sheet(), s -> new HashSet<>());
            places.add(XlsxWorkbook.Want.place(cell.row(), cell.column()));
            if (purpose != Purpose.CONSOLIDATE && catalogue.require(code).sheet() == Sheet.APPENDIX) {
                places.add(XlsxWorkbook.Want.place(cell.row(), Layout.NOTE_COLUMN));
            }
        });
        Map<String, XlsxWorkbook.Want> wanted = new LinkedHashMap<>();
        cells.forEach((sheet, places) -> wanted.put(sheet, XlsxWorkbook.Want.cells(places)));
        if (sheets.contains(Layout.LEDGER_SHEET)) {
            wanted.put(Layout.LEDGER_SHEET, XlsxWorkbook.Want.ALL);
        }
        if (sheets.contains(Layout.CHANGES_SHEET)) {
            wanted.put(Layout.CHANGES_SHEET, XlsxWorkbook.Want.ALL);
        }
        if (purpose == Purpose.FILL && sheets.contains(Layout.FINDINGS_SHEET)) {
            // Its header row tells the tool's findings sheet from an officer's sheet of that name.
            Set<Long> header = new HashSet<>();
            for (int column = 0; column < Completion.FINDINGS_HEADER.size(); column++) {
                header.add(XlsxWorkbook.Want.place(Completion.FINDINGS_HEADER_ROW, column));
            }
            wanted.put(Layout.FINDINGS_SHEET, XlsxWorkbook.Want.cells(header));
        }
        return wanted;
    }

    /** What the cells named for the catalogue hold. */
    private static Reading byNames(NamedCells named, Grid grid, Catalogue catalogue) {
        Map<String, Typed> typed = new LinkedHashMap<>(catalogue.mapCapacity());
        Map<String, String> notes = new LinkedHashMap<>(catalogue.mapCapacity());
        Map<String, Grid.Page> pages = new java.util.HashMap<>();
        grid.pages().forEach(page -> pages.put(page.name(), page));
        for (Indicator indicator : catalogue.indicators()) {
            CellRef cell = named.cells().get(indicator.code());
            if (cell == null) {
                continue;
            }
            Grid.Page page = pages.get(cell.sheet());
            typed.put(indicator.code(), page == null ? Typed.BLANK : page.get(cell.row(), cell.column()));
            if (indicator.sheet() == Sheet.APPENDIX && page != null && page.raw(cell.row(), Layout.NOTE_COLUMN) != null) {
                String note = Interpretation.normalise(PlainForm.text(page.get(cell.row(), Layout.NOTE_COLUMN)));
                if (!note.isEmpty()) {
                    notes.put(indicator.code(), note);
                }
            }
        }
        List<Indicator> absent = named.absent(catalogue);
        if (absent.isEmpty()) {
            return new Reading(typed, notes, List.of());
        }
        for (Indicator indicator : absent) {
            typed.put(indicator.code(), Typed.BLANK);
        }
        Finding older = new Finding(Severity.INFO, "form.older-template", absent.get(0).code(),
                "Tệp theo mẫu cũ, thiếu " + absent.size() + " ô của trang «" + Sheet.DETAILS.title() + "» ("
                        + String.join("; ", absent.stream().map(Indicator::label).toList())
                        + "). Tệp .filled.xlsx theo mẫu mới, các ô đó để trống để điền thêm.");
        return new Reading(typed, notes, List.of(older));
    }

    /** The change log a workbook the tool completed before carries. */
    private FormFile withChangeLog(Grid grid) {
        changeLog = grid.page(Layout.CHANGES_SHEET).map(page -> ChangeLog.fromRows(page.textRows()))
                .orElse(ChangeLog.EMPTY);
        return this;
    }

    private FormFile readFrom(XlsxWorkbook workbook) {
        xlsx = workbook;
        return this;
    }

    /**
     * When the workbook says it was last saved (W3CDTF, as its core properties have it), read when asked;
     * empty for an .xls or .ods, and when it does not say.
     */
    public Optional<String> lastSaved() throws UnusableInput {
        if (xlsx == null) {
            return Optional.empty();
        }
        try {
            return xlsx.lastSaved();
        } catch (Unsupported e) {
            throw refusal(e, file.toString(), "Excel (.xlsx)");
        }
    }

    /** The change log of its own submissions, when the tool completed it before; empty otherwise. */
    public ChangeLog changeLog() {
        return changeLog;
    }

    /** The ledger of a workbook the tool completed before (empty for any other). */
    private static Ledger ledger(Grid grid) {
        return grid.page(Layout.LEDGER_SHEET).map(page -> Ledger.fromRows(page.textRows())).orElseGet(Ledger::empty);
    }

    /** What the officer typed, where the tool rewrote a cell before and the cell still holds what it wrote. */
    private static Map<String, Typed> original(Map<String, Typed> typed, Ledger ledger) {
        Map<String, Typed> original = new LinkedHashMap<>(typed.size() * 4 / 3 + 1);
        typed.forEach((code, current) -> original.put(code, ledger.original(code, current)));
        return original;
    }

    public Path file() {
        return file;
    }

    /** What each cell held as the officer typed it (what the tool rewrote earlier is taken back). */
    public Map<String, Typed> typed() {
        return reading.typed();
    }

    /** The officer's Ghi chú beside each row of the appendix that has one. */
    public Map<String, String> notes() {
        return reading.notes();
    }

    /** What the officer is told about how the workbook was read (a plain table recognised, rows matched…). */
    public List<Finding> findings() {
        return reading.findings();
    }

    /** The custom document properties, such as the template's identifier and version. */
    public Map<String, String> properties() {
        return Collections.unmodifiableMap(properties);
    }

    /** The totals of a consolidated workbook, as the rows of its hidden sheet; empty for a unit's workbook. */
    public Optional<List<List<String>>> consolidationTotals() {
        return totals;
    }

    /** How it was read, and how it is completed. */
    public Source source() {
        return source;
    }

    /** The cell of an indicator in the completed workbook as a person finds it: Phụ lục I!D40; "" when it has none. */
    public String address(String code) {
        return completer == null ? "" : completer.address(code);
    }

    /**
     * Writes the completed workbook to {@code out}: the file read is not touched.
     *
     * @param run the stamp of the run, kept in the workbook's properties
     * @param stamp what the workbook says about itself, in its properties and on its findings sheet
     * @param log the change log of its submissions, this one included
     */
    public void complete(Assessment assessment, String summary, String run, Stamp stamp, ChangeLog log,
            OutputStream out) throws IOException, UnusableInput {
        if (completer == null) {
            throw new IllegalStateException("a workbook opened only to read it (not for FILL) is not completed");
        }
        try {
            completer.write(typed(), assessment, summary, source, run, stamp, log, out);
        } catch (Unsupported e) {
            throw refusal(e, file.toString(), label(source.format()));
        }
    }

    private static void requireReadableFile(Path file, String shown) throws UnusableInput {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (Files.isDirectory(file)) {
            throw new UnusableInput(Message.of("input.folder", shown));
        }
        if (!Files.exists(file)) {
            throw new UnusableInput(Message.of("input.missing", shown, VALID));
        }
        if (name.startsWith("~$")) {
            throw new UnusableInput(Message.of("input.excel-lock", shown, name.substring(2)));
        }
        try {
            if (Files.size(file) == 0) {
                throw new UnusableInput(Message.of("input.empty", shown, VALID));
            }
        } catch (IOException e) {
            throw new UnusableInput(Message.of("input.unreadable", shown, IoReason.reading(file, e), VALID), e);
        }
    }

    private static String label(SpreadsheetFile.Kind kind) {
        return switch (kind) {
            case XLS -> "Excel 97–2003 (.xls)";
            case ODS -> "LibreOffice (.ods)";
            default -> "Excel (.xlsx)";
        };
    }

    /** Why a file that is a spreadsheet of a kind could not be read, said to the officer. */
    static UnusableInput refusal(Unsupported e, String shown, String kind) {
        Message said = switch (e.reason()) {
            case ENCRYPTED -> Message.of("input.encrypted", shown);
            case OVER_BUDGET -> Message.of("input.zip-bomb", shown);
            case DOCTYPE -> Message.of("input.doctype", shown, e.part());
            case TRUNCATED -> Message.of("input.truncated", shown);
            case DAMAGED, NOT_A_ZIP, MALFORMED_XML, MISSING_PART, ZIP_FEATURE -> Message.of("input.damaged", shown, kind);
        };
        return new UnusableInput(said, e);
    }

    private static Message notASpreadsheet(SpreadsheetFile.Kind kind, String shown) {
        return switch (kind) {
            case ENCRYPTED -> Message.of("input.encrypted", shown);
            case ENCRYPTED_ODS -> Message.of("input.encrypted-ods", shown);
            case OLD_XLS -> Message.of("input.damaged", shown, "Excel 97–2003 (.xls)");
            case DOCX -> Message.of("input.other-document", shown, Message.of("kind.docx"), VALID);
            case PPTX -> Message.of("input.other-document", shown, Message.of("kind.pptx"), VALID);
            case ODT -> Message.of("input.other-document", shown, Message.of("kind.odt"), VALID);
            case OTHER_OPENDOCUMENT -> Message.of("input.other-document", shown, Message.of("kind.odf"), VALID);
            case OTHER_ZIP -> Message.of("input.other-document", shown, Message.of("kind.zip"), VALID);
            case DOC -> Message.of("input.other-office", shown, Message.of("kind.doc"), VALID);
            case OTHER_OLE2 -> Message.of("input.other-office", shown, Message.of("kind.ole2"), VALID);
            case HTML -> Message.of("input.not-a-spreadsheet", shown, Message.of("looks.html"), VALID);
            case CSV -> Message.of("input.not-a-spreadsheet", shown, Message.of("looks.csv"), VALID);
            case TEXT -> Message.of("input.not-a-spreadsheet", shown, Message.of("looks.text"), VALID);
            case UNKNOWN -> Message.of("input.not-a-spreadsheet", shown, Message.of("looks.unknown"), VALID);
            case XLSX, XLS, ODS -> throw new IllegalArgumentException(kind + " is a spreadsheet");
        };
    }
}
