package appendixfill.producers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import appendixfill.cli.Main;
import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Kind;
import appendixfill.producers.ProducerVariant.Outcome;
import appendixfill.fixtures.LibreOffice;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.opentest4j.AssertionFailedError;

/**
 * The producer matrix (issue 17): the bundled example as other programs spell an .xlsx, filled
 * in-process. Every variant the tool accepts completes exactly as the plain example does (exit 1
 * for the seed's errors, the same values.csv and findings.csv) into a workbook whose every part
 * parses namespace-aware and validates against the ECMA-376 transitional schemas, whose every
 * comment is linked from its sheet, that keeps the officer's own content, and that real
 * LibreOffice loads showing the rates of values.csv. Every variant the tool must refuse is
 * refused: exit 2, one line naming the file, nothing written, within 5 s.
 *
 * <p>Inputs and outputs stay in target/producer-matrix/VARIANT/ for reading after a run. The
 * generator is checked too ({@code theGenerator…} tests), so that a red case blames the tool.
 */
class ProducerMatrixTest {

    private static final Catalogue CATALOGUE = Catalogue.standard();
    private static final Path WORK = Path.of("target", "producer-matrix");
    private static final String BASE = "vu-muon-nam-2023";
    /** Refusals that a broken build may spend minutes and gigabytes on: run in a JVM of their own that the test can stop. */
    private static final Set<String> OWN_JVM = Set.of("shared-string-expansion-bomb");
    private static final long REFUSAL_MILLIS = 5_000;

    private static final Map<String, Fill> FILLS = new ConcurrentHashMap<>();
    private static final Map<LibreOffice.Load, LibreOffice.Conversion> SHOWN = new EnumMap<>(LibreOffice.Load.class);

    /** One run of the tool on one input: what it said and where it wrote. */
    record Fill(Path input, Path out, int exit, String stdout, String stderr, long millis) {

        Path output(String suffix) {
            return out.resolve(BASE + suffix);
        }

        Path completed() {
            Path completed = output(".filled.xlsx");
            if (!Files.isRegularFile(completed)) {
                fail("no completed workbook: exit " + exit + ", stderr «" + stderr.strip() + "», stdout «"
                        + stdout.strip() + "»");
            }
            return completed;
        }
    }

    @BeforeAll
    static void startClean() throws IOException {
        if (Files.exists(WORK)) {
            try (Stream<Path> walk = Files.walk(WORK)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(WORK);
    }

    static Stream<ProducerVariant> completedVariants() {
        return ProducerVariants.all().stream().filter(v -> v.outcome() == Outcome.COMPLETED);
    }

    static Stream<ProducerVariant> refusedVariants() {
        return ProducerVariants.all().stream().filter(v -> v.outcome() == Outcome.REFUSED);
    }

    static Stream<ProducerVariant> allVariants() {
        return ProducerVariants.all().stream();
    }

    static Stream<ProducerVariant> sameInfosetVariants() {
        return ProducerVariants.all().stream().filter(ProducerVariant::sameInfoset);
    }

    static Stream<ProducerVariant> generatedCompletedVariants() {
        return completedVariants().filter(v -> !v.fixture());
    }

    static Stream<Arguments> completedVariantsInEachLoadMode() {
        return completedVariants().flatMap(v -> Stream.of(LibreOffice.Load.values()).map(load -> Arguments.of(v, load)));
    }

    // ----- completed variants

    @ParameterizedTest(name = "{0}")
    @MethodSource("completedVariants")
    void everyProducerVariantCompletesWithThePlainExamplesValuesAndFindings(ProducerVariant variant) throws Throwable {
        checking(variant, () -> {
            Fill fill = fill(variant);
            Fill plain = plainExample();

            assertEquals(1, fill.exit(), () -> "exit code (the example has the seed's errors); stderr: " + fill.stderr());
            assertEquals("", fill.stderr());
            for (String output : List.of(".values.csv", ".findings.csv")) {
                assertTrue(Files.isRegularFile(fill.output(output)), output + " written");
                assertEquals(Files.readString(plain.output(output)), Files.readString(fill.output(output)), output);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("completedVariants")
    void everyPartOfTheCompletedWorkbookParsesNamespaceAwareWithoutADoctype(ProducerVariant variant) throws Throwable {
        checking(variant, () -> {
            PackageView completed = PackageView.of(fill(variant).completed());
            List<String> problems = new ArrayList<>();
            for (String entry : completed.entries()) {
                if (isXml(entry)) {
                    staxProblem(completed.requirePart(entry), false).ifPresent(p -> problems.add(entry + ": " + p));
                }
            }
            assertEquals(List.of(), problems);
        });
    }

    /** OPC's integrity, which Excel repairs a workbook for: every part has a content type, every relationship a part. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("completedVariants")
    void everyPartOfTheCompletedWorkbookHasAContentTypeAndEveryRelationshipReachesAPart(ProducerVariant variant)
            throws Throwable {
        checking(variant, () -> {
            PackageView completed = PackageView.of(fill(variant).completed());
            List<String> problems = new ArrayList<>();
            List<String> sources = new ArrayList<>(List.of(""));
            for (String entry : completed.entries()) {
                if (entry.equals("[Content_Types].xml") || entry.endsWith("/")) {
                    continue;
                }
                if (completed.contentType(entry).isEmpty()) {
                    problems.add(entry + " has no content type");
                }
                if (!entry.toLowerCase(Locale.ROOT).endsWith(".rels")) {
                    sources.add(entry);
                }
            }
            for (String source : sources) {
                for (PackageView.Relationship relationship : completed.relationships(source)) {
                    if (!relationship.external() && completed.part(relationship.target()).isEmpty()) {
                        problems.add((source.isEmpty() ? "the package" : source) + ": relationship " + relationship.id()
                                + " leads to no part (" + relationship.target() + ")");
                    }
                }
            }
            assertEquals(List.of(), problems);
        });
    }

    /**
     * Errors of the officer's own parts that the tool keeps as they were are not the tool's: an
     * error counts when the input's part of the same name did not have it. Generated inputs have
     * none ({@link #theGeneratorsInputsAreValidAgainstTheSchemas}); real producers' may.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("completedVariants")
    void everySpreadsheetMlPartOfTheCompletedWorkbookIsValidAgainstTheTransitionalSchemas(ProducerVariant variant)
            throws Throwable {
        checking(variant, () -> {
            Fill fill = fill(variant);
            Set<String> errors = SchemaCheck.errors(PackageView.of(fill.completed()));
            Set<String> before = SchemaCheck.errors(PackageView.of(fill.input()));
            Set<String> introduced = new LinkedHashSet<>();
            for (String error : errors) {
                if (!before.contains(caseOfPart(error, before))) {
                    introduced.add(error);
                }
            }
            assertEquals(List.of(), List.copyOf(introduced));
        });
    }

    /**
     * Every comments part is reached from a sheet through the sheet's relationships; a sheet with
     * comments has a legacyDrawing pointing at a VML part that has a note shape at each comment's
     * cell; and the tool's own comments sit at the same cells as in the plain example's completion.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("completedVariants")
    void everyCommentOfTheCompletedWorkbookIsLinkedFromItsSheetWithANoteShape(ProducerVariant variant)
            throws Throwable {
        checking(variant, () -> {
            PackageView completed = PackageView.of(fill(variant).completed());
            List<String> problems = new ArrayList<>();
            Set<String> reached = new LinkedHashSet<>();
            for (PackageView.Sheet sheet : completed.sheets()) {
                List<String> commentsParts = completed.commentsParts(sheet);
                for (String part : commentsParts) {
                    reached.add(part.toLowerCase(Locale.ROOT));
                    if (completed.part(part).isEmpty()) {
                        problems.add("«" + sheet.name() + "»: its comments part " + part + " is missing");
                    }
                }
                if (commentsParts.isEmpty()) {
                    continue;
                }
                var vml = completed.legacyDrawing(sheet);
                if (vml.isEmpty()) {
                    problems.add("«" + sheet.name() + "» has comments but no legacyDrawing pointing at a VML part");
                    continue;
                }
                if (completed.part(vml.get()).isEmpty()) {
                    problems.add("«" + sheet.name() + "»: its legacyDrawing's VML part " + vml.get() + " is missing");
                    continue;
                }
                List<String> shapes = completed.noteShapes(vml.get());
                for (PackageView.Comment comment : completed.comments(sheet)) {
                    if (!shapes.contains(comment.cell())) {
                        problems.add("«" + sheet.name() + "»!" + comment.cell() + ": no note shape in " + vml.get());
                    }
                }
            }
            for (String entry : completed.entries()) {
                if (completed.contentType(entry).equals(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml")
                        && !reached.contains(entry.toLowerCase(Locale.ROOT))) {
                    problems.add(entry + " is reached from no sheet");
                }
            }
            assertEquals(List.of(), problems);
            assertEquals(toolsCommentCells(PackageView.of(plainExample().completed())), toolsCommentCells(completed),
                    "the cells the tool commented, sheet by sheet");
        });
    }

    /**
     * Excel repairs a workbook whose calculation chain names a cell without a formula: a chain kept
     * in the completed workbook (the Excel 365 variant has one) names only cells with formulas.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("completedVariants")
    void aCalculationChainKeptInTheCompletedWorkbookNamesOnlyCellsWithFormulas(ProducerVariant variant)
            throws Throwable {
        checking(variant, () -> {
            PackageView completed = PackageView.of(fill(variant).completed());
            String workbook = completed.workbookPart();
            List<String> problems = new ArrayList<>();
            for (PackageView.Relationship chain : completed.relationships(workbook)) {
                if (!chain.type().equals(PackageView.TYPE + "calcChain")) {
                    continue;
                }
                Map<String, PackageView.Sheet> bySheetId = new HashMap<>();
                List<PackageView.Sheet> sheets = completed.sheets();
                List<Element> sheetElements = PackageView.elements(completed.xml(workbook), "sheet");
                for (int i = 0; i < sheetElements.size(); i++) {
                    bySheetId.put(sheetElements.get(i).getAttribute("sheetId"), sheets.get(i));
                }
                String sheetId = "";
                for (Element c : PackageView.elements(completed.xml(chain.target()), "c")) {
                    // A missing i means the sheet of the entry before.
                    sheetId = c.getAttribute("i").isEmpty() ? sheetId : c.getAttribute("i");
                    PackageView.Sheet sheet = bySheetId.get(sheetId);
                    String content = sheet == null ? "" : completed.cells(sheet).getOrDefault(c.getAttribute("r"), "");
                    if (!content.startsWith("f:")) {
                        problems.add("calcChain names " + c.getAttribute("r") + " of sheet " + sheetId + ", which holds «"
                                + content + "»");
                    }
                }
            }
            assertEquals(List.of(), problems);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("completedVariants")
    void theOfficersOwnSheetsCommentsAndPicturesAreKept(ProducerVariant variant) throws Throwable {
        checking(variant, () -> {
            Fill fill = fill(variant);
            PackageView input = PackageView.of(fill.input());
            PackageView completed = PackageView.of(fill.completed());
            Set<String> formSheets = new LinkedHashSet<>();
            input.workbookNames().forEach((name, formula) -> {
                if (name.startsWith("PL_") || name.startsWith("TT_")) {
                    formSheets.add(PackageView.namedCell(formula).sheet());
                }
            });
            List<String> problems = new ArrayList<>();
            List<String> inputNames = input.sheets().stream().map(PackageView.Sheet::name).toList();
            for (PackageView.Sheet before : input.sheets()) {
                var after = completed.sheet(before.name());
                if (after.isEmpty()) {
                    problems.add("sheet «" + before.name() + "» is gone");
                    continue;
                }
                if (!after.get().state().equals(before.state())) {
                    problems.add("sheet «" + before.name() + "» was " + before.state() + ", is " + after.get().state());
                }
                if (!formSheets.contains(before.name()) && !completed.cells(after.get()).equals(input.cells(before))) {
                    problems.add("sheet «" + before.name() + "»: cells changed");
                }
                List<PackageView.Comment> comments = completed.comments(after.get());
                for (PackageView.Comment comment : input.comments(before)) {
                    if (!comments.contains(comment)) {
                        problems.add("sheet «" + before.name() + "»: the comment " + comment + " is gone; there are " + comments);
                    }
                }
                List<String> pictures = completed.pictures(after.get());
                for (String picture : input.pictures(before)) {
                    if (!pictures.remove(picture)) {
                        problems.add("sheet «" + before.name() + "»: a picture is gone");
                    }
                }
            }
            List<PackageView.Sheet> added = completed.sheets().stream().filter(s -> !inputNames.contains(s.name())).toList();
            List<PackageView.Sheet> visible = added.stream().filter(s -> s.state().equals("visible")).toList();
            if (visible.size() != 1 || !visible.get(0).name().startsWith("Kết quả kiểm tra")
                    || inputNames.stream().anyMatch(n -> n.equalsIgnoreCase(visible.get(0).name()))) {
                problems.add("added visible sheets " + visible.stream().map(PackageView.Sheet::name).toList()
                        + ": want one findings sheet named «Kết quả kiểm tra…», equal to no sheet of the input ignoring case");
            }
            if (added.stream().filter(s -> s.state().equals("veryHidden")).count() != 2 || added.size() != 3) {
                problems.add("added sheets " + added + ": want the findings sheet, and very hidden the ledger and the "
                        + "change log");
            }
            assertEquals(List.of(), problems);
        });
    }

    /**
     * What real LibreOffice shows in each rate's cell (found through the completed workbook's own
     * names) is the plain example's values.csv: as loaded (cached values) and recalculated.
     * All completed workbooks are converted in one soffice run per load mode, both modes at once.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("completedVariantsInEachLoadMode")
    void libreOfficeLoadsTheCompletedWorkbookAndShowsTheRatesOfValuesCsv(ProducerVariant variant,
            LibreOffice.Load load) throws Throwable {
        checking(variant + " " + load, () -> {
            LibreOffice.Conversion conversion = shown(load);
            PackageView completed = PackageView.of(fill(variant).completed());
            Map<String, String> names = completed.workbookNames();
            Map<String, String[]> expected = valuesCsv(plainExample().output(".values.csv"));
            Map<String, List<CSVRecord>> sheets = new HashMap<>();
            List<String> problems = new ArrayList<>();
            for (Indicator indicator : CATALOGUE.indicators()) {
                if (indicator.kind() != Kind.RATE) {
                    continue;
                }
                String formula = names.get(indicator.name());
                if (formula == null) {
                    problems.add(indicator.code() + ": no workbook-scope name " + indicator.name());
                    continue;
                }
                PackageView.NamedCell cell = PackageView.namedCell(formula);
                List<CSVRecord> rows = sheets.computeIfAbsent(cell.sheet(), sheet -> readCsv(
                        conversion.requireSheet(variant.name(), sheet)));
                String shown = shownAt(rows, cell.cell());
                String[] value = expected.get(indicator.code());
                if (value[0].isEmpty()) {
                    String want = value[1].equals("not-applicable") ? "không phát sinh" : "";
                    if (!want.equals(shown)) {
                        problems.add(indicator.code() + " at " + formula + ": LibreOffice shows «" + shown + "», want «" + want + "»");
                    }
                } else if (!isNumber(shown) || new BigDecimal(value[0]).compareTo(new BigDecimal(shown)) != 0) {
                    problems.add(indicator.code() + " at " + formula + ": LibreOffice shows «" + shown + "», values.csv " + value[0]);
                }
            }
            assertEquals(List.of(), problems);
        });
    }

    // ----- refused variants

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedVariants")
    void everyRefusedVariantExitsTwoWithOneLineNamingTheFileWritingNothingWithinFiveSeconds(ProducerVariant variant)
            throws Throwable {
        checking(variant, () -> {
            Path input = input(variant);
            Path folder = input.getParent();
            Path out = folder.resolve("out");
            Fill fill = OWN_JVM.contains(variant.name()) ? runInOwnJvm(input, out) : run(input, out);

            assertEquals(2, fill.exit(), () -> "exit code; stderr: " + fill.stderr() + "; stdout: " + fill.stdout());
            assertEquals("", fill.stdout());
            assertTrue(fill.stderr().endsWith("\n") && fill.stderr().indexOf('\n') == fill.stderr().length() - 1,
                    () -> "one line: «" + fill.stderr() + "»");
            assertTrue(fill.stderr().contains("«" + input + "»"), () -> "names the file: «" + fill.stderr() + "»");
            // An empty output folder is tolerated; a file in it is not.
            try (Stream<Path> files = Files.list(folder)) {
                assertEquals(List.of(input), files.filter(p -> !p.equals(out) || hasFiles(out)).toList(), "nothing written");
            }
            assertTrue(fill.millis() <= REFUSAL_MILLIS, "refused within 5 s, took " + fill.millis() + " ms");
        });
    }

    // ----- the generator itself

    /** Every input is a zip of namespace-well-formed parts; only the DOCTYPE cases hold a DOCTYPE. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("allVariants")
    void theGeneratorsInputsAreNamespaceWellFormedPackages(ProducerVariant variant) throws Throwable {
        checking(variant, () -> {
            Path input = input(variant);
            PackageView view = PackageView.of(input);
            List<String> problems = new ArrayList<>();
            for (String entry : view.entries()) {
                if (isXml(entry)) {
                    staxProblem(view.requirePart(entry), variant.name().startsWith("doctype-"))
                            .ifPresent(p -> problems.add(entry + ": " + p));
                }
            }
            assertEquals(List.of(), problems);
            if (!variant.name().startsWith("doctype-")) {
                assertTrue(view.sheets().size() >= 2, "sheets: " + view.sheets());
            }
        });
    }

    /** Variants that only spell or zip the parts otherwise hold the example's infoset, part by part. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sameInfosetVariants")
    void theGeneratorsSpellingVariantsHoldTheExamplesInfoset(ProducerVariant variant) throws Throwable {
        checking(variant, () -> {
            PackageView example = PackageView.of(ProducerVariants.EXAMPLE);
            PackageView view = PackageView.of(input(variant));
            assertEquals(example.entries(), view.entries());
            for (String entry : example.entries()) {
                assertEquals(infoset(example.requirePart(entry), entry), infoset(view.requirePart(entry), entry), entry);
            }
            assertTrue(!java.util.Arrays.equals(Files.readAllBytes(ProducerVariants.EXAMPLE), Files.readAllBytes(input(variant)))
                    || variant.name().equals("re-serialised-unchanged"), "the variant differs from the example in bytes");
        });
    }

    /** So that a schema error of a completed workbook is the tool's, the generated inputs have none. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("generatedCompletedVariants")
    void theGeneratorsInputsAreValidAgainstTheSchemas(ProducerVariant variant) throws Throwable {
        checking(variant, () -> {
            assertEquals(List.of(), List.copyOf(SchemaCheck.errors(PackageView.of(input(variant)))));
        });
    }

    /** The officer's content of the variants that add some is where the generator says, so that keeping it is tested. */
    @Test
    void theGeneratorPutsTheOfficersContentWhereItSays() throws Exception {
        PackageView comments = PackageView.of(input(ProducerVariants.find("officer-comments-on-form-and-info-sheets")));
        PackageView.Sheet form = comments.sheet(ProducerVariants.FORM_SHEET).orElseThrow();
        PackageView.Sheet info = comments.sheet(ProducerVariants.INFO_SHEET).orElseThrow();
        assertEquals(List.of(new PackageView.Comment("B9", "Nguyễn Văn An",
                "Nguyễn Văn An:\nSố liệu theo báo cáo tháng 12 của Văn phòng.")), comments.comments(form));
        assertEquals(List.of(new PackageView.Comment("A5", "Trần Thị Bình",
                "Trần Thị Bình:\nKiểm tra lại cấp đơn vị trước khi gửi.")), comments.comments(info));
        assertEquals(List.of("B9"), comments.noteShapes(comments.legacyDrawing(form).orElseThrow()));
        assertEquals(List.of("A5"), comments.noteShapes(comments.legacyDrawing(info).orElseThrow()));

        PackageView pictures = PackageView.of(input(ProducerVariants.find("officer-pictures-on-form-and-own-sheet")));
        String picture = PackageView.sha256(ProducerVariants.PICTURE);
        assertEquals(List.of(picture), pictures.pictures(pictures.sheet(ProducerVariants.FORM_SHEET).orElseThrow()));
        assertEquals(List.of(picture), pictures.pictures(pictures.sheet("Ảnh chụp biên bản").orElseThrow()));

        PackageView copied = PackageView.of(input(ProducerVariants.find("copied-form-sheet-with-sheet-scoped-names")));
        assertEquals("n:1004.0", copied.cells(copied.sheet("Phụ lục I (2)").orElseThrow()).get("D9"));
        assertEquals("'Phụ lục I'!$D$9", copied.workbookNames().get("PL_1_1"));
        Document workbook = copied.xml(ProducerVariants.WORKBOOK);
        List<Element> scoped = PackageView.elements(workbook, "definedName").stream()
                .filter(n -> n.getAttribute("localSheetId").equals("2")).toList();
        assertEquals(copied.workbookNames().keySet().stream().filter(n -> n.startsWith("PL_")).count(), scoped.size());
        assertEquals("'Phụ lục I (2)'!$D$9", scoped.stream().filter(n -> n.getAttribute("name").equals("PL_1_1"))
                .findFirst().orElseThrow().getTextContent());

        PackageView clash = PackageView.of(input(ProducerVariants.find("officer-sheet-named-like-findings-sheet-in-capitals")));
        assertEquals(List.of(ProducerVariants.FORM_SHEET, ProducerVariants.INFO_SHEET, "KẾT QUẢ KIỂM TRA"),
                clash.sheets().stream().map(PackageView.Sheet::name).toList());

        PackageView empty = PackageView.of(input(ProducerVariants.find("empty-relationships-part-for-form-sheet")));
        assertEquals(0, empty.xml("xl/worksheets/_rels/sheet1.xml.rels").getDocumentElement().getChildNodes().getLength());

        PackageView excel = PackageView.of(input(ProducerVariants.find("excel-365-markup")));
        assertEquals(List.of("B26", "B29"), PackageView.elements(excel.xml("xl/calcChain.xml"), "c").stream()
                .map(c -> c.getAttribute("r")).toList());

        PackageView bomb = PackageView.of(input(ProducerVariants.find("shared-string-expansion-bomb")));
        List<String> strings = bomb.sharedStrings();
        assertEquals(200_000, strings.get(strings.size() - 1).length());
        assertTrue(Files.size(input(ProducerVariants.find("shared-string-expansion-bomb"))) < 1_000_000);
    }

    @Test
    void theGeneratorKnowsTheExamplesParts() {
        PackageView example = PackageView.of(ProducerVariants.EXAMPLE);
        assertEquals(List.of(new PackageView.Sheet(ProducerVariants.FORM_SHEET, "visible", ProducerVariants.FORM),
                new PackageView.Sheet(ProducerVariants.INFO_SHEET, "visible", ProducerVariants.INFO)), example.sheets());
        assertEquals(ProducerVariants.WORKBOOK, example.workbookPart());
    }

    /** Runs one case's checks so that a failure names its case: Maven's report numbers the cases of a method. */
    private static void checking(Object label, Executable checks) throws Throwable {
        try {
            checks.execute();
        } catch (AssertionFailedError e) {
            throw new AssertionFailedError("«" + label + "» " + e.getMessage(),
                    e.isExpectedDefined() ? e.getExpected().getValue() : null,
                    e.isActualDefined() ? e.getActual().getValue() : null, e);
        } catch (AssertionError e) {
            throw new AssertionError("«" + label + "» " + e.getMessage(), e);
        }
    }

    // ----- running the tool

    private static Path input(ProducerVariant variant) throws Exception {
        Path folder = Files.createDirectories(WORK.resolve(variant.name()));
        Path input = folder.resolve(BASE + ".xlsx");
        synchronized (ProducerMatrixTest.class) {
            if (!Files.exists(input)) {
                variant.maker().write(input);
            }
        }
        return input;
    }

    private static Fill fill(ProducerVariant variant) {
        return FILLS.computeIfAbsent(variant.name(), name -> {
            try {
                Path input = input(variant);
                return run(input, input.resolveSibling("out"));
            } catch (Exception e) {
                throw new IllegalStateException("making " + name + ": " + e, e);
            }
        });
    }

    private static Fill plainExample() {
        return FILLS.computeIfAbsent("(example)", name -> {
            try {
                Path folder = Files.createDirectories(WORK.resolve("plain-example"));
                Path input = Files.copy(ProducerVariants.EXAMPLE, folder.resolve(BASE + ".xlsx"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Fill fill = run(input, folder.resolve("out"));
                assertEquals(1, fill.exit(), fill.stderr());
                return fill;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Fill run(Path input, Path out) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        long start = System.nanoTime();
        int exit = Main.run(new String[] {input.toString(), "--out", out.toString()}, new PrintWriter(stdout),
                new PrintWriter(stderr));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        return new Fill(input, out, exit, stdout.toString(), stderr.toString(), millis);
    }

    /** The tool in a JVM of its own, stopped after 30 s; the time counted includes the JVM's start. */
    private static Fill runInOwnJvm(Path input, Path out) throws Exception {
        Path stdout = input.resolveSibling("stdout.txt");
        Path stderr = input.resolveSibling("stderr.txt");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), Main.class.getName(), input.toString(),
                "--out", out.toString())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        int exit;
        if (process.waitFor(30, TimeUnit.SECONDS)) {
            exit = process.exitValue();
        } else {
            process.destroyForcibly().waitFor();
            exit = -1;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        String said = Files.readString(stdout, StandardCharsets.UTF_8);
        String complained = Files.readString(stderr, StandardCharsets.UTF_8);
        Files.delete(stdout);
        Files.delete(stderr);
        return new Fill(input, out, exit, said, exit == -1 ? "(stopped after 30 s) " + complained : complained, millis);
    }

    private static boolean hasFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ----- LibreOffice

    private static synchronized LibreOffice.Conversion shown(LibreOffice.Load load) throws Exception {
        LibreOffice.Conversion conversion = SHOWN.get(load);
        if (conversion == null) {
            LibreOffice.require();
            Map<String, Path> completed = new LinkedHashMap<>();
            for (ProducerVariant variant : completedVariants().toList()) {
                Path workbook = fill(variant).output(".filled.xlsx");
                if (Files.isRegularFile(workbook)) {
                    completed.put(variant.name(), workbook);
                }
            }
            SHOWN.putAll(LibreOffice.toCsvInEachLoadMode(completed, Files.createDirectories(WORK.resolve("libreoffice"))));
            conversion = SHOWN.get(load);
        }
        return conversion;
    }

    private static List<CSVRecord> readCsv(Path csv) {
        try (CSVParser parser = CSVParser.parse(csv, StandardCharsets.UTF_8, CSVFormat.RFC4180)) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String shownAt(List<CSVRecord> rows, String cell) {
        int split = 0;
        while (Character.isLetter(cell.charAt(split))) {
            split++;
        }
        int column = 0;
        for (char c : cell.substring(0, split).toCharArray()) {
            column = column * 26 + (c - 'A' + 1);
        }
        int row = Integer.parseInt(cell.substring(split)) - 1;
        if (row >= rows.size()) {
            return "";
        }
        CSVRecord record = rows.get(row);
        return column - 1 < record.size() ? record.get(column - 1) : "";
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** code → {value, status} of a values.csv. */
    private static Map<String, String[]> valuesCsv(Path csv) throws IOException {
        Map<String, String[]> values = new HashMap<>();
        try (CSVParser parser = CSVParser.parse(Files.readString(csv, StandardCharsets.UTF_8).substring(1),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            for (CSVRecord record : parser) {
                values.put(record.get("code"), new String[] {record.get("value"), record.get("status")});
            }
        }
        return values;
    }

    // ----- parts

    private static boolean isXml(String entry) {
        String lower = entry.toLowerCase(Locale.ROOT);
        return lower.endsWith(".xml") || lower.endsWith(".rels") || lower.endsWith(".vml");
    }

    /** Why a part does not parse with namespaces on and DTDs refused, if it does not. */
    private static java.util.Optional<String> staxProblem(byte[] bytes, boolean doctypeAllowed) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, doctypeAllowed);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
            try {
                while (reader.hasNext()) {
                    if (reader.next() == XMLStreamConstants.DTD && !doctypeAllowed) {
                        return java.util.Optional.of("has a DOCTYPE");
                    }
                }
            } finally {
                reader.close();
            }
            return java.util.Optional.empty();
        } catch (XMLStreamException e) {
            return java.util.Optional.of(e.getMessage().replace('\n', ' '));
        }
    }

    /**
     * A part's infoset as one line per node, namespaces resolved: {uri}local, attributes sorted
     * (declarations left out), text; whitespace between the children of an element that holds no
     * text left out. VML and media are compared as bytes.
     */
    private static String infoset(byte[] bytes, String entry) {
        if (!entry.endsWith(".xml") && !entry.endsWith(".rels")) {
            return PackageView.sha256(bytes);
        }
        Document document = PackageView.parse(bytes, entry);
        StringBuilder out = new StringBuilder();
        infoset(document.getDocumentElement(), 0, out);
        return out.toString();
    }

    private static void infoset(Element element, int depth, StringBuilder out) {
        out.append("  ".repeat(depth)).append('{').append(element.getNamespaceURI()).append('}')
                .append(element.getLocalName());
        Map<String, String> attributes = new TreeMap<>();
        NamedNodeMap map = element.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            Attr attribute = (Attr) map.item(i);
            if (!PartXml.XMLNS.equals(attribute.getNamespaceURI())) {
                attributes.put("{" + attribute.getNamespaceURI() + "}" + attribute.getLocalName(), attribute.getValue());
            }
        }
        out.append(' ').append(attributes).append('\n');
        boolean hasElements = false;
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            hasElements |= child.getNodeType() == Node.ELEMENT_NODE;
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                infoset(e, depth + 1, out);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                if (!(hasElements && child.getNodeValue().isBlank())) {
                    out.append("  ".repeat(depth + 1)).append('"').append(child.getNodeValue()).append("\"\n");
                }
            }
        }
    }

    /** An error of the completed workbook as the same error of the input's part named in other case, if it is there. */
    private static String caseOfPart(String error, Set<String> inputErrors) {
        for (String before : inputErrors) {
            if (before.equalsIgnoreCase(error)) {
                return before;
            }
        }
        return error;
    }

    /** sheet → the cells the tool («appendix-fill») commented. */
    private static Map<String, List<String>> toolsCommentCells(PackageView workbook) {
        Map<String, List<String>> cells = new TreeMap<>();
        for (PackageView.Sheet sheet : workbook.sheets()) {
            List<String> commented = workbook.comments(sheet).stream().filter(c -> c.author().equals("appendix-fill"))
                    .map(PackageView.Comment::cell).sorted().toList();
            if (!commented.isEmpty()) {
                cells.put(sheet.name(), commented);
            }
        }
        return cells;
    }
}
