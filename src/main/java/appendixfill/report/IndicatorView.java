package appendixfill.report;

import appendixfill.indicator.Indicator;
import appendixfill.indicator.Value;
import appendixfill.indicator.VietnameseFormat;
import appendixfill.rule.Finding;
import java.util.List;

/** One indicator as the narrative template sees it: {@code $v["7.2.4"]}. */
public final class IndicatorView {

    /** What the report prints where a value is missing; templates test {@code .present} first. */
    static final String MISSING = "…";

    private final Indicator indicator;
    private final Value value;
    private final String key;
    private final List<Finding> errors;
    private final Flags flags;

    IndicatorView(Indicator indicator, Value value, String key, List<Finding> errors, Flags flags) {
        this.indicator = indicator;
        this.value = value;
        this.key = key;
        this.errors = List.copyOf(errors);
        this.flags = flags;
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

    /**
     * True when the report would print a figure that an error finding puts in doubt (its own, or
     * for a rate, its parts'): never to be stated as an achievement.
     */
    public boolean isFlagged() {
        return !errors.isEmpty() && !(value instanceof Value.Missing);
    }

    /** A text split into its lines; empty when missing. */
    public List<String> getLines() {
        return value instanceof Value.Text t
                ? Marks.clean(t.text()).lines().filter(l -> !l.isBlank()).toList() : List.of();
    }

    /** A date in prose: "ngày 20 tháng 11 năm 2023". */
    public String getProse() {
        return value instanceof Value.Day d ? VietnameseFormat.dateInProse(d) : MISSING;
    }

    Value value() {
        return value;
    }

    /** The value as the report prints it; a flagged figure carries its mark for the Word report. */
    @Override
    public String toString() {
        if (value instanceof Value.Missing) {
            return MISSING;
        }
        String printed = Marks.clean(VietnameseFormat.value(indicator, value));
        return isFlagged() ? flags.print(key, errors, printed) : printed;
    }
}
