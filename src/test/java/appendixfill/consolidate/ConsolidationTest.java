package appendixfill.consolidate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Figures;
import appendixfill.indicator.Value;
import appendixfill.input.Typed;
import appendixfill.rule.Assessment;
import appendixfill.rule.RuleBook;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Totals of several units: counts summed, rates derived again, never averaged. */
class ConsolidationTest {

    static final Catalogue CATALOGUE = Catalogue.standard();

    /** A commune's workbook as typed: "code=n:46" a number, "code=t:Có" a text. */
    static Submission unit(String file, String... cells) {
        Map<String, Typed> typed = new LinkedHashMap<>();
        typed.put("unit.level", new Typed.Text("xã"));
        typed.put("period", new Typed.Text("năm"));
        typed.put("year", new Typed.Number(BigDecimal.valueOf(2023), false));
        for (String cell : cells) {
            String code = cell.substring(0, cell.indexOf('='));
            String content = cell.substring(cell.indexOf('=') + 1);
            typed.put(code, content.startsWith("n:") ? new Typed.Number(new BigDecimal(content.substring(2)), false)
                    : new Typed.Text(content.substring(2)));
        }
        return Submission.of(file, Assessment.of(CATALOGUE, RuleBook.standard(), typed), Catalogue.TEMPLATE_VERSION);
    }

    static Figures consolidate(Submission... units) {
        Totals totals = Totals.NONE;
        for (Submission unit : units) {
            totals = totals.plus(unit.totals());
        }
        return totals.figures(CATALOGUE, Map.of());
    }

    static Value amount(String number) {
        return new Value.Amount(new BigDecimal(number));
    }

    @Test
    void totalsSummedInOnePassEqualThemAddedOneByOne() {
        Submission a = unit("a.xlsx", "1.2.1=n:10", "1.2.2=n:7", "1.4=t:Có", "7.1=n:100", "7.1.a=n:80");
        Submission b = unit("b.xlsx", "1.2.1=n:3.0", "1.4=t:Không", "7.1=n:50", "7.1.a=n:12.5");
        Submission c = unit("c.xlsx", "1.2.2=n:2", "1.4=t:Có");

        Totals summed = Totals.sum(List.of(a.totals(), b.totals(), c.totals()));

        assertEquals(a.totals().plus(b.totals()).plus(c.totals()), summed);
        assertEquals(new Tally(new BigDecimal("13"), BigDecimal.ZERO, 2, 0), summed.tally("1.2.1"));
        assertEquals(new Tally(BigDecimal.ZERO, BigDecimal.ZERO, 3, 2), summed.tally("1.4"));
        assertEquals(3, summed.units());
        assertEquals(Totals.NONE, Totals.sum(List.of()));
    }

    @Test
    void rateIsTheSummedNumeratorOverTheSummedDenominatorNotTheAverageOfRates() {
        // Unit A: 96 of 329 dossiers online (29,18 %); unit B: 54 of 71 (76,06 %).
        Submission a = unit("a.xlsx", "unit.name=t:A", "7.2.4.a=n:329", "7.2.4.b=n:96");
        Submission b = unit("b.xlsx", "unit.name=t:B", "7.2.4.a=n:71", "7.2.4.b=n:54");
        Figures total = consolidate(a, b);
        // (96 + 54) ÷ (329 + 71) × 100 = 150 ÷ 400 × 100 = 37,5; the average of rates would be 52,62.
        assertEquals(amount("400"), total.get("7.2.4.a"));
        assertEquals(amount("150"), total.get("7.2.4.b"));
        assertEquals(amount("37.5"), total.get("7.2.4"));
        assertNotEquals(amount("52.62"), total.get("7.2.4"));
    }

    @Test
    void rateOfTwoUnitsIsRoundedOnceFromTheSums() {
        // 10 of 10 tasks done and 0 of 3: (10 + 0) ÷ (10 + 3) × 100 = 76,923… → 76,92.
        Figures total = consolidate(unit("a.xlsx", "1.2.1=n:10", "1.2.2=n:10"), unit("b.xlsx", "1.2.1=n:3", "1.2.2=n:0"));
        assertEquals(amount("76.92"), total.get("1.2"));
    }

    @Test
    void rateIsNotApplicableWhenEverySummedDenominatorIsZero() {
        Figures total = consolidate(unit("a.xlsx", "7.2.5.a=n:0", "7.2.5.b=n:0"),
                unit("b.xlsx", "7.2.5.a=n:0", "7.2.5.b=n:0"));
        assertEquals(Value.NOT_APPLICABLE, total.get("7.2.5"));
    }

    @Test
    void aUnitWithZeroOverZeroStillAddsItsZerosToTheTotal() {
        Figures total = consolidate(unit("a.xlsx", "7.2.5.a=n:0", "7.2.5.b=n:0"),
                unit("b.xlsx", "7.2.5.a=n:8", "7.2.5.b=n:2"));
        assertEquals(amount("25"), total.get("7.2.5"));
    }

    @Test
    void yesNoRowCountsTheUnitsAnsweringCoOutOfThoseAnswering() {
        Totals totals = unit("a.xlsx", "1.4=t:Có").totals().plus(unit("b.xlsx", "1.4=t:Không").totals())
                .plus(unit("c.xlsx", "1.4=t:Có").totals()).plus(unit("d.xlsx").totals());
        assertEquals(new Tally(BigDecimal.ZERO, BigDecimal.ZERO, 3, 2), totals.tally("1.4"));
        assertEquals(amount("2"), totals.figures(CATALOGUE, Map.of()).get("1.4"));
        assertEquals(4, totals.units());
    }

    @Test
    void aMissingValueIsNotAZeroAndTheTotalSaysHowManyUnitsItCovers() {
        Totals totals = unit("a.xlsx", "1.1=n:5").totals().plus(unit("b.xlsx").totals());
        assertEquals(amount("5"), totals.figures(CATALOGUE, Map.of()).get("1.1"));
        assertEquals(1, totals.coverage(CATALOGUE, "1.1"));
        assertEquals(2, totals.units());
        assertEquals(Value.MISSING, totals.figures(CATALOGUE, Map.of()).get("1.3.1"));
        assertEquals(0, totals.coverage(CATALOGUE, "1.3.1"));
    }

    @Test
    void rateCoversTheUnitsThatGaveBothItsParts() {
        Totals totals = unit("a.xlsx", "3.4.1=n:4", "3.4.2=n:4").totals()
                .plus(unit("b.xlsx", "3.4.1=n:6").totals());
        assertEquals(1, totals.coverage(CATALOGUE, "3.4"));
        assertEquals(2, totals.coverage(CATALOGUE, "3.4.1"));
    }

    @Test
    void sharesOfSevenOneAreWeightedByTheSevenOneTotals() {
        // A: 80 % of 100 documents; B: 40 % of 300: (80 × 100 + 40 × 300) ÷ 400 = 50 %, not (80 + 40) ÷ 2 = 60 %.
        Figures total = consolidate(unit("a.xlsx", "7.1=n:100", "7.1.a=n:80", "7.1.b=n:20"),
                unit("b.xlsx", "7.1=n:300", "7.1.a=n:40", "7.1.b=n:60"));
        assertEquals(amount("50"), total.get("7.1.a"));
        assertEquals(amount("50"), total.get("7.1.b"));
        assertEquals(amount("400"), total.get("7.1"));
    }

    @Test
    void aShareWithoutItsBaseIsLeftOutOfTheWeighting() {
        Totals totals = unit("a.xlsx", "7.1=n:100", "7.1.a=n:80").totals().plus(unit("b.xlsx", "7.1.a=n:10").totals());
        assertEquals(amount("80"), totals.figures(CATALOGUE, Map.of()).get("7.1.a"));
        assertEquals(1, totals.coverage(CATALOGUE, "7.1.a"));
    }

    @Test
    void percentagesWithoutABaseAreNotConsolidated() {
        Figures total = consolidate(unit("a.xlsx", "4.1.4=n:50"), unit("b.xlsx", "4.1.4=n:70"));
        assertEquals(Value.MISSING, total.get("4.1.4"));
    }

    @Test
    void totalsOfGroupsEqualTheTotalsOfTheirCommunes() {
        Submission a = unit("a.xlsx", "1.1=n:3", "1.4=t:Có", "7.1=n:10", "7.1.a=n:30", "7.2.4.a=n:7", "7.2.4.b=n:3");
        Submission b = unit("b.xlsx", "1.1=n:4", "1.4=t:Không", "7.1=n:30", "7.1.a=n:70", "7.2.4.a=n:9");
        Submission c = unit("c.xlsx", "1.4=t:Có", "7.1=n:60", "7.1.a=n:10", "7.2.4.a=n:11", "7.2.4.b=n:11");
        Totals communes = a.totals().plus(b.totals()).plus(c.totals());
        Totals group = Totals.fromRows(a.totals().plus(b.totals()).toRows());
        Totals groups = group.plus(Totals.fromRows(c.totals().toRows()));
        assertEquals(communes, groups);
        assertEquals(communes.figures(CATALOGUE, Map.of()), groups.figures(CATALOGUE, Map.of()));
        assertEquals(3, groups.units());
    }

    @Test
    void periodIsReadAsOfficersWriteIt() {
        assertEquals(Optional.of(new Period("năm", 2023)), Period.parse("năm 2023"));
        assertEquals(Optional.of(new Period("quý III", 2024)), Period.parse("Quý III năm 2024"));
        assertEquals(Optional.of(new Period("6 tháng", 2025)), Period.parse("6 tháng 2025"));
        assertEquals(Optional.of(new Period("năm", 2023)), Period.parse("2023"));
        assertEquals(Optional.empty(), Period.parse("quý V 2023"));
        assertEquals("quý III năm 2024", new Period("quý III", 2024).toString());
    }

    @Test
    void unitNamesMatchWithoutTheirLevelCaseOrDecomposedLetters() {
        assertEquals(Unit.key("Vũ Muộn"), Unit.key("Xã  vũ muộn"));
        assertEquals(Unit.key("Vũ Muộn"), Unit.key(java.text.Normalizer.normalize("xã Vũ Muộn",
                java.text.Normalizer.Form.NFD)));
        assertEquals(List.of("vũ muộn"), List.of(new Unit("1", "Vũ Muộn", "").key()));
    }

    /** 1.2.2 = 32 of 30 planned in the second unit; 7.1.a + 7.1.b over 100 % in the third. */
    static Consolidated consolidatedWithErrors() {
        Submission clean = unit("a.xlsx", "unit.name=t:A", "1.2.1=n:10", "1.2.2=n:9", "7.1=n:100", "7.1.a=n:50",
                "7.1.b=n:20");
        Submission tasks = unit("b.xlsx", "unit.name=t:B", "1.2.1=n:30", "1.2.2=n:32");
        Submission shares = unit("c.xlsx", "unit.name=t:C", "7.1=n:40", "7.1.a=n:80", "7.1.b=n:30");
        return Consolidated.of(CATALOGUE, "Tỉnh", Roll.of(List.of(), List.of(clean, tasks, shares), Optional.empty()));
    }

    @Test
    void aTotalThatIncludesAFigureUnderAnErrorNamesTheUnitAndTheFinding() {
        Consolidated consolidated = consolidatedWithErrors();

        // The finding's first sentence, its rows by STT alone: the whole finding is on the roll sheet.
        String tasks = "gồm số liệu có lỗi của xã B (1.2.2 = 32 lớn hơn 1.2.1 = 30)";
        assertEquals("2/3 đơn vị có số liệu; " + tasks, consolidated.note("1.2.2"));
        // The rate of a summed part under an error includes it too; the whole it is compared with does not.
        assertEquals("tính lại từ tổng 1.2.2 «Số nhiệm vụ đã hoàn thành» ÷ tổng 1.2.1 «Số nhiệm vụ đề ra trong kế hoạch»"
                + " × 100; 2/3 đơn vị có số liệu; " + tasks, consolidated.note("1.2"));
        assertEquals("2/3 đơn vị có số liệu", consolidated.note("1.2.1"));
        // A weighted share includes its own figure: the third unit's 7.1.a.
        assertEquals(List.of(new Consolidated.Flag("xã C", "7.1.a", "«Tỷ lệ văn bản được gửi hoàn toàn dưới dạng"
                + " điện tử (sử dụng chữ ký số, chứng thư số và gửi trên môi trường điện tử).» (thuộc mục 7.1) + «Tỷ lệ văn"
                + " bản được gửi hoàn toàn dưới dạng điện tử và song song với văn bản giấy» (thuộc mục 7.1) = 80% + 30%"
                + " = 110% lớn hơn 100. Hai tỷ lệ văn bản gửi dưới dạng điện tử cộng lại không thể vượt quá 100%.")),
                consolidated.flags("7.1.a"));
        assertEquals(List.of(), consolidated.flags("7.1.b"));
        assertEquals(List.of(), consolidated.flags("7.1"));
        // Rows without an STT keep their wording: nothing shorter names them.
        assertEquals("gồm số liệu có lỗi của xã C («Tỷ lệ văn bản được gửi hoàn toàn dưới dạng điện tử (sử dụng chữ ký"
                + " số, chứng thư số và gửi trên môi trường điện tử).» (thuộc mục 7.1) + «Tỷ lệ văn bản được gửi hoàn toàn"
                + " dưới dạng điện tử và song song với văn bản giấy» (thuộc mục 7.1) = 80% + 30% = 110% lớn hơn 100)",
                consolidated.errorsNote("7.1.a"));
    }

    @Test
    void aNoteNamesAFindingByItsFirstSentenceAndItsRowsByTheirSttAlone() {
        assertEquals("1.2.2 = 32 lớn hơn 1.2.1 = 30", Consolidated.brief("1.2.2 «Số nhiệm vụ đã hoàn thành» = 32 lớn hơn"
                + " 1.2.1 «Số nhiệm vụ đề ra trong kế hoạch» = 30. Số nhiệm vụ đã hoàn thành không thể nhiều hơn."));
        assertEquals("«Số TTHC (phí, lệ phí. Khác)» (thuộc mục 7.2.5) = 3", Consolidated.brief("«Số TTHC (phí, lệ phí."
                + " Khác)» (thuộc mục 7.2.5) = 3. Câu sau."));
        assertEquals("3.3 = 0", Consolidated.brief("3.3 «Có» = 0."));
    }

    @Test
    void aNoteNamesThreeUnitsWithErrorsAndCountsTheOthers() {
        List<Submission> units = new java.util.ArrayList<>();
        for (String name : List.of("A", "B", "C", "D", "E")) {
            units.add(unit(name + ".xlsx", "unit.name=t:" + name, "1.2.1=n:1", "1.2.2=n:2"));
        }
        Consolidated consolidated = Consolidated.of(CATALOGUE, "Tỉnh", Roll.of(List.of(), units, Optional.empty()));

        String finding = " (1.2.2 = 2 lớn hơn 1.2.1 = 1)";
        assertEquals("gồm số liệu có lỗi của 5 đơn vị: xã A" + finding + "; xã B" + finding + "; xã C" + finding
                + "; và 2 đơn vị khác (xem trang «Tình hình nộp báo cáo»)", consolidated.errorsNote("1.2.2"));
        assertEquals(List.of("xã A", "xã B", "xã C", "xã D", "xã E"), consolidated.flaggedUnits("1.2"));
    }

    @Test
    void leftOutWithoutErrorsAUnitsWrongFiguresAreInNoTotal() {
        Submission tasks = unit("b.xlsx", "unit.name=t:B", "1.2.1=n:30", "1.2.2=n:32");
        Consolidated consolidated = Consolidated.of(CATALOGUE, "Tỉnh", Roll.of(List.of(), List.of(tasks),
                Optional.empty(), true));

        assertEquals(List.of(), consolidated.flags("1.2.2"));
        assertEquals(Value.MISSING, consolidated.figures().get("1.2.2"));
    }
}
