package appendixfill.input;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What the officer left in a cell, before it is understood as a value. */
public sealed interface Typed {

    /** An empty cell. */
    record Blank() implements Typed {
    }

    /** A number; {@code percentStyle} when the cell shows it as a percentage (0,7 shown as 70%). */
    record Number(BigDecimal number, boolean percentStyle) implements Typed {
    }

    /** A number the spreadsheet shows as a date. */
    record Date(LocalDate date) implements Typed {
    }

    /** Text, as stored (not yet normalised). */
    record Text(String text) implements Typed {
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
