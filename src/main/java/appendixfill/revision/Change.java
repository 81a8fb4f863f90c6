package appendixfill.revision;

import appendixfill.indicator.Indicator;
import appendixfill.indicator.Value;
import java.util.Objects;

/**
 * A cell a resubmission changed (một ô đã sửa): the indicator, what it held before and what it holds now.
 *
 * @param indicator the line of the form
 * @param before its value (or note) in the earlier workbook
 * @param after its value (or note) in the later one
 * @param note true for the line's Ghi chú, false for its value
 */
public record Change(Indicator indicator, Value before, Value after, boolean note) {

    /** A change of the line's value. */
    public Change(Indicator indicator, Value before, Value after) {
        this(indicator, before, after, false);
    }

    /** What became of the cell. */
    public enum Kind {
        /** A value replaced by another. */
        CHANGED("changed", "đã sửa"),
        /** A blank cell filled in. */
        ADDED("added", "điền thêm"),
        /** A value deleted. */
        REMOVED("removed", "đã xóa");

        private final String id;
        private final String word;

        Kind(String id, String word) {
            this.id = id;
            this.word = word;
        }

        /** As diff.csv says it. */
        public String id() {
            return id;
        }

        /** As the officer reads it. */
        public String word() {
            return word;
        }
    }

    public Change {
        Objects.requireNonNull(indicator);
        Objects.requireNonNull(before);
        Objects.requireNonNull(after);
        if (before.equals(after)) {
            throw new IllegalArgumentException(indicator.code() + " did not change");
        }
    }

    public Kind kind() {
        return !before.isPresent() && !(before instanceof Value.NotApplicable) ? Kind.ADDED
                : !after.isPresent() && !(after instanceof Value.NotApplicable) ? Kind.REMOVED : Kind.CHANGED;
    }
}
