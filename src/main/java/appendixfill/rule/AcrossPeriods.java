package appendixfill.rule;

import appendixfill.indicator.Accrual;
import appendixfill.indicator.Figures;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Kind;
import appendixfill.indicator.Rates;
import appendixfill.indicator.Span;
import appendixfill.indicator.Value;
import appendixfill.indicator.VietnameseFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rules that compare a workbook with the unit's report of an earlier period: a cumulative count
 * never goes down within a year ({@code period.decrease}); a count that changes by more than a
 * factor, once the two periods' lengths are allowed for, is a doubt ({@code period.jump}); the unit's
 * name or level written differently is said ({@code period.unit-changed}).
 *
 * @param decrease the rule for a cumulative count that went down
 * @param jump the rule for a count that changed by more than {@code factor}
 * @param factor how many times larger (or smaller) a count may become before it is a doubt
 * @param floor a jump is a doubt only when the larger of the two values is at least this (so 1 → 4 is not)
 */
public record AcrossPeriods(Described decrease, Described jump, BigDecimal factor, BigDecimal floor) {

    /** A rule of the pack as it is listed: its identifier, severity and advice. */
    public record Described(String id, Severity severity, String advice) {
        public Described {
            Objects.requireNonNull(id);
            Objects.requireNonNull(severity);
            Objects.requireNonNull(advice);
        }
    }

    /** The identifier of the info finding about the unit's name or level written differently. */
    public static final String UNIT_CHANGED = "period.unit-changed";

    public AcrossPeriods {
        Objects.requireNonNull(decrease);
        Objects.requireNonNull(jump);
        if (factor.compareTo(BigDecimal.ONE) <= 0 || floor.signum() < 0) {
            throw new IllegalArgumentException("a jump needs a factor above 1 and a floor of 0 or more, not "
                    + factor + " and " + floor);
        }
    }

    /**
     * The findings of comparing {@code now} with {@code before}, the same unit's report of the period
     * {@code earlier}; {@code now} reports on {@code later}, which must not come before it.
     */
    public List<Finding> compare(Figures before, Span earlier, Figures now, Span later) {
        List<Finding> findings = new ArrayList<>();
        unitDetail(before, earlier, now, "unit.level", findings);
        unitDetail(before, earlier, now, "unit.name", findings);
        for (Indicator indicator : now.catalogue().indicators()) {
            if (indicator.kind() != Kind.COUNT
                    || !(before.get(indicator.code()) instanceof Value.Amount old)
                    || !(now.get(indicator.code()) instanceof Value.Amount current)) {
                continue;
            }
            BigDecimal a = old.number();
            BigDecimal b = current.number();
            if (indicator.accrual() == Accrual.CUMULATIVE && later.covers(earlier) && b.compareTo(a) < 0) {
                findings.add(new Finding(decrease.severity(), decrease.id(), indicator.code(), indicator.label()
                        + " giảm từ " + shown(indicator, a) + " (" + earlier + ") xuống " + shown(indicator, b)
                        + " (" + later + "). " + decrease.advice()));
                continue;
            }
            jump(indicator, a, earlier, b, later).ifPresent(findings::add);
        }
        return findings;
    }

    /**
     * A jump: the change, as a ratio, beyond the factor either way. A cumulative count is compared
     * per month of its period, since a 6-month figure is naturally about twice a quarter's.
     */
    private Optional<Finding> jump(Indicator indicator, BigDecimal a, Span earlier, BigDecimal b,
            Span later) {
        if (a.max(b).compareTo(floor) < 0 || a.compareTo(b) == 0) {
            return Optional.empty();
        }
        boolean perMonth = indicator.accrual() == Accrual.CUMULATIVE && earlier.months() != later.months();
        BigDecimal from = perMonth ? a.multiply(BigDecimal.valueOf(later.months())) : a;
        BigDecimal to = perMonth ? b.multiply(BigDecimal.valueOf(earlier.months())) : b;
        boolean up = to.compareTo(from) > 0;
        BigDecimal small = up ? from : to;
        BigDecimal large = up ? to : from;
        if (small.signum() != 0 && large.compareTo(small.multiply(factor)) <= 0) {
            return Optional.empty();
        }
        String change = (b.compareTo(a) > 0 ? " tăng từ " : " giảm từ ") + shown(indicator, a) + " (" + earlier + ") "
                + (b.compareTo(a) > 0 ? "lên " : "xuống ") + shown(indicator, b) + " (" + later + ")";
        String ratio = small.signum() == 0 ? ""
                : (perMonth ? "; tính theo số tháng của mỗi kỳ (" + earlier.months() + " và " + later.months()
                        + " tháng), " : ", ")
                        + (up ? "gấp " : "giảm ") + VietnameseFormat.number(times(large, small)) + " lần";
        return Optional.of(new Finding(jump.severity(), jump.id(), indicator.code(), indicator.label()
                + change + ratio + ", vượt ngưỡng " + VietnameseFormat.number(factor) + " lần. " + jump.advice()));
    }

    /** large ÷ small, rounded as rates are. */
    private static BigDecimal times(BigDecimal large, BigDecimal small) {
        return Rates.round(large.divide(small, Rates.SCALE + 12, RoundingMode.DOWN)).stripTrailingZeros();
    }

    private static String shown(Indicator indicator, BigDecimal number) {
        return VietnameseFormat.value(indicator, new Value.Amount(number));
    }

    private static void unitDetail(Figures before, Span earlier, Figures now, String code, List<Finding> findings) {
        if (before.get(code) instanceof Value.Text old && now.get(code) instanceof Value.Text current
                && !old.text().equals(current.text())) {
            Indicator indicator = now.catalogue().require(code);
            findings.add(new Finding(Severity.INFO, UNIT_CHANGED, code, indicator.label() + " kỳ trước ("
                    + earlier + ") ghi «" + old.text() + "», kỳ này ghi «" + current.text() + "»."));
        }
    }

    /** What the rule across periods says, as a province reviews it. */
    public String wording(Described rule) {
        if (rule == decrease) {
            return "Số liệu lũy kế từ đầu năm (các dòng số liệu đếm cộng dồn từ ngày 1 tháng 1) của kỳ này ≥ của "
                    + "kỳ trước trong cùng năm. " + decrease.advice();
        }
        return "Mỗi số liệu đếm thay đổi không quá " + VietnameseFormat.number(factor) + " lần (tăng hay giảm) so với kỳ "
                + "trước; số liệu lũy kế tính theo số tháng của mỗi kỳ; chỉ xét khi số lớn hơn từ "
                + VietnameseFormat.number(floor) + " trở lên. " + jump.advice();
    }

    /**
     * Both rules across periods evaluated on a workbook and the unit's earlier report: the rows
     * compared (every count with a value in both), and each that goes down or jumps, with its
     * values; the figures' cells as {@code address} names them.
     */
    public List<Explanation> explain(Figures before, Span earlier, Figures now, Span later,
            Function<String, String> address) {
        List<Finding> findings = compare(before, earlier, now, later);
        List<Explanation> explanations = new ArrayList<>();
        for (Described rule : List.of(decrease, jump)) {
            List<Indicator> rows = now.catalogue().indicators().stream()
                    .filter(i -> i.kind() == Kind.COUNT && (rule == jump || i.accrual() == Accrual.CUMULATIVE))
                    .toList();
            long both = rows.stream().filter(i -> before.get(i.code()) instanceof Value.Amount
                    && now.get(i.code()) instanceof Value.Amount).count();
            String left = VietnameseFormat.count(both) + " số liệu " + (rule == decrease ? "lũy kế " : "đếm ")
                    + "có ở cả hai kỳ, kỳ này (" + later + ")";
            String right = "kỳ trước (" + earlier + ")" + (rule == jump ? ", thay đổi không quá "
                    + VietnameseFormat.number(factor) + " lần (chỉ xét khi số lớn hơn từ " + VietnameseFormat.number(floor)
                    + " trở lên)" : "");
            String operator = rule == decrease ? "≥" : "so với";
            if (rule == decrease && !later.covers(earlier)) {
                explanations.add(new Explanation(rule.id(), rule.severity(), rule.advice(), left, operator, right,
                        Explanation.Outcome.NOT_EVALUATED, "kỳ này không bao gồm các tháng của kỳ trước (khác năm, "
                                + "hoặc hai quý khác nhau): số liệu lũy kế không so sánh được"));
                continue;
            }
            List<String> failing = findings.stream().filter(f -> f.rule().equals(rule.id()))
                    .map(f -> cell(address, f.code()) + withoutAdvice(f.message(), rule.advice())).toList();
            String lacking = rows.size() > both ? "; " + VietnameseFormat.count(rows.size() - both)
                    + " dòng không có số liệu ở một trong hai kỳ, không so sánh" : "";
            explanations.add(new Explanation(rule.id(), rule.severity(), rule.advice(), left, operator, right,
                    failing.isEmpty() ? Explanation.Outcome.HOLDS : Explanation.Outcome.FAILS,
                    (failing.isEmpty() ? "không số liệu nào " + (rule == decrease ? "giảm" : "thay đổi quá ngưỡng")
                            : String.join("; ", failing)) + lacking));
        }
        return explanations;
    }

    /** "ô Phụ lục I!D41: ", or nothing for a figure without a cell. */
    private static String cell(Function<String, String> address, String code) {
        String cell = address.apply(code);
        return cell.isEmpty() ? "" : "ô " + cell + ": ";
    }

    /** A finding's message without the rule's advice (the explanation says it once) and its final stop. */
    private static String withoutAdvice(String message, String advice) {
        String said = message.endsWith(" " + advice) ? message.substring(0, message.length() - advice.length() - 1)
                : message;
        return said.endsWith(".") ? said.substring(0, said.length() - 1) : said;
    }

    /** A rule across periods explained on a workbook alone: it needs the earlier report. */
    public Explanation unevaluated(Described rule) {
        return new Explanation(rule.id(), rule.severity(), rule.advice(), "", "", "",
                Explanation.Outcome.NOT_EVALUATED, "cần biểu kỳ trước của đơn vị (appendix-fill explain TỆP.xlsx "
                        + "--previous TỆP-KỲ-TRƯỚC.xlsx)");
    }
}
