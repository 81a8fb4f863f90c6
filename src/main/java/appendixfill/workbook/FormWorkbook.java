package appendixfill.workbook;

import appendixfill.form.Layout;
import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Kind;
import appendixfill.indicator.Sheet;
import appendixfill.input.IoReason;
import appendixfill.input.Message;
import appendixfill.input.Typed;
import appendixfill.input.UnusableInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import appendixfill.indicator.Wordings;
import appendixfill.rule.Finding;
import appendixfill.rule.Severity;
import appendixfill.rule.Interpretation;
import java.util.Optional;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A Phụ lục I workbook opened from a file: the cells the catalogue names, as the officer left
 * them. The file itself is only read, never written.
 */
public final class FormWorkbook implements Form {

    private final Path file;
    private final Catalogue catalogue;
    private final XSSFWorkbook workbook;
    private final Map<String, CellReference> cells;
    private final Map<String, Typed> typed;
    private final Map<String, String> notes;
    private final Ledger ledger;

    private final List<Finding> findings;
    private final boolean own;

    private FormWorkbook(Path file, Catalogue catalogue, XSSFWorkbook workbook, boolean own, Map<String, CellReference> cells,
            Map<String, Typed> typed, Map<String, String> notes, Ledger ledger, List<Finding> findings) {
        this.findings = List.copyOf(findings);
        this.own = own;
        this.file = file;
        this.catalogue = catalogue;
        this.workbook = workbook;
        this.cells = cells;
        this.typed = typed;
        this.notes = notes;
        this.ledger = ledger;
    }

    /** What would be valid, said in every message about a file that is not a usable workbook. */
    static final Message VALID = Message.of("valid");

    /** The formats read, told apart by content, never by the file's name. */
    enum Format {
        XLSX, XLS, ODS
    }

    /**
     * Opens a workbook, or says in Vietnamese why it cannot be used. The tool's own template
     * (.xlsx with its defined names) is filled in place; anything else (a plain table, an .xls, an
     * .ods, a macro workbook) is read into a fresh copy of the official template.
     */
    public static FormWorkbook open(Path file, Catalogue catalogue) throws UnusableInput {
        String shown = file.toString();
        requireReadableFile(file, shown);
        Format format = sniff(file, shown);
        Grid grid;
        if (format == Format.XLSX) {
            XSSFWorkbook workbook = load(file, shown);
            try {
                Map<String, CellReference> cells = locate(workbook, catalogue);
                if (!workbook.isMacroEnabled() && cells.size() == named(catalogue).size()) {
                    workbook.getProperties(); // parsed lazily by POI: a damaged part must show now, not when writing
                    return inPlace(file, workbook, cells, catalogue);
                }
                // A macro workbook is read like any other: its completed copy is the plain template,
                // since an .xlsx must not carry macros.
                grid = Grid.of(workbook);
                closeQuietly(workbook);
            } catch (RuntimeException e) {
                closeQuietly(workbook);
                throw unreadable(shown, "Excel (.xlsx)", e);
            }
        } else if (format == Format.XLS) {
            grid = readXls(file, shown);
        } else {
            grid = OdsGrid.read(file, shown);
        }
        Reading reading = byNames(grid, catalogue).orElse(null);
        if (reading == null) {
            reading = PlainForm.recognise(grid, catalogue, Wordings.standard(), shown);
        }
        return onTemplate(file, catalogue, reading);
    }

    private static FormWorkbook inPlace(Path file, XSSFWorkbook workbook, Map<String, CellReference> cells,
            Catalogue catalogue) {
        Ledger ledger = Ledger.read(workbook);
        Map<String, Typed> typed = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        for (Indicator indicator : catalogue.indicators()) {
            CellReference ref = cells.get(indicator.code());
            if (ref == null) {
                continue;
            }
            Cell cell = cell(workbook, ref);
            typed.put(indicator.code(), ledger.original(indicator.code(), Cells.read(cell)));
            if (indicator.sheet() == Sheet.APPENDIX) {
                Typed note = Cells.read(cell(workbook, new CellReference(ref.getSheetName(), ref.getRow(),
                        Layout.NOTE_COLUMN, false, false)));
                if (note instanceof Typed.Text text) {
                    notes.put(indicator.code(), Interpretation.normalise(text.text()));
                }
            }
        }
        return new FormWorkbook(file, catalogue, workbook, true, cells, Collections.unmodifiableMap(typed),
                Collections.unmodifiableMap(notes), ledger, List.of());
    }

    /** A fresh official template holding what was read, so the completed workbook is always the form. */
    private static FormWorkbook onTemplate(Path file, Catalogue catalogue, Reading reading) {
        XSSFWorkbook workbook = new TemplateBuilder(catalogue).build();
        Map<String, CellReference> cells = locate(workbook, catalogue);
        reading.typed().forEach((code, typed) -> {
            if (catalogue.require(code).kind() != Kind.RATE) {
                // A rate's cell gets its formula back from the filler whatever was typed there.
                Cells.place(cell(workbook, cells.get(code)), typed);
            }
        });
        reading.notes().forEach((code, note) -> {
            CellReference ref = cells.get(code);
            cell(workbook, new CellReference(ref.getSheetName(), ref.getRow(), Layout.NOTE_COLUMN, false, false))
                    .setCellValue(note);
        });
        Map<String, Typed> typed = new LinkedHashMap<>();
        for (Indicator indicator : catalogue.indicators()) {
            if (cells.containsKey(indicator.code())) {
                typed.put(indicator.code(), reading.typed().getOrDefault(indicator.code(), Typed.BLANK));
            }
        }
        return new FormWorkbook(file, catalogue, workbook, false, cells, Collections.unmodifiableMap(typed), reading.notes(),
                Ledger.read(workbook), reading.findings());
    }

    /**
     * The form read through the template's defined names, when every cell of the table has its
     * name. A workbook made from an earlier version of the template may lack cells of the report's
     * details sheet added since: those are read as blank, and the officer is told.
     */
    static Optional<Reading> byNames(Grid grid, Catalogue catalogue) {
        Map<String, Typed> typed = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        List<Indicator> absent = new java.util.ArrayList<>();
        for (Indicator indicator : named(catalogue)) {
            Grid.Spot spot = grid.names().get(indicator.name());
            Optional<Grid.Page> page = spot == null ? Optional.empty() : grid.page(spot.sheet());
            if (page.isEmpty() && indicator.sheet() == Sheet.DETAILS) {
                absent.add(indicator);
                continue;
            }
            if (page.isEmpty()) {
                return Optional.empty();
            }
            typed.put(indicator.code(), page.get().get(spot.row(), spot.column()));
            if (indicator.sheet() == Sheet.APPENDIX) {
                String note = Interpretation.normalise(PlainForm.text(page.get().get(spot.row(), Layout.NOTE_COLUMN)));
                if (!note.isEmpty()) {
                    notes.put(indicator.code(), note);
                }
            }
        }
        if (absent.isEmpty()) {
            return Optional.of(new Reading(typed, notes, List.of()));
        }
        Finding older = new Finding(Severity.INFO, "form.older-template", absent.get(0).code(),
                "Tệp theo mẫu cũ, thiếu " + absent.size() + " ô của trang «" + Sheet.DETAILS.title() + "» ("
                        + String.join("; ", absent.stream().map(Indicator::label).toList())
                        + "). Tệp .filled.xlsx theo mẫu mới, các ô đó để trống để điền thêm.");
        return Optional.of(new Reading(typed, notes, List.of(older)));
    }

    private static List<Indicator> named(Catalogue catalogue) {
        return catalogue.indicators().stream().filter(i -> i.kind() != Kind.HEADING).toList();
    }

    @Override
    public Path file() {
        return file;
    }

    /** What each cell held as the officer typed it (what the tool rewrote earlier is taken back). */
    @Override
    public Map<String, Typed> typed() {
        return typed;
    }

    /** The officer's Ghi chú beside each row of the appendix that has one. */
    @Override
    public Map<String, String> notes() {
        return notes;
    }

    /** What the officer is told about how the workbook was read (a plain table recognised, rows matched…). */
    @Override
    public List<Finding> findings() {
        return findings;
    }

    /** The cell of an indicator as a person finds it: 'Phụ lục I'!D40. */
    @Override
    public String address(String code) {
        CellReference ref = cells.get(code);
        return ref == null ? "" : ref.getSheetName() + "!" + new CellReference(ref.getRow(), ref.getCol()).formatAsString();
    }

    @Override
    public void complete(appendixfill.rule.Assessment assessment, String summary, java.io.OutputStream out)
            throws IOException, UnusableInput {
        new WorkbookFiller(catalogue).fill(this, assessment, summary, out);
    }

    /** True when the completed workbook is the officer's own, filled in place, rather than a fresh template. */
    boolean isOfficersOwn() {
        return own;
    }

    XSSFWorkbook workbook() {
        return workbook;
    }

    Map<String, CellReference> cells() {
        return cells;
    }

    Ledger ledger() {
        return ledger;
    }

    static Cell cell(XSSFWorkbook workbook, CellReference ref) {
        org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheet(ref.getSheetName());
        Row row = sheet.getRow(ref.getRow());
        if (row == null) {
            row = sheet.createRow(ref.getRow());
        }
        Cell cell = row.getCell(ref.getCol());
        return cell != null ? cell : row.createCell(ref.getCol());
    }

    @Override
    public void close() {
        closeQuietly(workbook);
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

    /** Tells the format from the file's first bytes and, for a zip, the names of its entries. */
    static Format sniff(Path file, String shown) throws UnusableInput {
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        } catch (IOException e) {
            throw new UnusableInput(Message.of("input.unreadable", shown, IoReason.reading(file, e), VALID), e);
        }
        if (magic == FileMagic.OLE2) {
            return ole2(file, shown);
        }
        if (magic != FileMagic.OOXML) {
            throw new UnusableInput(Message.of("input.not-a-spreadsheet", shown, notASpreadsheet(file), VALID));
        }
        return zipFormat(file, shown);
    }

    /** What a file that is neither a zip nor an OLE2 document looks like, from its first bytes. */
    private static Message notASpreadsheet(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4096);
        } catch (IOException e) {
            return Message.of("looks.unreadable");
        }
        String text = null;
        // A character may be cut in two at the 4096th byte: try again without up to 3 trailing bytes.
        for (int cut = 0; cut <= Math.min(3, head.length) && text == null; cut++) {
            try {
                text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                        .decode(java.nio.ByteBuffer.wrap(head, 0, head.length - cut)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                if (head.length < 4096) {
                    break;
                }
            }
        }
        if (text == null) {
            return Message.of("looks.unknown");
        }
        if (text.indexOf('\0') >= 0) {
            return Message.of("looks.unknown");
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("<html") || lower.contains("<table")) {
            return Message.of("looks.html");
        }
        String firstLine = text.lines().findFirst().orElse("");
        if (firstLine.contains(";") || firstLine.contains(",") || firstLine.contains("\t")) {
            return Message.of("looks.csv");
        }
        return Message.of("looks.text");
    }

    private static Format zipFormat(Path file, String shown) throws UnusableInput {
        List<String> names = new ArrayList<>();
        String mimetype = "";
        String manifest = "";
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                names.add(entry.getName());
            }
            mimetype = small(zip, "mimetype");
            manifest = small(zip, "META-INF/manifest.xml");
        } catch (IOException e) {
            throw new UnusableInput(Message.of("input.truncated", shown), e);
        }
        if (names.contains("xl/workbook.xml")) {
            return Format.XLSX;
        }
        if (mimetype.strip().equals("application/vnd.oasis.opendocument.spreadsheet") && names.contains("content.xml")) {
            if (manifest.contains("encryption-data")) {
                throw new UnusableInput(Message.of("input.encrypted-ods", shown));
            }
            return Format.ODS;
        }
        String kind = names.contains("word/document.xml") ? "kind.docx"
                : names.contains("ppt/presentation.xml") ? "kind.pptx"
                : mimetype.startsWith("application/vnd.oasis.opendocument.text") ? "kind.odt"
                : names.contains("content.xml") ? "kind.odf"
                : "kind.zip";
        throw new UnusableInput(Message.of("input.other-document", shown, Message.of(kind), VALID));
    }

    /** The first bytes of a small zip entry (the ODF mimetype, its manifest), or "" without it. */
    private static String small(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            return "";
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readNBytes(64 * 1024), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static Format ole2(Path file, String shown) throws UnusableInput {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            if (fs.getRoot().hasEntry("EncryptionInfo")) {
                throw new UnusableInput(encrypted(shown));
            }
            if (fs.getRoot().hasEntry("Workbook") || fs.getRoot().hasEntry("WORKBOOK") || fs.getRoot().hasEntry("Book")) {
                return Format.XLS;
            }
            String kind = fs.getRoot().hasEntry("WordDocument") ? "kind.doc" : "kind.ole2";
            throw new UnusableInput(Message.of("input.other-office", shown, Message.of(kind), VALID));
        } catch (IOException | RuntimeException e) {
            throw unreadable(shown, "Excel 97–2003 (.xls)", e);
        }
    }

    private static Message encrypted(String shown) {
        return Message.of("input.encrypted", shown);
    }

    private static XSSFWorkbook load(Path file, String shown) throws UnusableInput {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        } catch (IOException | RuntimeException e) {
            throw unreadable(shown, "Excel (.xlsx)", e);
        }
    }

    private static Grid readXls(Path file, String shown) throws UnusableInput {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true);
                HSSFWorkbook workbook = new HSSFWorkbook(fs.getRoot(), true)) {
            return Grid.of(workbook);
        } catch (IOException | RuntimeException e) {
            throw unreadable(shown, "Excel 97–2003 (.xls)", e);
        }
    }

    /**
     * Why a file that looked like a workbook could not be read: POI's own limits (zip bomb, any
     * DOCTYPE in the XML) are named as such, for they point at a file made to harm, not a damaged one.
     */
    static UnusableInput unreadable(String shown, String kind, Exception e) {
        if (e instanceof UnusableInput unusable) {
            return unusable;
        }
        for (Throwable t = e; t != null; t = t instanceof javax.xml.stream.XMLStreamException x
                && x.getNestedException() != null ? x.getNestedException() : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof org.apache.poi.EncryptedDocumentException) {
                return new UnusableInput(encrypted(shown), e);
            }
            if (message.contains("Zip bomb") || message.contains("exceed the max")) {
                return new UnusableInput(Message.of("input.zip-bomb", shown), e);
            }
            if (message.contains("DOCTYPE")) {
                return new UnusableInput(Message.of("input.doctype", shown), e);
            }
        }
        return new UnusableInput(Message.of("input.damaged", shown, kind), e);
    }

    /** The cells the template's defined names point at, as many as the workbook has. */
    private static Map<String, CellReference> locate(XSSFWorkbook workbook, Catalogue catalogue) {
        Map<String, CellReference> cells = new LinkedHashMap<>();
        for (Indicator indicator : named(catalogue)) {
            Name name = workbook.getName(indicator.name());
            CellReference ref = name == null ? null : reference(workbook, name);
            if (ref != null) {
                cells.put(indicator.code(), ref);
            }
        }
        return cells;
    }

    private static CellReference reference(XSSFWorkbook workbook, Name name) {
        String formula = name.getRefersToFormula();
        if (formula == null || formula.contains("#REF!") || formula.contains(":")) {
            return null;
        }
        CellReference ref = new CellReference(formula);
        return ref.getSheetName() != null && workbook.getSheet(ref.getSheetName()) != null ? ref : null;
    }

    private static void closeQuietly(XSSFWorkbook workbook) {
        try {
            workbook.close();
        } catch (IOException e) {
            // Read from memory: nothing to release that could fail meaningfully.
        }
    }
}
