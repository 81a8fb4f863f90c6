package appendixfill.fill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import appendixfill.cli.Main;
import appendixfill.fixtures.LibreOffice;
import appendixfill.fixtures.Poppler;
import appendixfill.fixtures.TypedWorkbooks;
import appendixfill.fixtures.UnitWorkbookGenerator;
import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Indicator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What people print, printed: the consolidation of the eleven communes of the golden case, a
 * consolidation of thirty, and the completed bundled example, all printed to PDF by real
 * LibreOffice in one run and read back page by page (poppler's pdfinfo and pdftotext); the PDFs stay
 * in target/printed-outputs/ to look at. Skipped on a machine without them, saying why; run in CI.
 */
class PrintedOutputsTest {

    static final Path ELEVEN = ConsolidationGoldenCasesTest.CASES.resolve("tinh-11-xa-quy-iii-2025");
    static final Path EXAMPLE = Path.of("workbook-templates/example/vu-muon-nam-2023.xlsx");
    /** Where the PDFs stay for a person to look at. */
    static final Path KEPT = Path.of("target", "printed-outputs");

    @TempDir
    static Path work;

    static Map<String, List<Poppler.Page>> printed = new LinkedHashMap<>();

    @BeforeAll
    static void printEverything() throws Exception {
        LibreOffice.require();
        Map<String, Path> workbooks = new LinkedHashMap<>();
        workbooks.put("eleven", consolidate(received(ELEVEN), ELEVEN.resolve("units.csv"), "eleven"));
        Path thirty = Files.createDirectories(work.resolve("thirty"));
        UnitWorkbookGenerator generator = new UnitWorkbookGenerator();
        for (int i = 1; i <= 30; i++) {
            generator.write(generator.cells(i, new Random(2025L * 100_003 + i)), thirty.resolve(i + ".xlsx"));
        }
        workbooks.put("thirty", consolidate(thirty, null, "thirty"));
        Path filled = Files.createDirectories(work.resolve("example"));
        Main.run(new String[] {EXAMPLE.toString(), "--out", filled.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        workbooks.put("example", filled.resolve("vu-muon-nam-2023.filled.xlsx"));
        Path pdfs = LibreOffice.toPdf(workbooks, work);
        Files.createDirectories(KEPT);
        for (String key : workbooks.keySet()) {
            printed.put(key, Poppler.pages(pdfs.resolve(key + ".pdf")));
            Files.copy(pdfs.resolve(key + ".pdf"), KEPT.resolve(key + ".pdf"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The golden case's received folder, built as its test builds it. */
    private static Path received(Path folder) throws IOException {
        Path in = Files.createDirectories(work.resolve(folder.getFileName()));
        try (Stream<Path> listing = Files.list(folder.resolve("in"))) {
            for (Path file : listing.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".typed.tsv")) {
                    TypedWorkbooks.write(TypedWorkbooks.readTyped(file), in.resolve(name.replace(".typed.tsv", ".xlsx")));
                } else if (name.endsWith(".bytes")) {
                    Files.copy(file, in.resolve(name.substring(0, name.length() - ".bytes".length())));
                }
            }
        }
        return in;
    }

    private static Path consolidate(Path in, Path units, String name) {
        Path out = work.resolve(name + ".xlsx");
        List<String> args = new ArrayList<>(List.of("consolidate", in.toString(), "--out", out.toString(), "--name",
                "UBND tỉnh Thử"));
        if (units != null) {
            args.addAll(List.of("--units", units.toString()));
        }
        Main.run(args.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        return out;
    }

    /** The pages of the consolidated table: those before the roll's, whose header says «Tình trạng». */
    private static List<Poppler.Page> tablePages(String key) {
        List<Poppler.Page> pages = printed.get(key);
        int roll = 0;
        while (roll < pages.size() && !pages.get(roll).text().contains("Tình trạng")) {
            roll++;
        }
        return pages.subList(0, roll);
    }

    /** How many of the form's wordings a page shows (their first words, before a cell wraps them). */
    private static long labels(Poppler.Page page) {
        return Catalogue.standard().indicators().stream().map(Indicator::wording)
                .filter(w -> w.length() >= 18).map(w -> w.substring(0, 18)).distinct()
                .filter(start -> page.text().contains(start)).count();
    }

    @Test
    void elevenCommunesPrintOnAtMostEightA4LandscapePagesNumberedInTheirFooter() {
        List<Poppler.Page> pages = printed.get("eleven");
        assertTrue(pages.size() <= 8, pages.size() + " pages");
        for (Poppler.Page page : pages) {
            assertTrue(page.isA4() && page.isLandscape(), "page " + page.number() + ": " + page.width() + " × "
                    + page.height());
            assertTrue(page.text().contains("Trang " + page.number() + "/" + pages.size()), page.text());
        }
    }

    @Test
    void everyPageOfTheTableCarriesTheRowLabelsAndTheHeaderFittedOrNot() {
        for (String key : List.of("eleven", "thirty")) {
            List<Poppler.Page> table = tablePages(key);
            assertFalse(table.isEmpty(), key);
            for (Poppler.Page page : table) {
                String where = key + ", page " + page.number() + ":\n" + page.text();
                assertTrue(page.text().contains("STT") && page.text().contains("Chỉ tiêu")
                        && page.text().contains("Đơn vị"), where);
                assertTrue(labels(page) >= 3, where);
            }
        }
        // Thirty units do not fit one page's width: pages across, each with its labels.
        assertTrue(tablePages("thirty").size() > 2 * tablePages("eleven").size(),
                tablePages("thirty").size() + " pages");
    }

    @Test
    void theElevenUnitsAreOnEveryPageOfTheTableWithTheirTotals() {
        for (Poppler.Page page : tablePages("eleven")) {
            for (String unit : List.of("An Bình", "(08113)", "Tổng cộng")) {
                assertTrue(page.text().contains(unit), unit + " on page " + page.number() + ":\n" + page.text());
            }
        }
    }

    @Test
    void theRollPrintsWithItsHeaderAndTheUnitsAsTheyStand() {
        List<Poppler.Page> pages = printed.get("eleven");
        List<Poppler.Page> roll = pages.subList(tablePages("eleven").size(), pages.size());
        assertEquals(1, roll.size());
        String text = roll.get(0).text();
        for (String line : List.of("TÌNH HÌNH NỘP BÁO CÁO", "Tình trạng", "xã Nghĩa Tá", "nghia-ta.xlsx",
                "Không đọc được", "xã Eo Gió", "Chưa gửi", "Có lỗi")) {
            assertTrue(text.contains(line), line + ":\n" + text);
        }
    }

    @Test
    void theFindingsSheetOfTheExamplePrintsItsHeaderOnEveryPageAndNoInternalKey() {
        List<Poppler.Page> pages = printed.get("example");
        List<Poppler.Page> findings = pages.stream().filter(p -> p.text().contains("Mã quy tắc")).toList();
        assertEquals(2, findings.size());
        for (Poppler.Page page : findings) {
            assertTrue(page.isA4() && page.isLandscape(), "page " + page.number());
            assertTrue(page.text().contains("Mức độ") && page.text().contains("Chỉ tiêu")
                    && page.text().contains("Nội dung"), page.text());
            for (String key : List.of("3.3.a", "7.2.4.b", "x.dvc.total", "x.invest")) {
                assertFalse(page.text().contains(key), key + " on page " + page.number() + ":\n" + page.text());
            }
        }
        assertTrue(findings.get(0).text().contains("Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận"), findings.get(0).text());
        for (Poppler.Page page : pages) {
            assertTrue(page.isA4(), "page " + page.number());
            assertTrue(page.text().contains("Trang " + page.number() + "/" + pages.size()), page.text());
        }
    }
}
