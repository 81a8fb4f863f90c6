package appendixfill.revision;

import appendixfill.indicator.Figures;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Value;
import appendixfill.indicator.VietnameseFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /**
     * As {@link #between(Figures, Figures)}, and every Ghi chú that differs too, after its line's
     * value: a note is a cell the officer types as much as a figure.
     */
    public static List<Change> between(Figures before, Map<String, String> notesBefore, Figures after,
            Map<String, String> notesAfter) {
        List<Change> values = between(before, after);
        List<Change> all = new ArrayList<>();
        for (Indicator indicator : after.catalogue().indicators()) {
            values.stream().filter(c -> c.indicator() == indicator).forEach(all::add);
            Value old = note(notesBefore.get(indicator.code()));
            Value now = note(notesAfter.get(indicator.code()));
            if (!old.equals(now)) {
                all.add(new Change(indicator, old, now, true));
            }
        }
        return all;
    }

    private static Value note(String text) {
        return text == null || text.isBlank() ? Value.MISSING : new Value.Text(text.strip());
    }

    /** One change in a line: "1.1 «…»: 4 → 5". */
    public static String said(Change change) {
        return change.indicator().label() + ": " + VietnameseFormat.value(change.indicator(), change.before()) + " → "
                + VietnameseFormat.value(change.indicator(), change.after());
    }
}
