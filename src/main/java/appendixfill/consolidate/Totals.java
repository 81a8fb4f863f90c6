package appendixfill.consolidate;

import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Consolidation.Method;
import appendixfill.indicator.Figures;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Rates;
import appendixfill.indicator.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The totals of a set of units (communes, or groups of communes already consolidated): a tally
 * per indicator and how many communes stand behind them. Totals add up associatively, so a
 * province consolidated from its groups equals the province consolidated from its communes.
 *
 * @param tallies the tally of every indicator that consolidates by sum, weight or yes-count
 * @param units how many units (communes) the totals stand for
 */
public record Totals(Map<String, Tally> tallies, int units) {

    /** No unit. */
    public static final Totals NONE = new Totals(Map.of(), 0);

    public Totals {
        tallies = Map.copyOf(tallies);
        if (units < 0) {
            throw new IllegalArgumentException("negative number of units: " + units);
        }
    }

    /** What one commune brings: its entered counts, its answers, its weighted percentages. */
    public static Totals of(Figures figures) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (Indicator indicator : figures.catalogue().indicators()) {
            Value value = figures.get(indicator.code());
            switch (indicator.consolidation().method()) {
                case SUM -> {
                    if (value instanceof Value.Amount a) {
                        tallies.put(indicator.code(), Tally.count(a.number()));
                    }
                }
                case YES_COUNT -> {
                    if (value instanceof Value.YesNo y) {
                        tallies.put(indicator.code(), Tally.answer(y.yes()));
                    }
                }
                case WEIGHTED -> {
                    // A share without its base, or a base without its share, cannot be weighted.
                    Value base = figures.get(indicator.consolidation().base());
                    if (value instanceof Value.Amount p && base instanceof Value.Amount b) {
                        tallies.put(indicator.code(), Tally.weighted(p.number(), b.number()));
                    }
                }
                default -> {
                }
            }
        }
        return new Totals(tallies, 1);
    }

    /** The totals of disjoint sets of units, added up in one pass (as {@link #plus} one by one would). */
    public static Totals sum(List<Totals> parts) {
        Map<String, BigDecimal[]> sums = new HashMap<>();
        Map<String, int[]> counts = new HashMap<>();
        int units = 0;
        for (Totals part : parts) {
            units += part.units;
            part.tallies.forEach((code, tally) -> {
                BigDecimal[] sum = sums.get(code);
                if (sum == null) {
                    sums.put(code, new BigDecimal[] {tally.sum(), tally.base()});
                    counts.put(code, new int[] {tally.units(), tally.yes()});
                    return;
                }
                sum[0] = sum[0].add(tally.sum());
                sum[1] = sum[1].add(tally.base());
                int[] count = counts.get(code);
                count[0] += tally.units();
                count[1] += tally.yes();
            });
        }
        Map<String, Tally> tallies = new HashMap<>();
        sums.forEach((code, sum) -> tallies.put(code, new Tally(sum[0], sum[1], counts.get(code)[0],
                counts.get(code)[1])));
        return new Totals(tallies, units);
    }

    /** The totals of two disjoint sets of units. */
    public Totals plus(Totals other) {
        Map<String, Tally> sum = new LinkedHashMap<>(tallies);
        other.tallies.forEach((code, tally) -> sum.merge(code, tally, Tally::plus));
        return new Totals(sum, units + other.units);
    }

    /** The tally of one indicator; {@link Tally#NONE} when no unit gave a value. */
    public Tally tally(String code) {
        return tallies.getOrDefault(code, Tally.NONE);
    }

    /**
     * The consolidated values: counts summed, every rate derived again from the summed numerator
     * and denominator by the same code as a single fill ({@link Figures#derive}), weighted
     * percentages by {@link Rates#weighted}, yes/no rows as the number of units that answered
     * "Có". What no unit gave stays missing; what does not consolidate is left out, except the
     * details given in {@code details} (the consolidation's name, period and year).
     */
    public Figures figures(Catalogue catalogue, Map<String, Value> details) {
        Map<String, Value> entered = new LinkedHashMap<>(details);
        for (Indicator indicator : catalogue.indicators()) {
            Tally tally = tally(indicator.code());
            if (tally.units() == 0) {
                continue;
            }
            switch (indicator.consolidation().method()) {
                case SUM -> entered.put(indicator.code(), new Value.Amount(tally.sum()));
                case YES_COUNT -> entered.put(indicator.code(), Value.Amount.of(tally.yes()));
                case WEIGHTED -> entered.put(indicator.code(), Rates.weighted(tally.sum(), tally.base()));
                default -> {
                }
            }
        }
        return Figures.derive(catalogue, entered);
    }

    /**
     * How many units a consolidated value covers: a rate covers the units that gave both of its
     * parts at most, reported here as the smaller of the two.
     */
    public int coverage(Catalogue catalogue, String code) {
        Indicator indicator = catalogue.require(code);
        if (indicator.consolidation().method() == Method.RATE) {
            return Math.min(tally(indicator.numerator()).units(), tally(indicator.denominator()).units());
        }
        return tally(code).units();
    }

    /** The totals as rows of text, for the hidden sheet of a consolidated workbook. */
    public List<List<String>> toRows() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("units", String.valueOf(units)));
        tallies.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> rows.add(List.of(e.getKey(),
                e.getValue().sum().toPlainString(), e.getValue().base().toPlainString(),
                String.valueOf(e.getValue().units()), String.valueOf(e.getValue().yes()))));
        return rows;
    }

    /** The inverse of {@link #toRows}; rows of other kinds are ignored. */
    public static Totals fromRows(List<List<String>> rows) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        int units = 0;
        for (List<String> row : rows) {
            if (row.size() == 2 && row.get(0).equals("units")) {
                units = Integer.parseInt(row.get(1));
            } else if (row.size() == 5) {
                tallies.put(row.get(0), new Tally(new BigDecimal(row.get(1)), new BigDecimal(row.get(2)),
                        Integer.parseInt(row.get(3)), Integer.parseInt(row.get(4))));
            }
        }
        return new Totals(tallies, units);
    }
}
