package appendixfill.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Figures;
import appendixfill.indicator.Span;
import appendixfill.indicator.Value;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Comparing a workbook with the unit's report of an earlier period, with the standard rule pack. */
class AcrossPeriodsTest {

    private static final AcrossPeriods RULES = RuleBook.standard().acrossPeriods();

    private static Figures figures(String code, long value) {
        return Figures.derive(Catalogue.standard(), Map.of(code, new Value.Amount(BigDecimal.valueOf(value))));
    }

    private static List<String> compare(String code, long before, String earlier, long now, String later) {
        return RULES.compare(figures(code, before), span(earlier), figures(code, now), span(later)).stream()
                .map(f -> f.severity().id() + " " + f.rule()).toList();
    }

    private static Span span(String text) {
        int space = text.lastIndexOf(' ');
        return new Span(text.substring(0, space), Integer.parseInt(text.substring(space + 1)));
    }

    @Test
    void theRulePackStatesTheFactorAndTheFloor() {
        assertEquals(new BigDecimal("3"), RULES.factor());
        assertEquals(new BigDecimal("10"), RULES.floor());
    }

    @ParameterizedTest(name = "{0}: {1} ({2}) → {3} ({4}) gives [{5}]")
    @CsvSource(delimiter = '|', textBlock = """
            # cumulative: never down within a year, whichever periods
            3.4.1 | 12 | quý I 2025   | 11 | 6 tháng 2025 | error period.decrease
            3.4.1 | 12 | quý II 2025  | 11 | 6 tháng 2025 | error period.decrease
            3.4.1 | 12 | 6 tháng 2025 | 12 | năm 2025     |
            # a new year starts again from zero: per month 4 against 1, not a decrease
            3.4.1 | 48 | năm 2024     | 3  | quý I 2025   | warning period.jump
            3.4.1 | 48 | năm 2024     | 12 | quý I 2025   |
            # quý I and quý II do not overlap: no decrease, per month the same
            3.4.1 | 12 | quý I 2025   | 11 | quý II 2025  |
            # cumulative growth per month: 10 a quarter then 70 in six months is 35 a quarter
            3.4.1 | 10 | quý I 2025   | 60 | 6 tháng 2025 |
            3.4.1 | 10 | quý I 2025   | 61 | 6 tháng 2025 | warning period.jump
            # a level: the plain ratio, both ways, from the floor
            3.1.4 | 30 | quý I 2025   | 90 | 6 tháng 2025 |
            3.1.4 | 30 | quý I 2025   | 91 | 6 tháng 2025 | warning period.jump
            3.1.4 | 31 | quý I 2025   | 10 | 6 tháng 2025 | warning period.jump
            3.1.4 | 1  | quý I 2025   | 4  | 6 tháng 2025 |
            3.1.4 | 0  | quý I 2025   | 9  | 6 tháng 2025 |
            3.1.4 | 0  | quý I 2025   | 10 | 6 tháng 2025 | warning period.jump
            """)
    void flagsDecreasesAndJumps(String code, long before, String earlier, long now, String later, String expected) {
        assertEquals(expected == null ? List.of() : List.of(expected), compare(code, before, earlier, now, later));
    }

    @Test
    void aDecreaseNamesBothValuesAndBothPeriods() {
        List<Finding> findings = RULES.compare(figures("3.4.1", 1234), span("6 tháng 2025"), figures("3.4.1", 1200),
                span("9 tháng 2025"));
        assertEquals(List.of(new Finding(Severity.ERROR, "period.decrease", "3.4.1", "3.4.1 «Tổng số PAKN đã tiếp nhận "
                + "(trực tiếp hoặc do cơ quan có thẩm quyền chuyển đến)» giảm từ 1.234 (6 tháng đầu năm 2025) xuống 1.200 "
                + "(9 tháng năm 2025). Số liệu lũy kế từ đầu năm không thể giảm so với kỳ trước của cùng năm: kiểm tra lại "
                + "số liệu kỳ này hoặc kỳ trước.")), findings);
    }

    @Test
    void aCumulativeJumpIsSaidPerMonthOfEachPeriod() {
        List<Finding> findings = RULES.compare(figures("7.2.4.b", 100), span("quý I 2025"), figures("7.2.4.b", 2500),
                span("năm 2025"));
        assertEquals("«Số hồ sơ TTHC đã tiếp nhận trực tuyến» (thuộc mục 7.2.4) tăng từ 100 (quý I năm 2025) lên 2.500 "
                + "(năm 2025); tính theo số tháng của mỗi kỳ (3 và 12 tháng), gấp 6,25 lần, vượt ngưỡng 3 lần. Kiểm tra lại "
                + "số liệu; nếu đúng, ghi lý do ở cột Ghi chú.", findings.get(0).message());
    }
}
