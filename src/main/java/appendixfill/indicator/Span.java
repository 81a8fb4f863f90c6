package appendixfill.indicator;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The months a report covers (kỳ báo cáo as a stretch of a year): quý I is months 1–3, 6 tháng 1–6,
 * 9 tháng 1–9, năm 1–12, quý II 4–6 and so on. What comparing two reports of one unit needs.
 *
 * @param period the period as the form lists it
 * @param year the year
 */
public record Span(String period, int year) implements Comparable<Span> {

    /** The periods of the form (the catalogue's choices for {@code period}), each with its first and last month. */
    private static final List<String> PERIODS = List.of("quý I", "quý II", "quý III", "quý IV", "6 tháng", "9 tháng",
            "năm");
    private static final int[] FIRST = {1, 4, 7, 10, 1, 1, 1};
    private static final int[] LAST = {3, 6, 9, 12, 6, 9, 12};

    public Span {
        Objects.requireNonNull(period);
        if (!PERIODS.contains(period)) {
            throw new IllegalArgumentException("unknown period '" + period + "'; valid: " + PERIODS);
        }
    }

    /** The span a workbook reports on; empty when its period or year is missing. */
    public static Optional<Span> of(Figures figures) {
        if (figures.get("period") instanceof Value.Text p && figures.get("year") instanceof Value.Amount y
                && PERIODS.contains(p.text())) {
            return Optional.of(new Span(p.text(), y.number().intValueExact()));
        }
        return Optional.empty();
    }

    public int firstMonth() {
        return FIRST[PERIODS.indexOf(period)];
    }

    public int lastMonth() {
        return LAST[PERIODS.indexOf(period)];
    }

    /** How many months it covers. */
    public int months() {
        return lastMonth() - firstMonth() + 1;
    }

    /** True when every month of {@code other} is one of this span's, in the same year. */
    public boolean covers(Span other) {
        return year == other.year && firstMonth() <= other.firstMonth() && other.lastMonth() <= lastMonth();
    }

    /** Ordered by the date each ends on, then by length (quý II before 6 tháng). */
    @Override
    public int compareTo(Span other) {
        int byEnd = Integer.compare(year * 12 + lastMonth(), other.year * 12 + other.lastMonth());
        return byEnd != 0 ? byEnd : Integer.compare(months(), other.months());
    }

    /** "năm 2023", "quý III năm 2024", "6 tháng đầu năm 2025", as the report prints it. */
    @Override
    public String toString() {
        return switch (period) {
            case "năm" -> "năm " + year;
            case "6 tháng" -> "6 tháng đầu năm " + year;
            default -> period + " năm " + year;
        };
    }
}
