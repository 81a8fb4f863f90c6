package appendixfill.consolidate;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The running total of one indicator over the units consolidated so far. What the fields mean
 * depends on how the indicator consolidates: for a count, {@code sum}; for a weighted percentage,
 * Σ percentage × base in {@code sum} and Σ base in {@code base}; for a yes/no, the units that
 * answered "Có" in {@code yes}. {@code units} is always how many units gave a usable value, so a
 * total says what it covers and a missing value is never taken for a zero.
 *
 * @param sum the sum of the values (or of the weighted percentages)
 * @param base the sum of the bases of a weighted percentage
 * @param units how many units the total covers
 * @param yes how many of them answered "Có"
 */
public record Tally(BigDecimal sum, BigDecimal base, int units, int yes) {

    /** No unit yet. */
    public static final Tally NONE = new Tally(BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);

    public Tally {
        Objects.requireNonNull(sum);
        Objects.requireNonNull(base);
        if (units < 0 || yes < 0 || yes > units) {
            throw new IllegalArgumentException("a tally covers at least its 'Có' answers: " + yes + "/" + units);
        }
    }

    /** One unit's count. */
    static Tally count(BigDecimal value) {
        return new Tally(value, BigDecimal.ZERO, 1, 0);
    }

    /** One unit's percentage with its base. */
    static Tally weighted(BigDecimal percent, BigDecimal base) {
        return new Tally(percent.multiply(base), base, 1, 0);
    }

    /** One unit's answer. */
    static Tally answer(boolean yes) {
        return new Tally(BigDecimal.ZERO, BigDecimal.ZERO, 1, yes ? 1 : 0);
    }

    /** The totals of two disjoint sets of units. */
    public Tally plus(Tally other) {
        return new Tally(sum.add(other.sum), base.add(other.base), units + other.units, yes + other.yes);
    }
}
