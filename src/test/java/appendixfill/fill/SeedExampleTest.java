package appendixfill.fill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Status;
import appendixfill.indicator.Value;
import appendixfill.rule.Assessment;
import appendixfill.rule.Finding;
import appendixfill.rule.RuleBook;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The seed as typed: what the "done when" asks of it, stated one fact a test. */
class SeedExampleTest {

    static final Path EXAMPLE = Path.of("workbook-templates/example/vu-muon-nam-2023.xlsx");

    @TempDir
    static Path out;

    static FillJob.Result result;
    static String report;

    @BeforeAll
    static void fillTheExample() throws Exception {
        result = new FillJob(Catalogue.standard(), RuleBook.standard()).run(EXAMPLE, out);
        report = Files.readString(out.resolve("vu-muon-nam-2023.report.txt"), StandardCharsets.UTF_8);
    }

    private static Assessment assessment() {
        return result.assessment();
    }

    private static List<String> rulesAt(String code) {
        return assessment().findings().stream().filter(f -> f.code().equals(code))
                .map(f -> f.severity().id() + ":" + f.rule()).toList();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(textBlock = """
            1.2,   100
            3.3.a, 100
            7.2.2, 100
            7.2.3, 82.61
            7.2.4, 29.18
            """)
    void ratesAreDerivedFromTheTable(String code, String expected) {
        assertEquals(new Value.Amount(new BigDecimal(expected)), assessment().figures().get(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.2.1", "2.3.2", "3.4", "7.2.1", "7.2.5"})
    void ratesOverZeroAreNotApplicable(String code) {
        assertEquals(Value.NOT_APPLICABLE, assessment().figures().get(code));
        assertEquals(Status.NOT_APPLICABLE, assessment().statuses().get(code));
    }

    @Test
    void theTypedZeroOverTheOnlineDossierRateIsAnErrorAtItsCell() {
        Finding finding = assessment().findings().stream().filter(f -> f.code().equals("7.2.4")).findFirst().orElseThrow();

        assertEquals("error:rate.typed-mismatch", finding.severity().id() + ":" + finding.rule());
        assertTrue(finding.message().contains("ghi 0% nhưng 96 ÷ 329 × 100 = 29,18%"), finding.message());
        assertEquals("Phụ lục I!D78", addressOf("7.2.4"));
        assertEquals(Status.CORRECTED, assessment().statuses().get("7.2.4"));
    }

    @Test
    void theStatedHundredForUnreceivedFeedbackIsFlagged() {
        assertEquals(List.of("error:rate.not-applicable-stated"), rulesAt("3.4"));
    }

    @Test
    void theBlankLevelFourAndIntegrationRatesAreFilledAndSaid() {
        assertEquals(List.of("warning:rate.blank"), rulesAt("7.2.2"));
        assertEquals(List.of("warning:rate.blank"), rulesAt("7.2.3"));
    }

    @Test
    void onlineDossiersWithoutAProcedureReceivingThemAreFlagged() {
        assertEquals(List.of("error:online.no-procedure"), rulesAt("7.2.4.b"));
    }

    @Test
    void theReportsOnlineServiceDossiersDisagreeingWithTheAppendixIsAWarning() {
        assertEquals(List.of("warning:doubt.x.dvc"), rulesAt("x.dvc.total"));
    }

    @Test
    void theReportSaysTheAppendixFiguresNotTheOldNarratives() {
        assertTrue(report.contains("tổng số hồ sơ TTHC tiếp nhận trong kỳ (cả trực tiếp, bưu chính công ích và trực "
                + "tuyến): 329 hồ sơ"), "329 dossiers received");
        assertFalse(report.contains("330"), "never the narrative's 330");
        assertTrue(report.contains("52.872.709/70.000.000 đồng = 75,53% dự toán"), "75,53% of the estimate");
        assertTrue(report.contains("3.757.891.728/6.151.116.781 đồng = 61,09% KH"), "61,09% of the plan");
        assertFalse(report.contains("$"), "no unresolved reference");
    }

    @Test
    void theReportFollowsTheSeedsSectionsInOrder() {
        List<String> headings = List.of("BÁO CÁO", "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC",
                "II. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC", "1. Cải cách thể chế", "2. Cải cách thủ tục hành chính (TTHC)",
                "3. Cải cách tổ chức bộ máy", "4. Cải cách chế độ công vụ", "5. Cải cách tài chính công",
                "6. Xây dựng và phát triển chính quyền điện tử", "III. ĐÁNH GIÁ CHUNG", "1. Mặt tích cực",
                "2. Những tồn tại, hạn chế, nguyên nhân", "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ CCHC TRỌNG TÂM",
                "V. KIẾN NGHỊ, ĐỀ XUẤT", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
                "Đàm Thị Hành");
        int from = 0;
        List<String> lines = report.lines().toList();
        for (String heading : headings) {
            int at = -1;
            for (int i = from; i < lines.size(); i++) {
                if (lines.get(i).startsWith(heading)) {
                    at = i;
                    break;
                }
            }
            assertTrue(at >= 0, heading + " after line " + from);
            from = at + 1;
        }
    }

    @Test
    void fillingTheCompletedWorkbookAgainGivesTheSameValuesAndFindings(@TempDir Path again) throws Exception {
        Path filled = out.resolve("vu-muon-nam-2023.filled.xlsx");

        new FillJob(Catalogue.standard(), RuleBook.standard()).run(filled, again);

        assertEquals(read(out.resolve("vu-muon-nam-2023.values.csv")), read(again.resolve("vu-muon-nam-2023.filled.values.csv")));
        assertEquals(read(out.resolve("vu-muon-nam-2023.findings.csv")),
                read(again.resolve("vu-muon-nam-2023.filled.findings.csv")));
        assertEquals(report, read(again.resolve("vu-muon-nam-2023.filled.report.txt")));
    }

    @Test
    void theFindingsSheetNamesRowsAsTheFormPrintsThemNotByInternalKeys() throws IOException {
        Path filled = out.resolve("vu-muon-nam-2023.filled.xlsx");
        List<List<String>> rows = new java.util.ArrayList<>();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                Files.newInputStream(filled))) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheet("Kết quả kiểm tra");
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
                rows.add(List.of(row.getCell(1).getStringCellValue(), row.getCell(2).getStringCellValue(),
                        row.getCell(5).getStringCellValue()));
            }
        }
        assertEquals(List.of("Mức độ", "Chỉ tiêu", "Mã quy tắc"), rows.get(0));
        // An STT where the row has one; the wording where it has none (3.3.a, 7.2.4.b, x.dvc.total).
        assertEquals(List.of(
                List.of("Thông tin", "1.2", "rate.formula-restored"),
                List.of("Cảnh báo", "1.3.1", "input.missing"),
                List.of("Cảnh báo", "1.3.2", "input.missing"),
                List.of("Cảnh báo", "1.3.3", "input.missing"),
                List.of("Cảnh báo", "1.3.4", "input.missing"),
                List.of("Lỗi", "2.2.1", "rate.not-applicable-stated"),
                List.of("Lỗi", "2.3.2", "rate.not-applicable-stated"),
                List.of("Thông tin", "Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận được giải quyết đúng hạn",
                        "rate.formula-restored"),
                List.of("Lỗi", "3.4", "rate.not-applicable-stated"),
                List.of("Lỗi", "7.2.1", "rate.not-applicable-stated"),
                List.of("Cảnh báo", "7.2.2", "rate.blank"),
                List.of("Cảnh báo", "7.2.3", "rate.blank"),
                List.of("Lỗi", "7.2.4", "rate.typed-mismatch"),
                List.of("Lỗi", "Số hồ sơ TTHC đã tiếp nhận trực tuyến", "online.no-procedure"),
                List.of("Lỗi", "7.2.5", "rate.not-applicable-stated"),
                List.of("Cảnh báo", "Số hồ sơ dịch vụ công trực tuyến phát sinh", "doubt.x.dvc")), rows.subList(1, rows.size()));
    }

    private static String addressOf(String code) throws RuntimeException {
        try {
            return Files.readAllLines(out.resolve("vu-muon-nam-2023.findings.csv"), StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains("," + code + ",")).findFirst().orElseThrow().split(",")[3];
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
