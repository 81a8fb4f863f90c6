package appendixfill.indicator;

import java.math.BigDecimal;

/** Numbers and dates as Vietnamese documents write them: 3.757.891.728; 61,09%; 20/11/2023. */
public final class VietnameseFormat {

    /** What the report says for a rate whose denominator is 0. */
    public static final String NOT_APPLICABLE = "không phát sinh";

    /** What a message says for a blank cell. */
    public static final String BLANK = "trống";

    private VietnameseFormat() {
    }

    /** 3757891728 → 3.757.891.728; 12.5 → 12,5 (as many decimals as the number has). */
    public static String number(BigDecimal number) {
        BigDecimal plain = number.stripTrailingZeros();
        return grouped(plain.scale() < 0 ? plain.setScale(0) : plain);
    }

    /** A count as a person reads it, wherever one is shown: 3306 → 3.306. */
    public static String count(long count) {
        return grouped(BigDecimal.valueOf(count));
    }

    /**
     * A percentage: 29,18%; 100%; a fraction always shows two decimals (75,50%). No space before the
     * sign, as the seed and official documents write it.
     */
    public static String percent(BigDecimal percent) {
        return percentFigure(percent) + "%";
    }

    /** A percentage without its sign, for a table whose unit column says %: 29,18; 100. */
    public static String percentFigure(BigDecimal percent) {
        boolean whole = percent.stripTrailingZeros().scale() <= 0;
        return grouped(percent.setScale(whole ? 0 : Rates.SCALE, Rates.ROUNDING));
    }

    /** A value as the officer reads it in a message or the report. */
    public static String value(Indicator indicator, Value value) {
        if (value instanceof Value.Amount amount) {
            return switch (indicator.kind()) {
                case RATE, PERCENT -> percent(amount.number());
                case YEAR -> amount.number().toPlainString();
                default -> number(amount.number());
            };
        }
        if (value instanceof Value.YesNo yesNo) {
            return yesNo.word();
        }
        if (value instanceof Value.Text text) {
            return text.text();
        }
        if (value instanceof Value.Day day) {
            return date(day);
        }
        return value instanceof Value.NotApplicable ? NOT_APPLICABLE : BLANK;
    }

    /** 20/11/2023, or 11/2023 when the day is not known. */
    public static String date(Value.Day day) {
        String monthYear = twoDigits(day.month()) + "/" + day.year();
        return day.hasDay() ? twoDigits(day.day()) + "/" + monthYear : monthYear;
    }

    /**
     * "ngày 20 tháng 11 năm 2023"; with no day, a blank is left for the signer to write it. As
     * Nghị định 30/2020/NĐ-CP asks, days below 10 and the months 1 and 2 take a leading zero
     * ("ngày 05 tháng 01 năm 2025").
     */
    public static String dateInProse(Value.Day day) {
        String dayPart = day.hasDay() ? twoDigits(day.day()) : "    ";
        String month = day.month() <= 2 ? twoDigits(day.month()) : String.valueOf(day.month());
        return "ngày " + dayPart + " tháng " + month + " năm " + day.year();
    }

    /** 5 → "05": String.format would start its whole formatter for this, on every run. */
    public static String twoDigits(int number) {
        return number >= 0 && number < 10 ? "0" + number : String.valueOf(number);
    }

    private static String grouped(BigDecimal number) {
        String digits = number.abs().toPlainString();
        int point = digits.indexOf('.');
        String whole = point < 0 ? digits : digits.substring(0, point);
        StringBuilder out = new StringBuilder(number.signum() < 0 ? "-" : "");
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                out.append('.');
            }
            out.append(whole.charAt(i));
        }
        if (point >= 0) {
            out.append(',').append(digits.substring(point + 1));
        }
        return out.toString();
    }
}
