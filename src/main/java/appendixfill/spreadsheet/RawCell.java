package appendixfill.spreadsheet;

/**
 * A cell as a spreadsheet file stores it, before it is typed: the kind of its value, the value as
 * written (a number in its decimal text, a text, TRUE as "1"…), its formula and its number format.
 * Every format (.xlsx, .xls, .ods) reads into these; {@link CellTyping} alone says what they mean.
 *
 * @param value the value as text; "" for {@link Kind#EMPTY}
 * @param formula the formula without "=", or null when the cell has none
 * @param format the number format's code ("General", "0%", "dd/mm/yyyy"…)
 */
public record RawCell(Kind kind, String value, String formula, String format) {

    /** What a cell's value is stored as. */
    public enum Kind {
        /** No value (a styled empty cell, or a formula never calculated). */
        EMPTY,
        /** A number, in decimal text: a date too, when its format shows one. */
        NUMBER,
        /** A text. */
        TEXT,
        /** TRUE ("1") or FALSE ("0"). */
        BOOLEAN,
        /** A formula error such as #DIV/0!. */
        ERROR,
        /** A calendar date written as one (ISO 8601), as OpenDocument stores dates. */
        DATE
    }

    /** The format of a cell without one. */
    public static final String GENERAL = "General";

    public RawCell {
        java.util.Objects.requireNonNull(kind);
        java.util.Objects.requireNonNull(value);
        format = format == null ? GENERAL : format;
    }

    /** A cell holding only a text. */
    public static RawCell text(String text) {
        return new RawCell(Kind.TEXT, text, null, GENERAL);
    }

    /** True when the cell holds neither a value nor a formula. */
    public boolean isEmpty() {
        return formula == null && (kind == Kind.EMPTY || kind == Kind.TEXT && value.isEmpty());
    }
}
