package appendixfill.indicator;

import java.util.LinkedHashMap;
import java.util.Map;

/** The values of every indicator of one workbook: what was entered and what was derived. */
public record Figures(Catalogue catalogue, Map<String, Value> values) {

    public Figures {
        values = Map.copyOf(values);
    }

    /** The value of an indicator; missing when nothing was entered. */
    public Value get(String code) {
        Value value = values.get(code);
        if (value != null) {
            return value; // one lookup: the values are the catalogue's own
        }
        catalogue.require(code);
        return Value.MISSING;
    }

    /**
     * Derives every rate from its numerator and denominator; entered values are kept as they are
     * and whatever was typed over a rate is ignored (the rules report it).
     */
    public static Figures derive(Catalogue catalogue, Map<String, Value> entered) {
        Map<String, Value> values = new LinkedHashMap<>(catalogue.mapCapacity());
        for (Indicator indicator : catalogue.indicators()) {
            if (indicator.kind().isTyped()) {
                values.put(indicator.code(), entered.getOrDefault(indicator.code(), Value.MISSING));
            }
        }
        for (Indicator rate : catalogue.indicators()) {
            if (rate.kind() == Kind.RATE) {
                values.put(rate.code(), Rates.percent(values.get(rate.numerator()), values.get(rate.denominator())));
            }
        }
        return new Figures(catalogue, values);
    }
}
