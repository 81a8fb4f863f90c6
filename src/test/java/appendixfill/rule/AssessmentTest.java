package appendixfill.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import appendixfill.indicator.Catalogue;
import appendixfill.input.Typed;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What happens to a rate's cell: a formula, a blank, or something typed over it. */
class AssessmentTest {

    private static final String FORMULA = "formula";
    private static final String RATE_LABEL = Catalogue.standard().require("3.4").label();

    private static Assessment assess(long numerator, long denominator, String rateCell) {
        return assess(numerator, denominator, switch (rateCell) {
            case FORMULA -> new Typed.Formula("IF(…)", Typed.BLANK);
            case "" -> Typed.BLANK;
            default -> new Typed.Text(rateCell);
        });
    }

    private static Assessment assess(long numerator, long denominator, Typed rateCell) {
        Map<String, Typed> typed = new HashMap<>();
        typed.put("3.4.1", new Typed.Number(BigDecimal.valueOf(denominator), false));
        typed.put("3.4.2", new Typed.Number(BigDecimal.valueOf(numerator), false));
        typed.put("3.4", rateCell);
        return Assessment.of(Catalogue.standard(), RuleBook.standard(), typed);
    }

    private static List<String> messagesAtRate(Assessment assessment) {
        return assessment.findings().stream().filter(f -> f.code().equals("3.4")).map(Finding::message).toList();
    }

    @ParameterizedTest(name = "{0} ÷ {1} with the cell holding \"{2}\" → {3} {4}")
    @CsvSource(textBlock = """
            2, 3, formula,          derived,        ''
            0, 0, formula,          not-applicable, info:rate.not-applicable
            2, 3, '',               corrected,      warning:rate.blank
            0, 0, '',               not-applicable, info:rate.not-applicable
            2, 3, '66,67',          derived,        info:rate.formula-restored
            2, 3, '66,7',           derived,        info:rate.formula-restored
            2, 3, '67',             derived,        info:rate.formula-restored
            2, 3, '66',             corrected,      error:rate.typed-mismatch
            2, 3, '0',              corrected,      error:rate.typed-mismatch
            0, 0, '100',            not-applicable, error:rate.not-applicable-stated
            0, 0, '0',              not-applicable, error:rate.not-applicable-stated
            0, 0, 'không phát sinh', not-applicable, info:rate.formula-restored
            0, 0, 'Không phát sinh', not-applicable, info:rate.formula-restored
            0, 0, 'KPS',             not-applicable, info:rate.formula-restored
            0, 0, '-',               not-applicable, info:rate.formula-restored
            2, 3, 'không phát sinh', corrected,      error:rate.typed-mismatch
            """)
    void theFormulaIsAlwaysRestoredAndWhatWasTypedOverItIsReported(long numerator, long denominator, String cell,
            String status, String finding) {
        Assessment assessment = assess(numerator, denominator, cell);

        assertEquals(status, assessment.statuses().get("3.4").id());
        List<String> atRate = assessment.findings().stream().filter(f -> f.code().equals("3.4"))
                .map(f -> f.severity().id() + ":" + f.rule()).toList();
        assertEquals(finding.isEmpty() ? List.of() : List.of(finding), atRate);
    }

    @Test
    void aDateOrTruthValueTypedOverARateIsQuotedAsTheOfficerSawIt() {
        assertEquals(List.of(RATE_LABEL + " ghi 01/02/2023 nhưng 2 ÷ 3 × 100 = 66,67%. Đã khôi phục công thức."),
                messagesAtRate(assess(2, 3, new Typed.Date(LocalDate.of(2023, 2, 1)))));
        assertEquals(List.of(RATE_LABEL + " ghi TRUE nhưng 2 ÷ 3 × 100 = 66,67%. Đã khôi phục công thức."),
                messagesAtRate(assess(2, 3, new Typed.Bool(true))));
    }

    @Test
    void aNumberTypedOverARateIsQuotedAsAPercentage() {
        assertEquals(List.of(RATE_LABEL + " ghi 66% nhưng 2 ÷ 3 × 100 = 66,67%. Đã khôi phục công thức."),
                messagesAtRate(assess(2, 3, new Typed.Number(new BigDecimal("0.66"), true))));
    }
}
