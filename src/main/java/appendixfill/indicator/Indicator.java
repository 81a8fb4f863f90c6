package appendixfill.indicator;

import java.util.List;
import java.util.Objects;

/**
 * An indicator (chỉ tiêu): one line of the appendix, or one field of the report's details.
 *
 * @param code stable key, the STT or a code derived from it (e.g. {@code 2.2.1.a})
 * @param stt the number printed in the STT column; empty for sub-rows
 * @param sheet where the indicator lives
 * @param kind what the cell holds
 * @param unit the unit printed in the table (Văn bản, Hồ sơ, %…)
 * @param choices the allowed values of a {@link Kind#CHOICE}
 * @param name the workbook's defined name for the value cell; empty for headings
 * @param numerator for a rate, the code of its numerator
 * @param denominator for a rate, the code of its denominator
 * @param consolidation how the indicator consolidates upward
 * @param wording the official Vietnamese wording
 * @param hint what the officer is told when typing the value
 * @param accrual for a count, how it behaves over the periods of a year; {@link Accrual#NONE} otherwise
 */
public record Indicator(String code, String stt, Sheet sheet, Kind kind, String unit,
        List<String> choices, String name, String numerator, String denominator,
        Consolidation consolidation, String wording, String hint, Accrual accrual) {

    public Indicator {
        Objects.requireNonNull(code);
        choices = List.copyOf(choices);
        if (kind == Kind.RATE && (numerator.isEmpty() || denominator.isEmpty())) {
            throw new IllegalArgumentException("rate " + code + " needs a numerator and a denominator");
        }
        if (kind != Kind.RATE && !(numerator.isEmpty() && denominator.isEmpty())) {
            throw new IllegalArgumentException(code + " is not a rate but names a numerator or denominator");
        }
        if ((kind == Kind.HEADING) != name.isEmpty()) {
            throw new IllegalArgumentException(code + ": headings, and only headings, have no defined name");
        }
        if ((kind == Kind.COUNT) == (accrual == Accrual.NONE)) {
            throw new IllegalArgumentException(code + ": counts, and only counts, say whether they are cumulative or a level");
        }
        if ((kind == Kind.CHOICE) == choices.isEmpty()) {
            throw new IllegalArgumentException(code + ": choices, and only choices, list their values");
        }
    }

    /**
     * How messages name this indicator to an officer: its STT and wording, or for a sub-row
     * without STT its wording and the STT it stands under.
     */
    public String label() {
        if (sheet == Sheet.DETAILS) {
            return "«" + wording + "»";
        }
        if (!stt.isEmpty() && !stt.equals("Trong đó")) {
            return stt + " «" + wording + "»";
        }
        return "«" + wording + "» (thuộc mục " + parentCode() + ")";
    }

    /**
     * How a table names the row in a column of its own: its STT, or its wording where it has
     * none (the sub-rows under a rate, «Trong đó», the report's details).
     */
    public String rowName() {
        return stt.isEmpty() || stt.equals("Trong đó") ? wording : stt;
    }

    /** The code of the numbered row this indicator belongs to. */
    public String parentCode() {
        int dot = code.lastIndexOf('.');
        boolean subRow = dot > 0 && !Character.isDigit(code.charAt(dot + 1));
        return subRow ? code.substring(0, dot) : code;
    }
}
