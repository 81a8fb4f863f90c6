package appendixfill.indicator;

import appendixfill.fixtures.LibreOffice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RatesTest {

    @ParameterizedTest(name = "{0} ÷ {1} × 100 = {2}")
    @CsvSource(textBlock = """
            96,         329,        29.18
            46,         46,         100.00
            38,         46,         82.61
            3757891728, 6151116781, 61.09
            52872709,   70000000,   75.53
            1,          3,          33.33
            2,          3,          66.67
            1,          8,          12.50
            1,          800,        0.13
            0,          5,          0.00
            7,          5,          140.00
            """)
    void rateIsNumeratorOverDenominatorTimesHundredRoundedHalfUpToTwoDecimals(long numerator, long denominator,
            String expected) {
        Value rate = Rates.percent(Value.Amount.of(numerator), Value.Amount.of(denominator));

        assertEquals(new Value.Amount(new BigDecimal(expected)), rate);
    }

    @Test
    void rateIsNotApplicableWhenDenominatorIsZero() {
        assertEquals(Value.NOT_APPLICABLE, Rates.percent(Value.Amount.of(0), Value.Amount.of(0)));
        assertEquals(Value.NOT_APPLICABLE, Rates.percent(Value.Amount.of(3), Value.Amount.of(0)));
    }

    @Test
    void rateIsMissingWhenAPartIsMissingNeverZero() {
        assertEquals(Value.MISSING, Rates.percent(Value.MISSING, Value.Amount.of(10)));
        assertEquals(Value.MISSING, Rates.percent(Value.Amount.of(10), Value.MISSING));
    }

    @ParameterizedTest(name = "{0} ÷ {1} × 100 = {2}")
    @CsvSource(textBlock = """
            1, 20000, 0.01
            1, 800,   0.13
            3, 1600,  0.19
            1, 8000,  0.01
            """)
    void exactHalvesRoundUpAsSpreadsheetRoundDoes(long numerator, long denominator, String expected) {
        // 0,005 → 0,01 and 0,125 → 0,13: ROUND in Excel and LibreOffice rounds half away from zero.
        assertEquals(new Value.Amount(new BigDecimal(expected)),
                Rates.percent(Value.Amount.of(numerator), Value.Amount.of(denominator)));
    }
}
