package appendixfill.rule;

import java.util.Objects;

/**
 * A rule evaluated on one workbook, side by side (giải thích quy tắc): what each side is, where its
 * figures come from and what they hold, and what came of comparing them.
 *
 * @param rule the rule's identifier
 * @param severity what a rule that does not hold makes
 * @param advice the rule's own wording
 * @param left the left side: its rows, their cells and values, and their total
 * @param operator how the sides are compared: ≤, =, "> 0 thì"
 * @param right the right side, as the left
 * @param outcome what came of it
 * @param result the outcome said: the two totals compared, or which value was missing
 */
public record Explanation(String rule, Severity severity, String advice, String left, String operator, String right,
        Outcome outcome, String result) {

    /** What came of evaluating a rule. */
    public enum Outcome {
        HOLDS("đạt"),
        FAILS("không đạt"),
        NOT_EVALUATED("không kiểm tra được");

        private final String word;

        Outcome(String word) {
            this.word = word;
        }

        /** As the explanation says it. */
        public String word() {
            return word;
        }
    }

    public Explanation {
        Objects.requireNonNull(rule);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(outcome);
    }

    /** The explanation as the officer reads it, a few lines. */
    public String said() {
        StringBuilder out = new StringBuilder(rule + " (" + severity.word() + "): " + advice + "\n");
        if (!left.isEmpty()) {
            out.append("  Vế trái: ").append(left).append('\n');
            out.append("  So sánh: ").append(operator).append('\n');
            out.append("  Vế phải: ").append(right).append('\n');
        }
        out.append("  Kết quả: ").append(outcome.word()).append(result.isEmpty() ? "" : ": " + result).append(".\n");
        return out.toString();
    }
}
