package appendixfill.input;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the officer left in a cell, before it is understood as a value.
 *
 * <p>The records a fill compares (completing a workbook compares each cell with what it will write)
 * say how they are equal themselves: a record's own equals and hashCode are linked through
 * invokedynamic when first called, 5 to 15 ms of a cold fill for each record class (measured).
 */
public sealed interface Typed {

    /** An empty cell. */
    record Blank() implements Typed {
        @Override
        public boolean equals(Object other) {
            return other instanceof Blank;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    /** A number; {@code percentStyle} when the cell shows it as a percentage (0,7 shown as 70%). */
    record Number(BigDecimal number, boolean percentStyle) implements Typed {
        @Override
        public boolean equals(Object other) {
            return other instanceof Number n && number.equals(n.number) && percentStyle == n.percentStyle;
        }

        @Override
        public int hashCode() {
            return 31 * number.hashCode() + Boolean.hashCode(percentStyle);
        }
    }

    /** A number the spreadsheet shows as a date. */
    record Date(LocalDate date) implements Typed {
    }

    /** Text, as stored (not yet normalised). */
    record Text(String text) implements Typed {
        @Override
        public boolean equals(Object other) {
            return other instanceof Text t && text.equals(t.text);
        }

        @Override
        public int hashCode() {
            return text.hashCode();
        }
    }

    /** TRUE or FALSE. */
    record Bool(boolean value) implements Typed {
    }

    /** A formula error such as #REF! or #DIV/0!. */
    record Error(String code) implements Typed {
    }

    /** A formula and the result the spreadsheet saved with it. */
    record Formula(String formula, Typed cached) implements Typed {
    }

    Typed BLANK = new Blank();
}
