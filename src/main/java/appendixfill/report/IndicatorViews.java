package appendixfill.report;

import appendixfill.indicator.Figures;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Value;

/** Every indicator of one workbook for the narrative template: {@code $v["1.2"]}. */
public final class IndicatorViews {

    private final Figures figures;

    IndicatorViews(Figures figures) {
        this.figures = figures;
    }

    /** The view of one indicator; an unknown code is an error, never an empty string. */
    public IndicatorView get(String code) {
        Indicator indicator = figures.catalogue().require(code);
        return new IndicatorView(indicator, figures.get(code));
    }

    /** A − B, for figures the appendix implies (overdue dossiers); missing when either is. */
    public IndicatorView difference(String minuend, String subtrahend) {
        Indicator indicator = figures.catalogue().require(minuend);
        if (figures.get(minuend) instanceof Value.Amount a && figures.get(subtrahend) instanceof Value.Amount b) {
            return new IndicatorView(indicator, new Value.Amount(a.number().subtract(b.number())));
        }
        figures.catalogue().require(subtrahend);
        return new IndicatorView(indicator, Value.MISSING);
    }
}
