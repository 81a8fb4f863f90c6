package appendixfill.indicator;


import java.math.BigDecimal;
import java.math.RoundingMode;

/** The one place where rates are computed and rounded. */
public final class Rates {

    /** Rates carry two decimals, as the report prints them (61,09%). */
    public static final int SCALE = 2;

    /**
     * Half-up, the rounding of Excel's and LibreOffice's ROUND for positive numbers, so that the
     * value the tool writes is the value the spreadsheet recomputes from the formula.
     */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Rates() {
    }

    /**
     * numerator ÷ denominator × 100, rounded; a missing part gives a missing rate and a zero
     * denominator gives {@link Value#NOT_APPLICABLE} (0 ÷ 0 is "không phát sinh", not 0% or 100%).
     */
    public static Value percent(Value numerator, Value denominator) {
        if (!(numerator instanceof Value.Amount num) || !(denominator instanceof Value.Amount den)) {
            return Value.MISSING;
        }
        if (den.number().signum() == 0) {
            return Value.NOT_APPLICABLE;
        }
        // Truncating the long division keeps a following half-up rounding exact: a quotient just
        // below ...5 stays below it, and one at or above it stays at or above it.
        BigDecimal exact = num.number().multiply(HUNDRED)
                .divide(den.number(), SCALE + 12, RoundingMode.DOWN);
        return new Value.Amount(round(exact));
    }

    /**
     * Σ (percentageᵢ × baseᵢ) ÷ Σ baseᵢ: the percentages of several units weighted by their bases
     * (the 7.1 shares by the 7.1 totals), never their plain average; a zero base gives
     * {@link Value#NOT_APPLICABLE}, as a zero denominator does.
     */
    public static Value weighted(BigDecimal weightedSum, BigDecimal base) {
        if (base.signum() == 0) {
            return Value.NOT_APPLICABLE;
        }
        return new Value.Amount(round(weightedSum.divide(base, SCALE + 12, RoundingMode.DOWN)));
    }

    /** Rounds a percentage to the report's precision. */
    public static BigDecimal round(BigDecimal percent) {
        return percent.setScale(SCALE, ROUNDING);
    }
}
