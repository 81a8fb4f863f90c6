package appendixfill.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        String report = Narrative.consolidation().render(Consolidated.of(CATALOGUE, "UBND tỉnh Thử", roll), "tinh.units.csv")
                .text();
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
                - Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến: 37,50% (150 trên 400 hồ sơ).
                """), report);
        assertTrue(report.contains("""
                - Tổ chức đối thoại với người dân, doanh nghiệp: 1/2 đơn vị trả lời «Có».
                """), report);
        assertTrue(report.contains("""
                IV. CÁC ĐƠN VỊ CẦN LƯU Ý

                - xã C: Chưa gửi.
                """), report);
    }

    /** {@code copies} copies of a commune's workbook, as if sent by as many communes (0001.xlsx, xã 0001, …). */
    static List<Submission> communes(Submission commune, int first, int copies) {
        return java.util.stream.IntStream.range(first, first + copies).mapToObj(i -> new Submission(
                "%04d.xlsx".formatted(i), "xã %04d".formatted(i), commune.period(), commune.reportDate(),
                commune.version(), commune.errors(), commune.warnings(), commune.findings(), commune.errorsInTotals(),
                commune.totals(),
                commune.shown(), commune.problem())).toList();
    }

    @Test
    void aThousandUnitsWithErrorsAreCountedWithGroupingAndListedByTheirFirstTwentyNames() {
        // 7.2.4.b > 7.2.4.a: an error in every workbook; 1.1 given by all but the last.
        Submission withFigure = commune("x.xlsx", "X", "1.1", 3, "7.2.4.a", 10, "7.2.4.b", 12);
        Submission without = commune("y.xlsx", "Y", "7.2.4.a", 10, "7.2.4.b", 12);
        List<Submission> received = new java.util.ArrayList<>(communes(withFigure, 1, 1199));
        received.addAll(communes(without, 1200, 1));
        Roll roll = Roll.of(List.of(), received, Optional.empty());

        String report = Narrative.consolidation().render(Consolidated.of(CATALOGUE, "UBND tỉnh Thử", roll),
                "tinh.units.csv").text();

        assertTrue(report.contains("""
                Đã tổng hợp số liệu của 1.200 đơn vị.
                - Báo cáo còn lỗi, đã tổng hợp nhưng cần đề nghị sửa (1.200 đơn vị): xã 0001, xã 0002, xã 0003, \
                xã 0004, xã 0005, xã 0006, xã 0007, xã 0008, xã 0009, xã 0010, xã 0011, xã 0012, xã 0013, xã 0014, \
                xã 0015, xã 0016, xã 0017, xã 0018, xã 0019, xã 0020 và 1.180 đơn vị khác; xem tệp tinh.units.csv.

                II."""), report);
        assertTrue(report.contains("3.597 văn bản (1.199/1.200 đơn vị có số liệu)."), report);
        assertTrue(report.contains("""
                - xã 0020 (tệp 0020.xlsx): Có lỗi – 1 lỗi, %s cảnh báo.
                - Và 1.180 trường hợp khác: xem danh sách đầy đủ ở tệp tinh.units.csv.
                """.formatted(withFigure.warnings())), report);
        assertEquals(List.of("Có lỗi: 1.200"), roll.counts().stream().map(Roll.Count::toString).toList());
    }

    @Test
    void theReceiversReportSaysEachThingOnceInTheWordsOfficersUse() {
        Submission first = commune("vu-muon.xlsx", "Vũ Muộn", "7.2.5.a", 66, "7.2.5.b", 44, "7.1", 100, "7.1.a", 70,
                "7.1.b", 30, "report.date", "10/11/2023");
        Submission again = commune("vu-muon-gui-lai.xlsx", "Vũ Muộn", "7.2.5.a", 66, "7.2.5.b", 44, "report.date",
                "18/11/2023");
        Roll roll = Roll.of(List.of(new Unit("1", "xã Vũ Muộn", ""), new Unit("2", "xã Nghĩa Tá", ""),
                        new Unit("3", "xã Hà Hiệu", "")),
                List.of(first, again, Submission.unreadable("nghia-ta.xlsx", "Tệp «nghia-ta.xlsx» không phải bảng tính. "
                        + "Nếu là tệp CSV, khi mở hãy chọn bảng mã UTF-8 để giữ đúng chữ tiếng Việt.")),
                Optional.empty());

        String report = Narrative.consolidation().render(Consolidated.of(CATALOGUE, "UBND tỉnh Thử", roll), "t.units.csv")
                .text();

        assertTrue(report.contains("- Tỷ lệ thanh toán trực tuyến: 66,67% (44 trên 66 thủ tục).\n"), report);
        assertTrue(report.contains("(bình quân gia quyền theo 7.1 «Tổng số văn bản đi giữa các cơ quan nhà nước»"), report);
        assertTrue(report.contains("""
                - xã Vũ Muộn (tệp vu-muon.xlsx): Gửi trùng – không dùng; đã dùng tệp «vu-muon-gui-lai.xlsx» vì có ngày \
                báo cáo muộn hơn (18/11/2023 so với 10/11/2023).
                """), report);
        assertTrue(report.contains("để giữ đúng chữ tiếng Việt.\n"), report);
        // nghia-ta.xlsx cannot be read, but carries its unit's name: xã Nghĩa Tá sent something.
        assertTrue(report.contains("- xã Nghĩa Tá (tệp nghia-ta.xlsx): Không đọc được – gắn với đơn vị theo tên tệp. Tệp"),
                report);
        assertTrue(report.contains("- xã Hà Hiệu: Chưa gửi.\n"), report);
        for (String slip : List.of("Gửi trùng – gửi trùng", "Chưa gửi – chưa nhận", "tiếng Việt..", "theo quyền số")) {
            assertFalse(report.contains(slip), slip);
        }
    }

    @Test
    void theReceiversTemplateUsesOnlyCodesOfTheCatalogue() throws IOException {
        TemplateCodes.assertAllInCatalogue(Path.of("velocity/tong-hop.vm"), 10);
    }
}
