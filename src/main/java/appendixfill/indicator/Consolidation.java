package appendixfill.indicator;

/**
 * How an indicator consolidates upward: counts add up, rates are derived again from the summed
 * parts, typed percentages are weighted by their base where the table has one.
 *
 * @param method how the values of several units combine
 * @param base for {@link Method#WEIGHTED}, the code of the count that weights the percentage
 */
public record Consolidation(Method method, String base) {

    /** The ways values combine. */
    public enum Method { NONE, SUM, RATE, WEIGHTED, YES_COUNT, SAME, PER_UNIT }

    public Consolidation {
        if ((method == Method.WEIGHTED) == base.isEmpty()) {
            throw new IllegalArgumentException("a weighted consolidation, and only that, names its base");
        }
    }

    /** Parses the catalogue's notation: none, sum, rate, weighted:CODE, yes-count, same, per-unit. */
    public static Consolidation parse(String text) {
        if (text.startsWith("weighted:")) {
            return new Consolidation(Method.WEIGHTED, text.substring("weighted:".length()));
        }
        for (Method method : Method.values()) {
            if (method.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-').equals(text)) {
                return new Consolidation(method, "");
            }
        }
        throw new IllegalArgumentException("unknown consolidation '" + text
                + "'; valid: none, sum, rate, weighted:CODE, yes-count, same, per-unit");
    }
}
