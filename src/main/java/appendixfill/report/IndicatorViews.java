package appendixfill.report;

import appendixfill.indicator.Figures;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Value;

/** Every indicator of one workbook for the narrative template: {@code $v["1.2"]}. */
public final class IndicatorViews {

    private final Figures figures;
    private final Flags flags;

    IndicatorViews(Figures figures, Flags flags) {
        this.figures = figures;
        this.flags = flags;
    }

    /** The view of one indicator; an unknown code is an error, never an empty string. */
    public IndicatorView get(String code) {
        Indicator indicator = figures.catalogue().require(code);
        return new IndicatorView(indicator, figures.get(code), code, flags.over(indicator), flags);
    }

    /** A − B, for figures the appendix implies (overdue dossiers); missing when either is. */
    public IndicatorView difference(String minuend, String subtrahend) {
        Indicator indicator = figures.catalogue().require(minuend);
        Indicator other = figures.catalogue().require(subtrahend);
        Value value = figures.get(minuend) instanceof Value.Amount a && figures.get(subtrahend) instanceof Value.Amount b
                ? new Value.Amount(a.number().subtract(b.number())) : Value.MISSING;
        return new IndicatorView(indicator, value, minuend + " − " + subtrahend, flags.over(indicator, other), flags);
    }
}
