package appendixfill.report;

import appendixfill.indicator.Indicator;
import appendixfill.indicator.Value;
import appendixfill.indicator.VietnameseFormat;
import java.util.List;

/** One indicator as the narrative template sees it: {@code $v["7.2.4"]}. */
public final class IndicatorView {

    /** What the report prints where a value is missing; templates test {@code .present} first. */
    static final String MISSING = "…";

    private final Indicator indicator;
    private final Value value;

    IndicatorView(Indicator indicator, Value value) {
        this.indicator = indicator;
        this.value = value;
    }

    public boolean isPresent() {
        return value.isPresent();
    }

    public boolean isMissing() {
        return value instanceof Value.Missing;
    }

    public boolean isNotApplicable() {
        return value instanceof Value.NotApplicable;
    }

    public boolean isZero() {
        return value instanceof Value.Amount a && a.number().signum() == 0;
    }

    public boolean isPositive() {
        return value instanceof Value.Amount a && a.number().signum() > 0;
    }

    public boolean isYes() {
        return value instanceof Value.YesNo y && y.yes();
    }

    /** A text split into its lines; empty when missing. */
    public List<String> getLines() {
        return value instanceof Value.Text t ? t.text().lines().filter(l -> !l.isBlank()).toList() : List.of();
    }

    /** A date in prose: "ngày 20 tháng 11 năm 2023". */
    public String getProse() {
        return value instanceof Value.Day d ? VietnameseFormat.dateInProse(d) : MISSING;
    }

    Value value() {
        return value;
    }

    @Override
    public String toString() {
        return value instanceof Value.Missing ? MISSING : VietnameseFormat.value(indicator, value);
    }
}
