package appendixfill.indicator;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The value of an indicator: a number, an answer, a text, a date, or why there is none.
 *
 * <p>Each record says how it is equal itself, as a typed cell's records do: a fill
 * compares values with those of the workbook it replaces, and a record's own equals is linked
 * through invokedynamic when first called (5 to 15 ms of a cold fill for each record class).
 */
public sealed interface Value {

    /** A number: a count, a typed percentage, a derived rate or a year. */
    record Amount(BigDecimal number) implements Value {
        public Amount {
            Objects.requireNonNull(number);
            number = number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
            if (number.scale() < 0) {
                number = number.setScale(0);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Amount a && number.equals(a.number);
        }

        @Override
        public int hashCode() {
            return number.hashCode();
        }

        public static Amount of(long number) {
            return new Amount(BigDecimal.valueOf(number));
        }
    }

    /** A yes/no answer (Có/Không). */
    record YesNo(boolean yes) implements Value {
        public String word() {
            return yes ? "Có" : "Không";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof YesNo y && yes == y.yes;
        }

        @Override
        public int hashCode() {
            return Boolean.hashCode(yes);
        }
    }

    /** A text, already NFC-normalised and trimmed. */
    record Text(String text) implements Value {
        public Text {
            if (text.isBlank()) {
                throw new IllegalArgumentException("a blank text is a missing value");
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Text t && text.equals(t.text);
        }

        @Override
        public int hashCode() {
            return text.hashCode();
        }
    }

    /** A date; the day may not be known yet (a report dated "tháng 11 năm 2023"). */
    record Day(int day, int month, int year) implements Value {
        public Day {
            if (month < 1 || month > 12 || day < 0 || day > 31) {
                throw new IllegalArgumentException("no such date: " + day + "/" + month + "/" + year);
            }
        }

        public boolean hasDay() {
            return day > 0;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Day d && day == d.day && month == d.month && year == d.year;
        }

        @Override
        public int hashCode() {
            return (year * 13 + month) * 32 + day;
        }
    }

    /** Nothing usable was entered (a blank cell, or text where a number belongs). */
    record Missing() implements Value {
        @Override
        public boolean equals(Object other) {
            return other instanceof Missing;
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }

    /** A rate whose denominator is 0: undefined, "không phát sinh", never 0% or 100%. */
    record NotApplicable() implements Value {
        @Override
        public boolean equals(Object other) {
            return other instanceof NotApplicable;
        }

        @Override
        public int hashCode() {
            return 2;
        }
    }

    Value MISSING = new Missing();
    Value NOT_APPLICABLE = new NotApplicable();

    default boolean isPresent() {
        return !(this instanceof Missing) && !(this instanceof NotApplicable);
    }
}
