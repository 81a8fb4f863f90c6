package appendixfill.form;


import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Document;
import appendixfill.indicator.Value;
import appendixfill.indicator.VietnameseFormat;
import appendixfill.input.Typed;
import appendixfill.ooxml.CustomProperties;
import appendixfill.ooxml.OpcPackage;
import appendixfill.ooxml.PackageEditor;
import appendixfill.ooxml.PartText;
import appendixfill.ooxml.Unsupported;
import appendixfill.ooxml.Xml;
import appendixfill.ooxml.ZipArchive;
import appendixfill.revision.ChangeLog;
import appendixfill.revision.Stamp;
import appendixfill.rule.Assessment;
import appendixfill.rule.Finding;
import appendixfill.spreadsheet.CellContent;
import appendixfill.spreadsheet.CellRef;
import appendixfill.spreadsheet.CommentsEdit;
import appendixfill.spreadsheet.Grid;
import appendixfill.spreadsheet.NewSheet;
import appendixfill.spreadsheet.SheetEdit;
import appendixfill.spreadsheet.StyleEdit;
import appendixfill.spreadsheet.VmlEdit;
import appendixfill.spreadsheet.WorkbookEdit;
import appendixfill.spreadsheet.XlsxWorkbook;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The one writer of a completed workbook: an .xlsx patched, the officer's own (a workbook of the
 * template) or a copy of the bundled template (anything else: a plain table, an .xls, an .ods, a
 * workbook with macros). The named cells get their content, colour and comment as
 * {@link Completion} plans them; the titles their text; the findings sheet and the ledger are
 * written anew; every other part of the package is kept as it was.
 */
final class Completer {

    /**
     * Why a workbook of the template is completed on a copy of the template rather than in place: in
     * English, for the completed workbook's property and the curious, never shown to the officer.
     */
    static final class NotInPlace extends Exception {
        NotInPlace(String why) {
            super(why, null, false, false);
        }
    }

    /** The bundled template, on the class path. */
    static final String TEMPLATE = "/workbook-templates/phu-luc-i.xlsx";

    /** Between an officer's comment and the tool's findings added to it, in one comment. */
    static final String OFFICERS_COMMENT_END = "\n\n— appendix-fill —\n";

    /** Where the officer's workbook is completed in place: its package and named cells; null for the template. */
    private final XlsxWorkbook workbook;
    private final NamedCells named;
    private final Catalogue catalogue;
    private final Ledger ledger;
    /** True when the workbook holds a findings sheet of the tool's own (by its header row). */
    private final boolean ownFindingsSheet;
    /** The officer's workbook's parts as read when it was opened, to be changed by the write (a workbook is completed once). */
    private Edits prepared;

    private Completer(XlsxWorkbook workbook, NamedCells named, Catalogue catalogue, Ledger ledger,
            boolean ownFindingsSheet) {
        this.workbook = workbook;
        this.named = named;
        this.catalogue = catalogue;
        this.ledger = ledger;
        this.ownFindingsSheet = ownFindingsSheet;
    }

    /** Why the workbook cannot be completed in place at all; empty when it may be. */
    static Optional<String> whyNotInPlace(XlsxWorkbook workbook) {
        if (workbook.hasMacros()) {
            return Optional.of("it has macros, which an .xlsx sent upward must not carry");
        }
        if (workbook.isStrict()) {
            return Optional.of("it is Strict Open XML, which few programs read");
        }
        return Optional.empty();
    }

    /** The officer's workbook, to be completed in place. */
    static Completer inPlace(XlsxWorkbook workbook, NamedCells named, Catalogue catalogue, Ledger ledger, Grid grid)
            throws NotInPlace, Unsupported {
        for (CellRef cell : named.cells().values()) {
            Optional<XlsxWorkbook.Sheet> sheet = workbook.sheet(cell.sheet());
            if (sheet.isEmpty() || sheet.get().part().isEmpty()) {
                throw new NotInPlace("cell " + cell.shown() + " is not on a worksheet");
            }
        }
        boolean ownFindings = grid.page(Layout.FINDINGS_SHEET).map(page -> {
            for (int column = 0; column < Completion.FINDINGS_HEADER.size(); column++) {
                if (!PlainForm.text(page.get(Completion.FINDINGS_HEADER_ROW, column))
                        .equals(Completion.FINDINGS_HEADER.get(column))) {
                    return false;
                }
            }
            return true;
        }).orElse(false);
        Completer completer = new Completer(workbook, named, catalogue, ledger, ownFindings);
        completer.rehearse();
        return completer;
    }

    /** Anything else, to be completed on a copy of the bundled template. */
    static Completer onTemplate(Catalogue catalogue) {
        return new Completer(null, Template.named(catalogue), catalogue, Ledger.empty(), false);
    }

    /**
     * Reads now every part the completion will change, so that a workbook that cannot be changed
     * in place (a named cell anchoring a shared formula, comments or drawings that are not XML) is
     * known before anything is assessed or written.
     */
    private void rehearse() throws NotInPlace, Unsupported {
        // Every part is copied into the completed workbook: a bomb or a damaged part among those the
        // fill does not read is refused now, before anything is written.
        workbook.pkg().zip().requireIntact();
        try {
            Edits edits = new Edits(new PackageEditor(workbook.pkg()), workbook);
            prepared = edits;
            for (CellRef cell : named.cells().values()) {
                if (edits.sheet(cell.sheet()).anchorsAFormulaRange(cell.row(), cell.column())) {
                    throw new NotInPlace("cell " + cell.shown() + " starts a shared or array formula");
                }
            }
            for (String sheet : named.sheets(sheetNames())) {
                edits.comments(sheet);
            }
        } catch (Unsupported e) {
            if (e.reason() == Unsupported.Reason.DOCTYPE || e.reason() == Unsupported.Reason.OVER_BUDGET
                    || e.reason() == Unsupported.Reason.DAMAGED) {
                throw e;
            }
            throw new NotInPlace("part " + e.part() + " cannot be changed in place (" + e.reason() + ")");
        }
    }

    private List<String> sheetNames() {
        return workbook.sheets().stream().map(XlsxWorkbook.Sheet::name).toList();
    }

    /** The cell of an indicator in the completed workbook, as a person finds it: Phụ lục I!D40. */
    String address(String code) {
        CellRef cell = named.cells().get(code);
        return cell == null ? "" : cell.shown();
    }

    /** Writes the completed workbook. */
    void write(Map<String, Typed> typed, Assessment assessment, String summary, FormFile.Source source, String run,
            Stamp stamp, ChangeLog log, OutputStream out) throws IOException, Unsupported {
        Edits edits;
        if (prepared != null) {
            edits = prepared;
            prepared = null;
        } else if (workbook == null) {
            XlsxWorkbook template = Template.open();
            edits = new Edits(new PackageEditor(template.pkg()), template);
        } else {
            throw new IllegalStateException("a workbook is completed once");
        }
        Map<String, Typed> current = new LinkedHashMap<>();
        named.cells().keySet().forEach(code -> current.put(code, typed.getOrDefault(code, Typed.BLANK)));
        List<Completion.Change> changes = Completion.plan(catalogue, named.cells().keySet(), current, assessment,
                ledger);
        Map<String, List<Note>> notes = new LinkedHashMap<>();
        for (Completion.Change change : changes) {
            CellRef cell = named.cells().get(change.code());
            SheetEdit sheet = edits.sheet(cell.sheet());
            int style = sheet.style(cell.row(), cell.column());
            CellContent content = content(change.content(), current.get(change.code()));
            if (workbook == null && change.content() instanceof Completion.Keep
                    && current.get(change.code()) instanceof Typed.Date) {
                style = edits.styles.withNumberFormat(style, DATE_FORMAT);
            }
            sheet.set(cell.row(), cell.column(), content, edits.styles.withFill(style, change.shade().fill));
            if (change.comment() != null) {
                notes.computeIfAbsent(cell.sheet(), s -> new ArrayList<>()).add(new Note(cell, change.comment()));
            }
        }
        // A paragraph typed into a row of fixed height would show and print cut off: the row is made tall enough.
        for (Map.Entry<String, Typed> entry : current.entrySet()) {
            if (entry.getValue() instanceof Typed.Text text) {
                CellRef cell = named.cells().get(entry.getKey());
                SheetEdit sheet = edits.sheet(cell.sheet());
                OptionalDouble width = sheet.columnWidth(cell.column());
                if (width.isPresent() && width.getAsDouble() >= 4) {
                    sheet.fitHeight(cell.row(), Math.min(Layout.MAX_ROW_HEIGHT,
                            Layout.heightFor(text.text(), (int) width.getAsDouble(), 12)));
                }
            }
        }
        Document document = Document.of(assessment.figures());
        Map<String, String> titles = Map.of(Layout.TITLE_PERIOD_NAME, document.appendixPeriodLine(),
                Layout.TITLE_ATTACHED_NAME, document.appendixAttachedLine());
        for (Map.Entry<String, CellRef> title : named.titles().entrySet()) {
            CellRef cell = title.getValue();
            SheetEdit sheet = edits.sheet(cell.sheet());
            sheet.set(cell.row(), cell.column(), new CellContent.Text(titles.get(title.getKey())),
                    sheet.style(cell.row(), cell.column()));
        }
        for (String sheet : named.sheets(edits.sheetNames())) {
            comment(edits, sheet, notes.getOrDefault(sheet, List.of()));
        }
        findingsSheet(edits, assessment, summary, stamp);
        ledgerSheet(edits);
        changesSheet(edits, log);
        edits.book.dropCalcChain();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(Layout.PROPERTY_TEMPLATE, Catalogue.TEMPLATE_ID);
        properties.put(Layout.PROPERTY_VERSION, Catalogue.TEMPLATE_VERSION);
        properties.put(Layout.PROPERTY_COMPLETED_FROM, source.said());
        properties.put(Layout.PROPERTY_RUN, run);
        properties.putAll(stamp.properties());
        CustomProperties.set(edits.pkg, properties);
        edits.apply();
        edits.pkg.write(out, java.util.zip.Deflater.BEST_SPEED);
    }

    /** Excel's built-in date format d/m/yyyy (shown as the computer's locale writes dates). */
    private static final int DATE_FORMAT = 14;

    /** What a cell gets: for a copy of the template, what the officer typed where the plan keeps it. */
    private CellContent content(Completion.Content planned, Typed current) {
        if (planned instanceof Completion.Formula formula) {
            Value cached = formula.cached();
            CellContent value = cached instanceof Value.Amount amount ? new CellContent.Number(amount.number())
                    : cached instanceof Value.NotApplicable ? new CellContent.Text(VietnameseFormat.NOT_APPLICABLE)
                    : new CellContent.Blank();
            return new CellContent.Formula(formula.formula(), value);
        }
        if (planned instanceof Completion.Canonical canonical) {
            return placed(canonical.typed());
        }
        return workbook != null ? new CellContent.Keep() : placed(current);
    }

    /**
     * What the officer typed, placed in a cell of the template as close to how it was typed as a
     * cell allows: a formula from another workbook keeps only its result, since its references
     * would point at other cells here.
     */
    private static CellContent placed(Typed typed) {
        if (typed instanceof Typed.Number number) {
            return new CellContent.Number(number.number());
        }
        if (typed instanceof Typed.Text text) {
            return new CellContent.Text(text.text());
        }
        if (typed instanceof Typed.Bool bool) {
            return new CellContent.Bool(bool.value());
        }
        if (typed instanceof Typed.Error error) {
            return new CellContent.Error(error.code());
        }
        if (typed instanceof Typed.Date date) {
            return new CellContent.Number(BigDecimal.valueOf(
                    org.apache.poi.ss.usermodel.DateUtil.getExcelDate(date.date(), false)));
        }
        if (typed instanceof Typed.Formula formula) {
            return placed(formula.cached());
        }
        return new CellContent.Blank();
    }

    /** A comment the fill writes: its cell and text. */
    private record Note(CellRef cell, String text) {
    }

    /** A comment as it is written into the comments part. */
    private record Written(String ref, String author, String text) {
    }

    /**
     * The comments of one form sheet: the tool's earlier ones removed, the new ones written; an
     * officer's own comment kept, and where the tool has something to say at the same cell, the
     * two in one comment (the officer's text first).
     */
    private static void comment(Edits edits, String sheet, List<Note> notes) throws Unsupported {
        Optional<CommentsEdit> existing = edits.comments(sheet);
        if (existing.isEmpty() && notes.isEmpty()) {
            return;
        }
        Map<String, Note> byCell = new LinkedHashMap<>();
        notes.forEach(note -> byCell.put(note.cell().address(), note));
        CommentsEdit comments = existing.isPresent() ? existing.get() : edits.newComments(sheet);
        VmlEdit vml = edits.vml(sheet);
        // The comments to write: those rewritten (the tool's, and the officer's it adds to), then the new.
        List<Written> written = new ArrayList<>();
        for (CommentsEdit.Comment comment : comments.comments()) {
            int[] place = CellRef.parse(comment.ref()).orElse(new int[] {-1, -1});
            boolean tools = Completion.isToolComment(comment.author(), comment.text());
            int end = comment.text().indexOf(OFFICERS_COMMENT_END);
            Note note = byCell.remove(CellRef.address(place[0], place[1]));
            if (!tools && end < 0 && note == null) {
                continue; // the officer's own, with nothing of the tool's to add
            }
            comments.remove(comment);
            vml.removeNote(place[0], place[1]);
            String officers = tools ? "" : end >= 0 ? comment.text().substring(0, end) : comment.text();
            if (officers.isEmpty() && note == null) {
                continue;
            }
            written.add(new Written(comment.ref(), officers.isEmpty() ? Completion.AUTHOR : comment.author(),
                    officers.isEmpty() ? note.text() : note == null ? officers
                            : officers + OFFICERS_COMMENT_END + note.text()));
        }
        for (Note note : byCell.values()) {
            written.add(new Written(note.cell().address(), Completion.AUTHOR, note.text()));
        }
        // Added after every removal: the boxes are numbered after the shapes kept, the same on every fill.
        for (Written comment : written) {
            int[] place = CellRef.parse(comment.ref()).orElseThrow();
            comments.add(comment.ref(), comment.author(), comment.text());
            vml.addNote(place[0], place[1], Completion.commentLastRow(place[0], comment.text()));
        }
    }

    /** The findings sheet, written anew; a sheet of the officer's with its name is kept and the tool's named apart. */
    private void findingsSheet(Edits edits, Assessment assessment, String summary, Stamp stamp) throws Unsupported {
        String name = Layout.FINDINGS_SHEET;
        int index = edits.book.indexOf(name);
        String part;
        if (index >= 0 && (workbook == null || ownFindingsSheet)) {
            part = edits.book.part(index);
            if (edits.pkg.has(OpcPackage.relsPart(part))) {
                edits.pkg.remove(OpcPackage.relsPart(part));
            }
        } else {
            for (int n = 2; edits.book.isTaken(name); n++) {
                name = Layout.FINDINGS_SHEET + " (" + n + ")";
            }
            index = Math.min(1, edits.book.sheetCount());
            part = edits.book.insertSheet(index, name, false);
        }
        int bold = edits.styles.style(true, 12, Layout.FONT, false, null);
        int wrapped = edits.styles.style(false, 12, Layout.FONT, true, null);
        NewSheet sheet = FindingsSheet.of(assessment, summary, stamp.said(), bold, wrapped, this::address);
        edits.pkg.put(part, sheet.xml(), WorkbookEdit.WORKSHEET_TYPE);
        String quoted = "'" + name.replace("'", "''") + "'";
        int last = Completion.FINDINGS_FIRST_ROW + assessment.findings().size();
        edits.book.setLocalName("_xlnm._FilterDatabase", index, quoted + "!$A$" + (Completion.FINDINGS_HEADER_ROW + 1)
                + ":$F$" + Math.max(Completion.FINDINGS_HEADER_ROW + 1, last), true);
        edits.book.setLocalName("_xlnm.Print_Titles", index, quoted + "!$" + (Completion.FINDINGS_HEADER_ROW + 1)
                + ":$" + (Completion.FINDINGS_HEADER_ROW + 1), false);
    }

    /** The ledger, very hidden; removed when it has nothing to keep. */
    private void ledgerSheet(Edits edits) throws Unsupported {
        int index = edits.book.indexOf(Layout.LEDGER_SHEET);
        if (ledger.entries().isEmpty()) {
            if (index >= 0) {
                edits.book.removeSheet(index);
            }
            return;
        }
        String part;
        if (index < 0) {
            part = edits.book.insertSheet(edits.book.sheetCount(), Layout.LEDGER_SHEET, true);
        } else {
            part = edits.book.part(index);
            edits.book.veryHidden(index); // LibreOffice saves it as merely hidden
        }
        NewSheet sheet = new NewSheet().row(0, 0, Ledger.HEADER.stream().map(h -> new NewSheet.TextCell(h, 0)).toList());
        int row = 1;
        for (Map.Entry<String, Ledger.Entry> entry : ledger.entries().entrySet()) {
            sheet.row(row++, 0, List.of(new NewSheet.TextCell(entry.getKey(), 0),
                    new NewSheet.TextCell(entry.getValue().original(), 0),
                    new NewSheet.TextCell(entry.getValue().written(), 0)));
        }
        edits.pkg.put(part, sheet.xml(), WorkbookEdit.WORKSHEET_TYPE);
    }

    /** The change log of the workbook's submissions, very hidden, as the ledger is. */
    private static void changesSheet(Edits edits, ChangeLog log) throws Unsupported {
        int index = edits.book.indexOf(Layout.CHANGES_SHEET);
        String part;
        if (index < 0) {
            part = edits.book.insertSheet(edits.book.sheetCount(), Layout.CHANGES_SHEET, true);
        } else {
            part = edits.book.part(index);
            edits.book.veryHidden(index);
        }
        NewSheet sheet = new NewSheet();
        List<List<String>> rows = log.rows();
        for (int row = 0; row < rows.size(); row++) {
            sheet.row(row, 0, rows.get(row).stream().map(text -> new NewSheet.TextCell(text, 0)).toList());
        }
        edits.pkg.put(part, sheet.xml(), WorkbookEdit.WORKSHEET_TYPE);
    }

    /** The parts a completion changes, each read once. */
    private static final class Edits {
        final PackageEditor pkg;
        final XlsxWorkbook workbook;
        final WorkbookEdit book;
        final StyleEdit styles;
        private final Map<String, SheetEdit> sheets = new LinkedHashMap<>();
        private final Map<String, Optional<CommentsEdit>> comments = new LinkedHashMap<>();
        private final Map<String, VmlEdit> drawings = new LinkedHashMap<>();
        private final Map<String, CommentsEdit> freshComments = new LinkedHashMap<>();
        private final Map<String, VmlEdit> freshDrawings = new LinkedHashMap<>();

        Edits(PackageEditor pkg, XlsxWorkbook workbook) throws Unsupported {
            this.pkg = pkg;
            this.workbook = workbook;
            this.book = WorkbookEdit.of(pkg, workbook.workbookPart());
            String stylesPart = pkg.source().target(workbook.workbookPart(), "styles").filter(pkg::has)
                    .orElseThrow(() -> new Unsupported(Unsupported.Reason.MISSING_PART, "xl/styles.xml",
                            "a workbook without styles"));
            this.styles = StyleEdit.of(pkg.text(stylesPart));
        }

        List<String> sheetNames() {
            return workbook.sheets().stream().map(XlsxWorkbook.Sheet::name).toList();
        }

        String part(String sheet) {
            return workbook.sheet(sheet).flatMap(XlsxWorkbook.Sheet::part).orElseThrow();
        }

        SheetEdit sheet(String name) throws Unsupported {
            SheetEdit known = sheets.get(name);
            if (known == null) {
                known = SheetEdit.of(pkg.text(part(name)));
                sheets.put(name, known);
            }
            return known;
        }

        /** The sheet's comments part as it is; empty when it has none. Its VML drawing is read with it. */
        Optional<CommentsEdit> comments(String sheet) throws Unsupported {
            if (!comments.containsKey(sheet)) {
                String part = part(sheet);
                Optional<String> found = pkg.source().target(part, "comments").filter(pkg::has);
                comments.put(sheet, found.isPresent() ? Optional.of(CommentsEdit.of(pkg.text(found.get())))
                        : Optional.empty());
                Optional<String> drawing = sheet(sheet).legacyDrawing();
                if (drawing.isPresent()) {
                    Optional<OpcPackage.Relationship> vml = pkg.source().relationship(part, drawing.get());
                    if (vml.isPresent() && !vml.get().external() && pkg.has(vml.get().part())) {
                        drawings.put(sheet, VmlEdit.of(pkg.text(vml.get().part())));
                    }
                }
            }
            return comments.get(sheet);
        }

        CommentsEdit newComments(String sheet) throws Unsupported {
            String part = pkg.freeName("xl/comments", ".xml");
            pkg.put(part, new byte[0], CommentsEdit.CONTENT_TYPE);
            pkg.relate(part(sheet), "comments", part);
            CommentsEdit fresh = CommentsEdit.fresh(part);
            freshComments.put(part, fresh);
            return fresh;
        }

        /** The sheet's VML drawing: its own, or a new one in a block of shape numbers no other drawing uses. */
        VmlEdit vml(String sheet) throws Unsupported {
            VmlEdit known = drawings.get(sheet);
            if (known != null) {
                return known;
            }
            int block = 0;
            for (String part : pkg.source().parts()) {
                if (part.toLowerCase(java.util.Locale.ROOT).endsWith(".vml")) {
                    try {
                        block = Math.max(block, VmlEdit.of(PartText.of(part, pkg.source().bytes(part))).block());
                    } catch (Unsupported e) {
                        block = Math.max(block, 1000); // a drawing that is not XML: far past whatever it uses
                    }
                }
            }
            block += 1 + drawings.size() + freshDrawings.size();
            String part = pkg.freeName("xl/drawings/vmlDrawing", ".vml");
            pkg.put(part, new byte[0], null);
            pkg.requireDefault("vml", VmlEdit.CONTENT_TYPE);
            String id = pkg.relate(part(sheet), "vmlDrawing", part);
            sheet(sheet).addLegacyDrawing(id);
            VmlEdit fresh = VmlEdit.fresh(part, block);
            freshDrawings.put(part, fresh);
            drawings.put(sheet, fresh);
            return fresh;
        }

        void apply() throws Unsupported {
            sheets.values().forEach(SheetEdit::apply);
            styles.apply();
            for (Optional<CommentsEdit> edit : comments.values()) {
                if (edit.isPresent()) {
                    edit.get().apply();
                }
            }
            for (Map.Entry<String, CommentsEdit> fresh : freshComments.entrySet()) {
                pkg.put(fresh.getKey(), fresh.getValue().apply().bytes(), CommentsEdit.CONTENT_TYPE);
            }
            drawings.values().forEach(VmlEdit::apply);
            for (Map.Entry<String, VmlEdit> fresh : freshDrawings.entrySet()) {
                pkg.put(fresh.getKey(), fresh.getValue().apply().bytes(), null);
            }
            book.apply();
        }
    }

    /** The bundled template, read once. */
    private static final class Template {
        private static byte[] bytes;
        private static NamedCells named;

        static synchronized byte[] bytes() {
            if (bytes == null) {
                try (InputStream in = Completer.class.getResourceAsStream(TEMPLATE)) {
                    if (in == null) {
                        throw new IllegalStateException("the bundled template " + TEMPLATE + " is not on the class path");
                    }
                    bytes = in.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return bytes;
        }

        static XlsxWorkbook open() {
            try {
                return XlsxWorkbook.open(OpcPackage.of(ZipArchive.of(bytes(), ZipArchive.Limits.OFFICE)));
            } catch (Unsupported e) {
                throw new IllegalStateException("the bundled template does not read", e);
            }
        }

        static synchronized NamedCells named(Catalogue catalogue) {
            if (named == null) {
                XlsxWorkbook template = open();
                try {
                    named = NamedCells.of(template.names(), template.sheets().stream().map(XlsxWorkbook.Sheet::name)
                            .toList(), catalogue, TEMPLATE).orElseThrow(() -> new IllegalStateException(
                                    "the bundled template lacks named cells of the catalogue"));
                } catch (appendixfill.input.UnusableInput e) {
                    throw new IllegalStateException("the bundled template's names do not hold", e);
                }
            }
            return named;
        }
    }
}
