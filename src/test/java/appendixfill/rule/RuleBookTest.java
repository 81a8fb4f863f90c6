package appendixfill.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Figures;
import appendixfill.indicator.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class RuleBookTest {

    private static final Catalogue CATALOGUE = Catalogue.standard();
    private static final RuleBook RULES = RuleBook.standard();

    private static Figures figures(Map<String, Long> counts) {
        Map<String, Value> values = new HashMap<>();
        counts.forEach((code, n) -> values.put(code, Value.Amount.of(n)));
        return Figures.derive(CATALOGUE, values);
    }

    private static List<Finding> check(Map<String, Long> counts) {
        return RULES.check(figures(counts));
    }

    /** Rules against a constant (7.1's shares ≤ 100) have their own test below. */
    @TestFactory
    Stream<DynamicTest> everyComparisonFiresWhenBrokenAndIsSilentWhenItHolds() {
        return RULES.rules().stream().filter(Comparison.class::isInstance).map(Comparison.class::cast)
                .filter(rule -> rule.right().stream().noneMatch(RuleBookTest::isConstant))
                .map(rule -> DynamicTest.dynamicTest(rule.id(), () -> {
                    Map<String, Long> holding = new HashMap<>();
                    assign(rule.right(), 10, holding);
                    assign(rule.left(), 10, holding);
                    Map<String, Long> broken = new HashMap<>(holding);
                    broken.put(rule.left().get(0), 11L);

                    assertEquals(List.of(), rule.check(figures(holding)), "holds when both sides are equal");
                    List<Finding> findings = rule.check(figures(broken));
                    assertEquals(1, findings.size(), "fires when the left side is larger");
                    assertEquals(rule.left().get(0), findings.get(0).code());
                    assertEquals(rule.severity(), findings.get(0).severity());
                    for (String term : rule.left()) {
                        assertTrue(findings.get(0).message().contains(CATALOGUE.require(term).label()),
                                "names " + term + " by STT and wording: " + findings.get(0).message());
                    }
                }));
    }

    /** The whole amount on the first term, zero on the others. */
    private static void assign(List<String> terms, long amount, Map<String, Long> counts) {
        for (int i = 0; i < terms.size(); i++) {
            counts.put(terms.get(i), i == 0 ? amount : 0L);
        }
    }

    private static boolean isConstant(String term) {
        return term.chars().allMatch(Character::isDigit);
    }

    @Test
    void aPartLargerThanItsWholeIsAnErrorNamingBothRowsWithTheirValues() {
        List<Finding> findings = check(Map.of("1.2.1", 46L, "1.2.2", 47L));

        assertEquals(List.of(new Finding(Severity.ERROR, "part.1.2", "1.2.2",
                "1.2.2 «Số nhiệm vụ đã hoàn thành» = 47 lớn hơn 1.2.1 «Số nhiệm vụ đề ra trong kế hoạch» = 46. "
                        + "Số nhiệm vụ đã hoàn thành không thể nhiều hơn số nhiệm vụ đề ra.")), findings);
    }

    @Test
    void theLevelThreeAndFourTotalMustEqualItsParts() {
        List<Finding> findings = check(Map.of("7.2.3.a", 46L, "7.2.1.b", 10L, "7.2.2.b", 46L));

        assertEquals("«Tổng số TTHC đang cung cấp trực tuyến mức độ 3 và 4 của cơ quan, đơn vị» (thuộc mục 7.2.3) = 46 "
                + "khác «Số TTHC đang cung cấp trực tuyến mức độ 3» (thuộc mục 7.2.1) + «Số TTHC đang cung cấp trực "
                + "tuyến mức độ 4» (thuộc mục 7.2.2) = 10 + 46 = 56. Tổng số TTHC đang cung cấp trực tuyến mức độ 3 "
                + "và 4 phải bằng số đang cung cấp mức độ 3 cộng mức độ 4.", findings.get(0).message());
    }

    @Test
    void aRuleWithAMissingFigureIsNotChecked() {
        assertEquals(List.of(), check(Map.of("1.2.2", 47L)));
    }

    @Test
    void onlineDossiersWithoutAnyProcedureReceivingThemIsAnError() {
        List<Finding> findings = check(Map.of("7.2.4.b", 96L, "7.2.1.c", 0L, "7.2.2.c", 0L));

        assertEquals(List.of(new Finding(Severity.ERROR, "online.no-procedure", "7.2.4.b",
                "«Số hồ sơ TTHC đã tiếp nhận trực tuyến» (thuộc mục 7.2.4) = 96 nhưng không có TTHC mức độ 3 hay mức "
                        + "độ 4 nào có phát sinh hồ sơ nộp trực tuyến («Số TTHC đang cung cấp trực tuyến mức độ 3 có "
                        + "phát sinh hồ sơ nộp trực tuyến» (thuộc mục 7.2.1) = 0; «Số TTHC đang cung cấp trực tuyến "
                        + "mức độ 4 có phát sinh hồ sơ nộp trực tuyến» (thuộc mục 7.2.2) = 0). Ghi số TTHC có phát "
                        + "sinh hồ sơ trực tuyến, hoặc kiểm tra lại số hồ sơ tiếp nhận trực tuyến.")), findings);
    }

    @Test
    void onlineDossiersWithAProcedureReceivingThemAreFine() {
        assertEquals(List.of(), check(Map.of("7.2.4.b", 96L, "7.2.1.c", 0L, "7.2.2.c", 3L)));
        assertEquals(List.of(), check(Map.of("7.2.4.b", 0L, "7.2.1.c", 0L, "7.2.2.c", 0L)));
    }

    @Test
    void theSharesOfDocumentsSentElectronicallyAddUpToAtMostHundred() {
        Map<String, Value> values = new HashMap<>();
        values.put("7.1.a", Value.Amount.of(70));
        values.put("7.1.b", Value.Amount.of(40));

        List<Finding> findings = RULES.check(Figures.derive(CATALOGUE, values));

        assertEquals("part.7.1", findings.get(0).rule());
        assertTrue(findings.get(0).message().contains("= 70% + 40% = 110% lớn hơn 100."), findings.get(0).message());
    }

    /**
     * The rule pack's version is recorded with every submission, so the rules file never changes
     * without a new one: change the file, raise {@link RuleBook#VERSION}, then update this checksum.
     */
    @Test
    void theRulesFileIsTheOneItsVersionNames() throws Exception {
        byte[] file = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("workbook-templates/phu-luc-i.rules.tsv"));
        String checksum = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(file));
        assertEquals("2026.1 8351730647f4f48d563a7a2a4b5682056d79213cf41e19809338126c531b0398", RuleBook.VERSION + " " + checksum);
    }
}
