package appendixfill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import appendixfill.CaseFolders;
import appendixfill.fill.FillJob;
import appendixfill.indicator.Catalogue;
import appendixfill.rule.RuleBook;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** «appendix-fill explain» and «appendix-fill rules», as a black box. */
class ExplainCommandTest {

    static final Path EXAMPLE = Path.of("workbook-templates/example/vu-muon-nam-2023.xlsx");

    @TempDir
    Path out;

    @Test
    void explainsEveryRuleOnTheBundledExample() throws Exception {
        CommandRun run = CommandRun.of("explain", EXAMPLE.toString());
        assertEquals(0, run.exit());
        assertEquals("", run.err());
        CaseFolders.check(Path.of("src/test/resources/explain/vu-muon-nam-2023.txt"), run.out());
    }

    @Test
    void aRuleThatDoesNotHoldIsOneTheFillReports() throws Exception {
        String explained = CommandRun.of("explain", EXAMPLE.toString()).out();
        Set<String> failing = Arrays.stream(explained.split("\n\n")).filter(b -> b.contains("  Kết quả: không đạt"))
                .map(b -> b.substring(0, b.indexOf(' '))).collect(Collectors.toSet());
        FillJob.Result fill = new FillJob(Catalogue.standard(), RuleBook.standard()).run(EXAMPLE, out);
        Set<String> reported = fill.assessment().findings().stream().map(f -> f.rule())
                .filter(r -> RuleBook.standard().entries(Catalogue.standard()).stream().anyMatch(e -> e.id().equals(r)))
                .collect(Collectors.toSet());
        assertEquals(Set.of("doubt.x.dvc", "online.no-procedure"), failing);
        assertEquals(failing, reported);
    }

    @Test
    void oneRuleByItsIdentifier() {
        CommandRun run = CommandRun.of("explain", EXAMPLE.toString(), "--rule", "part.1.2");
        assertEquals(0, run.exit());
        assertEquals("""
                Giải thích các quy tắc kiểm tra trên tệp «vu-muon-nam-2023.xlsx» (xã Vũ Muộn, năm 2023); bộ quy tắc phiên bản 2026.1.

                part.1.2 (Lỗi): Số nhiệm vụ đã hoàn thành không thể nhiều hơn số nhiệm vụ đề ra.
                  Vế trái: 1.2.2 «Số nhiệm vụ đã hoàn thành» [ô Phụ lục I!D12] = 46
                  So sánh: ≤
                  Vế phải: 1.2.1 «Số nhiệm vụ đề ra trong kế hoạch» [ô Phụ lục I!D11] = 46
                  Kết quả: đạt: 46 ≤ 46.

                1 quy tắc: 1 đạt, 0 không đạt, 0 không kiểm tra được.
                """, run.out());
    }

    @Test
    void aRuleThatCannotBeEvaluatedSaysWhichValueIsMissing() {
        CommandRun run = CommandRun.of("explain", EXAMPLE.toString(), "--code", "1.3.1");
        assertEquals(0, run.exit());
        assertEquals(true, run.out().contains("""
                  Kết quả: không kiểm tra được: thiếu giá trị của 1.3.2 «Số nhiệm vụ đã hoàn thành đúng hạn» \
                (ô Phụ lục I!D15: trống); 1.3.3 «Số nhiệm vụ đã hoàn thành nhưng quá hạn» (ô Phụ lục I!D16: trống); \
                1.3.4 «Số nhiệm vụ quá hạn nhưng chưa hoàn thành» (ô Phụ lục I!D17: trống); 1.3.1 «Tổng số nhiệm vụ \
                được giao» (ô Phụ lục I!D14: trống).
                """), run.out());
    }

    @Test
    void aRowStandsForItsSubRows() {
        CommandRun run = CommandRun.of("explain", EXAMPLE.toString(), "--code", "7.2.4");
        List<String> rules = Arrays.stream(run.out().split("\n")).filter(l -> l.matches("^[a-z].*\\((Lỗi|Cảnh báo)\\):.*"))
                .map(l -> l.substring(0, l.indexOf(' '))).toList();
        assertEquals(List.of("part.7.2.4", "doubt.x.dvc", "online.no-procedure"), rules);
    }

    @Test
    void anUnknownRuleIsRefusedListingTheRules() {
        CommandRun run = CommandRun.of("explain", EXAMPLE.toString(), "--rule", "part.9");
        assertEquals(2, run.exit());
        assertEquals("Không có quy tắc «part.9» trong bộ quy tắc. Các mã quy tắc: "
                + String.join(", ", RuleBook.standard().entries(Catalogue.standard()).stream().map(RuleBook.Entry::id)
                        .toList()) + ". Xem danh sách: appendix-fill rules\n", run.err());
    }

    @Test
    void anUnknownRowIsRefused() {
        CommandRun run = CommandRun.of("explain", EXAMPLE.toString(), "--code", "9.9");
        assertEquals(2, run.exit());
        assertEquals("Không có dòng nào của Phụ lục I có mã hoặc STT «9.9»; ví dụ hợp lệ: 1.2.1, 3.4, 7.2.4.b.\n",
                run.err());
    }

    @Test
    void ruleAndCodeTogetherAreRefused() {
        CommandRun run = CommandRun.of("explain", EXAMPLE.toString(), "--rule", "part.1.2", "--code", "1.2");
        assertEquals(2, run.exit());
        assertEquals("Chỉ dùng một trong hai: --rule MÃ hoặc --code STT.\n", run.err());
    }

    @Test
    void aFileThatIsNotAWorkbookIsRefusedAsTheFillRefusesIt() {
        CommandRun run = CommandRun.of("explain", out.resolve("khong-co.xlsx").toString());
        assertEquals(2, run.exit());
        assertEquals("Không tìm thấy tệp «" + out.resolve("khong-co.xlsx") + "». Hãy kiểm tra lại tên và đường dẫn. "
                + "Cần bảng tính Phụ lục I dạng Excel (.xlsx, .xlsm, .xls) hoặc LibreOffice (.ods).\n", run.err());
    }

    @Test
    void rulesListsThePackWithItsVersion() {
        CommandRun run = CommandRun.of("rules");
        assertEquals(0, run.exit());
        List<String> lines = run.out().lines().toList();
        assertEquals("Bộ quy tắc kiểm tra Phụ lục I, phiên bản 2026.1: 30 quy tắc.", lines.get(0));
        assertEquals("mã\tmức\tnội dung", lines.get(1));
        assertEquals("part.1.2\tLỗi\t1.2.2 «Số nhiệm vụ đã hoàn thành» ≤ 1.2.1 «Số nhiệm vụ đề ra trong kế hoạch». "
                + "Số nhiệm vụ đã hoàn thành không thể nhiều hơn số nhiệm vụ đề ra.", lines.get(2));
        assertEquals("period.jump\tCảnh báo\tMỗi số liệu đếm thay đổi không quá 3 lần (tăng hay giảm) so với kỳ trước; "
                + "số liệu lũy kế tính theo số tháng của mỗi kỳ; chỉ xét khi số lớn hơn từ 10 trở lên. Kiểm tra lại số "
                + "liệu; nếu đúng, ghi lý do ở cột Ghi chú.", lines.get(lines.size() - 1));
        assertEquals(32, lines.size());
    }

    @Test
    void withTheEarlierReportTheRulesAcrossPeriodsAreEvaluatedToo() throws Exception {
        Path series = Path.of("src/test/resources/golden-periods/quy-i-den-nam-phuong");
        Path before = appendixfill.fixtures.TypedWorkbooks.write(appendixfill.fixtures.TypedWorkbooks.readTyped(
                series.resolve("6-thang.typed.tsv")), out.resolve("6-thang.xlsx"));
        Path now = appendixfill.fixtures.TypedWorkbooks.write(appendixfill.fixtures.TypedWorkbooks.readTyped(
                series.resolve("9-thang.typed.tsv")), out.resolve("9-thang.xlsx"));
        CommandRun run = CommandRun.of("explain", now.toString(), "--previous", before.toString(), "--rule",
                "period.decrease");
        assertEquals(0, run.exit());
        assertEquals("""
                Giải thích các quy tắc kiểm tra trên tệp «9-thang.xlsx» (phường Đông Hưng Thuận, 9 tháng năm 2025); bộ quy tắc phiên bản 2026.1.

                period.decrease (Lỗi): Số liệu lũy kế từ đầu năm không thể giảm so với kỳ trước của cùng năm: kiểm tra lại số liệu kỳ này hoặc kỳ trước.
                  Vế trái: 33 số liệu lũy kế có ở cả hai kỳ, kỳ này (9 tháng năm 2025)
                  So sánh: ≥
                  Vế phải: kỳ trước (6 tháng đầu năm 2025)
                  Kết quả: không đạt: ô Thông tin báo cáo!B20: «Số hồ sơ, giấy tờ, kết quả giải quyết TTHC đã số hóa (lũy kế)» giảm từ 1.600 (6 tháng đầu năm 2025) xuống 1.500 (9 tháng năm 2025).

                1 quy tắc: 0 đạt, 1 không đạt, 0 không kiểm tra được.
                """, run.out());
        CommandRun later = CommandRun.of("explain", before.toString(), "--previous", now.toString());
        assertEquals(2, later.exit());
        assertEquals("Tệp kỳ trước «" + now + "» báo cáo 9 tháng năm 2025, sau kỳ của tệp «" + before + "» (6 tháng đầu "
                + "năm 2025). Với --previous, hãy chỉ ra biểu của một kỳ trước đó (quý I trước 6 tháng, 6 tháng trước "
                + "9 tháng, 9 tháng trước năm).\n", later.err());
    }
}
