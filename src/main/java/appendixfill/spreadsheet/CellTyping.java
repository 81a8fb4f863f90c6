package appendixfill.spreadsheet;

import appendixfill.input.Typed;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * What a stored cell means as typed: the one place where a number becomes a date (by its format and
 * the workbook's date system), a percentage style is seen, and a formula keeps its saved result.
 * Every reader of every format goes through it.
 */
public final class CellTyping {

    /** Date or not, by format code: the same few formats recur in every workbook. Bounded. */
    private static final Map<String, Boolean> DATE_FORMATS = new ConcurrentHashMap<>();

    private CellTyping() {
    }

    /**
     * The cell as typed.
     *
     * @param date1904 the workbook counts dates from 1904 (Excel for Mac's old system)
     */
    public static Typed type(RawCell cell, boolean date1904) {
        if (cell.formula() != null) {
            return new Typed.Formula(cell.formula(), value(cell, date1904, true));
        }
        return value(cell, date1904, false);
    }

    private static Typed value(RawCell cell, boolean date1904, boolean formula) {
        String value = cell.value();
        return switch (cell.kind()) {
            // A formula never calculated shows 0 in Excel until it is.
            case EMPTY -> formula ? new Typed.Number(BigDecimal.ZERO, isPercent(cell.format())) : Typed.BLANK;
            case TEXT -> value.isEmpty() ? Typed.BLANK : new Typed.Text(value);
            case BOOLEAN -> new Typed.Bool(value.strip().equals("1") || value.strip().equalsIgnoreCase("true"));
            case ERROR -> new Typed.Error(value.strip().isEmpty() ? "#VALUE!" : value.strip());
            case DATE -> date(value);
            case NUMBER -> number(value, cell.format(), date1904);
        };
    }

    private static Typed number(String value, String format, boolean date1904) {
        double number;
        try {
            number = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            // A number cell whose value is not a number: what is there is shown as it is.
            return value.isBlank() ? Typed.BLANK : new Typed.Text(value);
        }
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            return new Typed.Error("#NUM!");
        }
        if (isDate(format) && DateUtil.isValidExcelDate(number)) {
            return new Typed.Date(DateUtil.getLocalDateTime(number, date1904).toLocalDate());
        }
        // The double a spreadsheet holds, as its shortest decimal: 0.1 stays 0.1.
        return new Typed.Number(new BigDecimal(Double.toString(number)), isPercent(format));
    }

    private static Typed date(String value) {
        try {
            return new Typed.Date(LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value));
        } catch (DateTimeParseException e) {
            return new Typed.Text(value);
        }
    }

    /** True when the format shows a percentage. */
    static boolean isPercent(String format) {
        return format.indexOf('%') >= 0;
    }

    /** As Excel decides it (POI's DateUtil), memoised: a number in this format shows a date. */
    static boolean isDate(String format) {
        if (!mayBeDate(format)) {
            // Most formats (General, 0.##, 0%) are told at once, without DateUtil's regular
            // expressions: starting those is a noticeable part of a single fill.
            return false;
        }
        Boolean known = DATE_FORMATS.get(format);
        if (known == null) {
            known = DateUtil.isADateFormat(-1, format);
            if (DATE_FORMATS.size() < 10_000) {
                DATE_FORMATS.put(format, known);
            }
        }
        return known;
    }

    /** False when a format cannot show a date: no d, m, y, h or s in it. */
    private static boolean mayBeDate(String format) {
        for (int i = 0; i < format.length(); i++) {
            if ("dmyhsDMYHS".indexOf(format.charAt(i)) >= 0) {
                return !format.equals(RawCell.GENERAL);
            }
        }
        return false;
    }
}
