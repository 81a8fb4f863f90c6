package appendixfill.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import appendixfill.consolidate.Consolidated;
import appendixfill.consolidate.Roll;
import appendixfill.consolidate.Submission;
import appendixfill.consolidate.Unit;
import appendixfill.indicator.Catalogue;
import appendixfill.input.Typed;
import appendixfill.rule.Assessment;
import appendixfill.rule.RuleBook;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The receiver's report: who reported, the main rates, every figure, the units to follow up. */
class ConsolidationNarrativeTest {

    static final Catalogue CATALOGUE = Catalogue.standard();

    static Submission commune(String file, String name, Object... cells) {
        Map<String, Typed> typed = new LinkedHashMap<>();
        typed.put("unit.level", new Typed.Text("xã"));
        typed.put("unit.name", new Typed.Text(name));
        typed.put("period", new Typed.Text("năm"));
        typed.put("year", new Typed.Number(BigDecimal.valueOf(2023), false));
        for (int i = 0; i < cells.length; i += 2) {
            typed.put((String) cells[i], cells[i + 1] instanceof String text ? new Typed.Text(text)
                    : new Typed.Number(BigDecimal.valueOf(((Number) cells[i + 1]).longValue()), false));
        }
        return Submission.of(file, Assessment.of(CATALOGUE, RuleBook.standard(), typed), Catalogue.TEMPLATE_VERSION);
    }

    @Test
    void reportSaysWhoReportedAndGivesTheRatesOfTheSums() {
        Roll roll = Roll.of(List.of(new Unit("1", "xã A", ""), new Unit("2", "xã B", ""), new Unit("3", "xã C", "")),
                List.of(commune("a.xlsx", "A", "7.2.4.a", 329, "7.2.4.b", 96, "1.4", "Có"),
                        commune("b.xlsx", "B", "7.2.4.a", 71, "7.2.4.b", 54, "1.4", "Không")),
                Optional.empty());
        String report = Narrative.consolidation().render(Consolidated.of(CATALOGUE, "UBND tỉnh Thử", roll));
        assertTrue(report.startsWith("""
                BÁO CÁO TỔNG HỢP
                Kết quả thực hiện công tác cải cách hành chính năm 2023
                của các đơn vị cấp xã (UBND tỉnh Thử)

                I. TÌNH HÌNH NỘP BÁO CÁO

                Đã tổng hợp số liệu của 2 đơn vị; danh sách có 3 đơn vị phải báo cáo.
                - Chưa gửi báo cáo (1 đơn vị): xã C.

                II. MỘT SỐ KẾT QUẢ CHỦ YẾU

                - Tỷ lệ hoàn thành Kế hoạch CCHC năm: chưa có số liệu.
                """), report);
        assertTrue(report.contains("""
                - Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến: 37,50 % (150 trên 400 hồ sơ).
                """), report);
        assertTrue(report.contains("""
                - Tổ chức đối thoại với người dân, doanh nghiệp: 1/2 đơn vị trả lời «Có».
                """), report);
        assertTrue(report.contains("""
                IV. CÁC ĐƠN VỊ CẦN LƯU Ý

                - xã C: Chưa gửi – chưa nhận được báo cáo.
                """), report);
    }

    @Test
    void theReceiversTemplateUsesOnlyCodesOfTheCatalogue() throws IOException {
        TemplateCodes.assertAllInCatalogue(Path.of("velocity/tong-hop.vm"), 10);
    }
}
