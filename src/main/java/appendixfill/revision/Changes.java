package appendixfill.revision;

import appendixfill.indicator.Figures;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Value;
import appendixfill.indicator.VietnameseFormat;
import java.util.ArrayList;
import java.util.List;

/** What a resubmission changed: every cell the officer types whose value differs, in the form's order. */
public final class Changes {

    private Changes() {
    }

    /**
     * The cells whose values differ between two workbooks of one unit. Values are compared as
     * understood («46» typed as text and 46 are the same); derived rates are left out, since they
     * follow from the cells they are derived from.
     */
    public static List<Change> between(Figures before, Figures after) {
        List<Change> changes = new ArrayList<>();
        for (Indicator indicator : after.catalogue().indicators()) {
            if (!indicator.kind().isTyped()) {
                continue;
            }
            Value old = before.get(indicator.code());
            Value now = after.get(indicator.code());
            if (!old.equals(now)) {
                changes.add(new Change(indicator, old, now));
            }
        }
        return changes;
    }

    /** One change in a line: "1.1 «…»: 4 → 5". */
    public static String said(Change change) {
        return change.indicator().label() + ": " + VietnameseFormat.value(change.indicator(), change.before()) + " → "
                + VietnameseFormat.value(change.indicator(), change.after());
    }
}
