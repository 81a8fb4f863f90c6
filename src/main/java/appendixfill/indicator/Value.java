package appendixfill.indicator;

import java.math.BigDecimal;
import java.util.Objects;

/** The value of an indicator: a number, an answer, a text, a date, or why there is none. */
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

        public static Amount of(long number) {
            return new Amount(BigDecimal.valueOf(number));
        }
    }

    /** A yes/no answer (Có/Không). */
    record YesNo(boolean yes) implements Value {
        public String word() {
            return yes ? "Có" : "Không";
        }
    }

    /** A text, already NFC-normalised and trimmed. */
    record Text(String text) implements Value {
        public Text {
            if (text.isBlank()) {
                throw new IllegalArgumentException("a blank text is a missing value");
            }
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
    }

    /** Nothing usable was entered (a blank cell, or text where a number belongs). */
    record Missing() implements Value {
    }

    /** A rate whose denominator is 0: undefined, "không phát sinh", never 0% or 100%. */
    record NotApplicable() implements Value {
    }

    Value MISSING = new Missing();
    Value NOT_APPLICABLE = new NotApplicable();

    default boolean isPresent() {
        return !(this instanceof Missing) && !(this instanceof NotApplicable);
    }
}
