package appendixfill.report;

import appendixfill.indicator.Figures;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Span;
import appendixfill.indicator.Value;
import appendixfill.indicator.VietnameseFormat;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The report's comparison with the unit's report of an earlier period («tăng … so với kỳ trước»),
 * said only from real values: both figures present, neither under an error.
 */
public final class PreviousView {

    private final Figures now;
    private final Optional<Figures> before;
    private final Optional<Span> earlier;
    private final Flags flags;

    PreviousView(Figures now, Optional<Figures> before, Optional<Span> earlier, Flags flags) {
        this.now = now;
        this.before = before;
        this.earlier = earlier;
        this.flags = flags;
    }

    /**
     * ", tăng 120 hồ sơ so với kỳ trước (6 tháng đầu năm 2025: 880 hồ sơ)", ", giảm …", ", bằng kỳ
     * trước (…)"; "" when there is no earlier report, or a figure is missing or under an error.
     */
    public String change(String code, String unit) {
        if (before.isEmpty() || earlier.isEmpty()) {
            return "";
        }
        Indicator indicator = now.catalogue().require(code);
        if (!(now.get(code) instanceof Value.Amount current) || !(before.get().get(code) instanceof Value.Amount old)
                || !flags.over(indicator).isEmpty()) {
            return "";
        }
        BigDecimal difference = current.number().subtract(old.number());
        String then = " (" + earlier.get() + ": " + VietnameseFormat.number(old.number()) + " " + unit + ")";
        if (difference.signum() == 0) {
            return ", bằng kỳ trước" + then;
        }
        return (difference.signum() > 0 ? ", tăng " : ", giảm ") + VietnameseFormat.number(difference.abs()) + " " + unit
                + " so với kỳ trước" + then;
    }
}
