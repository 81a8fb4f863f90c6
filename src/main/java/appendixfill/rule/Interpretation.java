package appendixfill.rule;

import appendixfill.indicator.Indicator;
import appendixfill.indicator.Kind;
import appendixfill.indicator.Sheet;
import appendixfill.indicator.Value;
import appendixfill.input.Typed;
import appendixfill.indicator.Unicode;
import appendixfill.indicator.UnitName;
import appendixfill.indicator.VietnameseFormat;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a typed cell is understood, as officers really leave them: "1.234" is 1234, "12,5" is 12,5,
 * "46 nhiệm vụ" is 46 with a warning, a blank is missing (never 0).
 *
 * @param value the value understood
 * @param canonical what the cell should hold from now on (the typed content when nothing changes)
 * @param findings what the officer is told about the cell
 */
public record Interpretation(Value value, Typed canonical, List<Finding> findings) {

    /** Details the report cannot do without. */
    private static final Set<String> REQUIRED_DETAILS = Set.of("unit.level", "unit.name", "period", "year");

    /** The unit's name, typed without its level («Tên đơn vị (không ghi cấp)»). */
    private static final String UNIT_NAME = "unit.name";

    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(?:[. ]\\d{3})+(?:,\\d+)?");
    private static final Pattern COMMA_DECIMAL = Pattern.compile("-?\\d+(?:,\\d+)?");
    private static final Pattern DOT_DECIMAL = Pattern.compile("-?\\d+\\.\\d+");
    private static final Pattern LEADING_NUMBER = Pattern.compile("(-?[\\d., ]*\\d)\\s*(\\S.*)");
    private static final Pattern DATE = Pattern.compile("(?:(\\d{1,2})[/.-])?(\\d{1,2})[/.-](\\d{4})");
    private static final Pattern MARK = Pattern.compile("\\p{M}");
    private static final Pattern NOT_FOLDED = Pattern.compile("[^a-z0-9 ]");

    /** The choices of the catalogue folded, each once: thousands of workbooks are matched against them. */
    private static final java.util.Map<String, String> FOLDED_CHOICES = new java.util.concurrent.ConcurrentHashMap<>();

    public Interpretation {
        findings = List.copyOf(findings);
    }

    /** Understands what was typed for an indicator the officer fills (not a heading or a rate). */
    public static Interpretation of(Indicator indicator, Typed typed) {
        return new Reader(indicator).read(typed);
    }

    /** Parses a number as Vietnamese documents write it; empty when the text is not a number. */
    public static Optional<BigDecimal> parseNumber(String text) {
        String s = text.strip().replace('\u00a0', ' ');
        if (GROUPED.matcher(s).matches()) {
            return Optional.of(new BigDecimal(s.replace(".", "").replace(" ", "").replace(',', '.')));
        }
        if (COMMA_DECIMAL.matcher(s).matches()) {
            return Optional.of(new BigDecimal(s.replace(',', '.')));
        }
        if (DOT_DECIMAL.matcher(s).matches()) {
            return Optional.of(new BigDecimal(s));
        }
        return Optional.empty();
    }

    /** NFC, trimmed, inner runs of white space folded to one space (line breaks kept). */
    public static String normalise(String text) {
        if (isNormalised(text)) {
            return text;
        }
        String nfc = Unicode.nfc(text).replace('\u00a0', ' ');
        StringBuilder out = new StringBuilder(nfc.length());
        // Lines as String.lines() splits them: at \n, \r or \r\n, a break at the very end ending no line.
        for (int start = 0; start < nfc.length(); ) {
            int end = start;
            while (end < nfc.length() && nfc.charAt(end) != '\n' && nfc.charAt(end) != '\r') {
                end++;
            }
            if (start > 0) {
                out.append('\n');
            }
            appendLine(out, nfc, start, end);
            start = nfc.startsWith("\r\n", end) ? end + 2 : end + 1;
        }
        return out.toString().strip();
    }

    /** The line stripped, each run of spaces and tabs in it made one space. */
    private static void appendLine(StringBuilder out, String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t') {
                out.append(' ');
                while (i + 1 < end && (text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t')) {
                    i++;
                }
            } else {
                out.append(c);
            }
        }
    }

    /**
     * True when {@link #normalise} would give the text back as it is, as nearly every cell does:
     * one line in NFC, no white space but single spaces between words.
     */
    private static boolean isNormalised(String text) {
        boolean afterSpace = true;
        boolean beyondLatin = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                if (afterSpace) {
                    return false;
                }
                afterSpace = true;
                continue;
            }
            if (c < 0x20 || c == '\u00a0' || Character.isWhitespace(c) || Character.isSurrogate(c)) {
                return false;
            }
            afterSpace = false;
            beyondLatin |= c >= 0x300;
        }
        return (text.isEmpty() || !afterSpace) && (!beyondLatin || Unicode.nfc(text).equals(text));
    }

    /**
     * What a cell held, as a message quotes it: «text», 12,5, 01/02/2023, TRUE, #REF!, "trống"; a
     * formula by its result.
     */
    static String describe(Typed typed) {
        if (typed instanceof Typed.Text t) {
            return "«" + normalise(t.text()) + "»";
        }
        if (typed instanceof Typed.Number n) {
            return VietnameseFormat.number(n.percentStyle() ? n.number().movePointRight(2) : n.number())
                    + (n.percentStyle() ? "%" : "");
        }
        if (typed instanceof Typed.Date d) {
            return VietnameseFormat.date(new Value.Day(d.date().getDayOfMonth(), d.date().getMonthValue(),
                    d.date().getYear()));
        }
        if (typed instanceof Typed.Bool b) {
            return b.value() ? "TRUE" : "FALSE";
        }
        if (typed instanceof Typed.Error e) {
            return e.code();
        }
        if (typed instanceof Typed.Formula f) {
            return describe(f.cached());
        }
        return VietnameseFormat.BLANK;
    }

    /** Reads one cell for one indicator, collecting findings. */
    private static final class Reader {
        private final Indicator indicator;
        private final List<Finding> findings = new ArrayList<>();

        Reader(Indicator indicator) {
            if (!indicator.kind().isTyped()) {
                throw new IllegalArgumentException(indicator.code() + " is not typed by the officer");
            }
            this.indicator = indicator;
        }

        Interpretation read(Typed typed) {
            if (typed instanceof Typed.Formula formula) {
                // A formula the officer wrote in an input cell is theirs: use its result, keep it.
                Interpretation result = read(formula.cached());
                return new Interpretation(result.value(), typed, result.findings());
            }
            if (typed instanceof Typed.Blank || typed instanceof Typed.Text t && normalise(t.text()).isEmpty()) {
                return missing(typed);
            }
            if (typed instanceof Typed.Error error) {
                return invalid(typed, "input.formula-error", "ô có lỗi công thức " + error.code()
                        + "; hãy sửa công thức hoặc nhập số trực tiếp.");
            }
            return switch (indicator.kind()) {
                case COUNT, PERCENT, YEAR -> number(typed);
                case YES_NO -> yesNo(typed);
                case TEXT -> text(typed);
                case CHOICE -> choice(typed);
                case DATE -> date(typed);
                default -> throw new IllegalStateException("not a typed kind: " + indicator.kind());
            };
        }

        private Interpretation number(Typed typed) {
            BigDecimal number;
            Typed canonical = typed;
            if (typed instanceof Typed.Number n) {
                number = n.percentStyle() && indicator.kind() == Kind.PERCENT
                        ? n.number().movePointRight(2) : n.number();
                if (n.percentStyle() && indicator.kind() == Kind.PERCENT) {
                    canonical = new Typed.Number(number, false);
                }
            } else if (typed instanceof Typed.Text t) {
                String text = normalise(t.text());
                Optional<BigDecimal> parsed = parseNumber(stripPercent(text));
                if (parsed.isEmpty()) {
                    Matcher m = LEADING_NUMBER.matcher(text);
                    parsed = m.matches() ? parseNumber(m.group(1)) : Optional.empty();
                    if (parsed.isEmpty()) {
                        return invalid(typed, "input.not-a-number", "ghi «" + text + "», không phải là số. "
                                + validNumber());
                    }
                    add(Severity.WARNING, "input.number-with-text", "ghi «" + text + "»; đã lấy số "
                            + VietnameseFormat.number(parsed.get()) + " và bỏ phần chữ «" + m.group(2)
                            + "». Kiểm tra lại số này.");
                } else {
                    add(Severity.INFO, "input.text-to-number", "ghi «" + text + "» dạng chữ; đã chuyển thành số "
                            + VietnameseFormat.number(parsed.get()) + ".");
                }
                number = parsed.get();
                canonical = new Typed.Number(number, false);
            } else if (typed instanceof Typed.Date d) {
                return invalid(typed, "input.date", "hiển thị ngày " + d.date().getDayOfMonth() + "/"
                        + d.date().getMonthValue() + ": có thể Excel đã đổi số vừa gõ thành ngày tháng. "
                        + "Định dạng lại ô là số và nhập lại. " + validNumber());
            } else {
                return invalid(typed, "input.not-a-number", "ghi " + describe(typed) + ", không phải là số. "
                        + validNumber());
            }
            return checkRange(number, canonical, typed);
        }

        private Interpretation checkRange(BigDecimal number, Typed canonical, Typed typed) {
            String shown = VietnameseFormat.number(number);
            switch (indicator.kind()) {
                case COUNT -> {
                    if (number.signum() < 0) {
                        return invalid(typed, "input.negative", "ghi " + shown + ", là số âm. " + validNumber());
                    }
                    if (number.stripTrailingZeros().scale() > 0) {
                        return invalid(typed, "input.fraction", "ghi " + shown + ", không phải số nguyên. "
                                + validNumber());
                    }
                }
                case PERCENT -> {
                    if (number.signum() < 0 || number.compareTo(BigDecimal.valueOf(100)) > 0) {
                        return invalid(typed, "percent.range", "ghi " + shown + "%, ngoài khoảng 0–100. "
                                + validNumber());
                    }
                }
                case YEAR -> {
                    if (number.stripTrailingZeros().scale() > 0 || number.intValue() < 2000 || number.intValue() > 2100) {
                        return invalid(typed, "year.invalid", "ghi " + shown + ". " + validNumber());
                    }
                }
                default -> throw new IllegalStateException();
            }
            return done(new Value.Amount(number), canonical);
        }

        private Interpretation yesNo(Typed typed) {
            if (typed instanceof Typed.Bool b) {
                Value.YesNo answer = new Value.YesNo(b.value());
                return done(answer, new Typed.Text(answer.word()));
            }
            String text = typed instanceof Typed.Text t ? normalise(t.text()) : "";
            String folded = fold(text);
            Value.YesNo answer;
            if (Set.of("co", "c", "x", "yes", "y", "1").contains(folded)) {
                answer = new Value.YesNo(true);
            } else if (Set.of("khong", "k", "ko", "no", "n", "0").contains(folded)) {
                answer = new Value.YesNo(false);
            } else {
                return invalid(typed, "yesno.invalid", "ghi " + describe(typed) + ". Chỉ ghi «Có» hoặc «Không».");
            }
            if (!text.equals(answer.word())) {
                add(Severity.INFO, "input.yes-no-spelling", "ghi «" + text + "»; đã ghi lại thành «"
                        + answer.word() + "».");
            }
            return done(answer, new Typed.Text(answer.word()));
        }

        private Interpretation text(Typed typed) {
            String text;
            if (typed instanceof Typed.Text t) {
                text = normalise(t.text());
            } else if (typed instanceof Typed.Number n) {
                text = n.number().stripTrailingZeros().toPlainString();
            } else {
                text = describe(typed);
            }
            if (indicator.code().equals(UNIT_NAME)) {
                // The level has a cell of its own: typed again in front of the name it would be printed twice.
                String level = UnitName.level(text);
                if (!level.isEmpty()) {
                    String name = UnitName.withoutLevel(text);
                    add(Severity.INFO, "unit.level-in-name", "ghi «" + text + "»; đã bỏ «" + level
                            + "» ở đầu tên, vì cấp đơn vị ghi ở ô «Cấp đơn vị». Tên đơn vị là «" + name + "».");
                    text = name;
                }
            }
            return done(new Value.Text(text), new Typed.Text(text));
        }

        private Interpretation choice(Typed typed) {
            String text = typed instanceof Typed.Text t ? normalise(t.text()) : describe(typed);
            String wanted = fold(text).replace("quy 1", "quy i").replace("quy 2", "quy ii")
                    .replace("quy 3", "quy iii").replace("quy 4", "quy iv").replace("ca nam", "nam");
            for (String choice : indicator.choices()) {
                if (FOLDED_CHOICES.computeIfAbsent(choice, Reader::fold).equals(wanted)) {
                    return done(new Value.Text(choice), new Typed.Text(choice));
                }
            }
            return invalid(typed, "choice.invalid", "ghi «" + text + "». Chọn một trong: "
                    + String.join(", ", indicator.choices()) + ".");
        }

        private Interpretation date(Typed typed) {
            if (typed instanceof Typed.Date d) {
                return done(new Value.Day(d.date().getDayOfMonth(), d.date().getMonthValue(), d.date().getYear()), typed);
            }
            String text = typed instanceof Typed.Text t ? normalise(t.text()) : describe(typed);
            Matcher m = DATE.matcher(text);
            if (m.matches()) {
                int day = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
                int month = Integer.parseInt(m.group(2));
                int year = Integer.parseInt(m.group(3));
                // Month, not YearMonth, whose class builds a date formatter on first use (6 ms of a fill).
                if (month >= 1 && month <= 12 && day <= java.time.Month.of(month).length(
                        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))) {
                    Value.Day value = new Value.Day(day, month, year);
                    return done(value, new Typed.Text(VietnameseFormat.date(value)));
                }
            }
            return invalid(typed, "date.invalid", "ghi «" + text + "», không phải ngày hợp lệ. "
                    + "Ghi dạng ngày/tháng/năm, ví dụ 20/11/2023, hoặc tháng/năm, ví dụ 11/2023.");
        }

        private Interpretation missing(Typed typed) {
            if (indicator.sheet() == Sheet.APPENDIX) {
                add(Severity.WARNING, "input.missing", indicator.kind() == Kind.YES_NO
                        ? "để trống. Ghi «Có» hoặc «Không»."
                        : "để trống. Nếu không có thì ghi 0; ô trống được hiểu là chưa có số liệu, không phải là 0.");
            } else if (REQUIRED_DETAILS.contains(indicator.code())) {
                add(Severity.ERROR, "input.missing", "để trống; báo cáo cần thông tin này.");
            }
            return done(Value.MISSING, typed);
        }

        private Interpretation invalid(Typed typed, String rule, String message) {
            // The value is refused: what was said about reading it no longer matters.
            findings.clear();
            add(Severity.ERROR, rule, message);
            return done(Value.MISSING, typed);
        }

        private Interpretation done(Value value, Typed canonical) {
            return new Interpretation(value, canonical, findings);
        }

        private void add(Severity severity, String rule, String message) {
            findings.add(new Finding(severity, rule, indicator.code(), indicator.label() + " " + message));
        }

        private String validNumber() {
            return switch (indicator.kind()) {
                case COUNT -> "Giá trị hợp lệ: số nguyên từ 0 trở lên, ví dụ 46 hoặc 1.234.";
                case PERCENT -> "Giá trị hợp lệ: số từ 0 đến 100, ví dụ 70 hoặc 12,5.";
                case YEAR -> "Giá trị hợp lệ: năm gồm 4 chữ số, ví dụ 2023.";
                default -> "";
            };
        }

        private static String stripPercent(String text) {
            return text.endsWith("%") ? text.substring(0, text.length() - 1).strip() : text;
        }

        /** Lower case without diacritics, for matching answers typed loosely ("khong" for "Không"). */
        private static String fold(String text) {
            String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
            return NOT_FOLDED.matcher(MARK.matcher(decomposed).replaceAll("").replace('đ', 'd')).replaceAll("").strip();
        }
    }
}
