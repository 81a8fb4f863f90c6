package appendixfill.rule;

import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Figures;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Kind;
import appendixfill.indicator.Rates;
import appendixfill.indicator.Status;
import appendixfill.indicator.Value;
import appendixfill.indicator.VietnameseFormat;
import appendixfill.input.Typed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the tool makes of one workbook's typed cells: the values understood, every rate derived
 * again, and every finding. A pure function of the typed cells.
 *
 * @param figures every value, entered and derived
 * @param statuses what became of each indicator's value
 * @param canonical what each typed cell should hold from now on
 * @param findings every finding, in the form's order
 */
public record Assessment(Figures figures, Map<String, Status> statuses, Map<String, Typed> canonical,
        List<Finding> findings) {

    /** How officers write "không phát sinh" in a rate's cell. */
    private static final java.util.Set<String> NOT_APPLICABLE_TYPED = java.util.Set.of(
            VietnameseFormat.NOT_APPLICABLE, "kps", "-", "–", "—", "/");

    public Assessment {
        statuses = Map.copyOf(statuses);
        canonical = Map.copyOf(canonical);
        findings = List.copyOf(findings);
    }

    /** Assesses the typed cells of one workbook; a cell not given is blank. */
    public static Assessment of(Catalogue catalogue, RuleBook rules, Map<String, Typed> typed) {
        return of(catalogue, rules, typed, List.of());
    }

    /**
     * Assesses the typed cells of one workbook, with what was found while reading it (rows of a
     * plain table matched by wording, rows that matched nothing); those about no indicator come first.
     */
    public static Assessment of(Catalogue catalogue, RuleBook rules, Map<String, Typed> typed, List<Finding> read) {
        Map<String, Value> entered = new LinkedHashMap<>(catalogue.mapCapacity());
        Map<String, Status> statuses = new LinkedHashMap<>(catalogue.mapCapacity());
        Map<String, Typed> canonical = new LinkedHashMap<>(catalogue.mapCapacity());
        List<Finding> findings = new ArrayList<>();
        for (Indicator indicator : catalogue.indicators()) {
            if (indicator.kind().isTyped()) {
                Interpretation reading = Interpretation.of(indicator, typed.getOrDefault(indicator.code(), Typed.BLANK));
                entered.put(indicator.code(), reading.value());
                canonical.put(indicator.code(), reading.canonical());
                statuses.put(indicator.code(), reading.value().isPresent() ? Status.ENTERED : Status.MISSING);
                findings.addAll(reading.findings());
            }
        }
        Figures figures = Figures.derive(catalogue, entered);
        for (Indicator rate : catalogue.indicators()) {
            if (rate.kind() == Kind.RATE) {
                Typed cell = typed.getOrDefault(rate.code(), Typed.BLANK);
                statuses.put(rate.code(), checkRate(figures, rate, cell, findings));
            }
        }
        findings.addAll(rules.check(figures));
        // A row the officer's table lacks is said once, as missing from the table, not also as left blank.
        java.util.Set<String> absent = read.stream().filter(f -> f.rule().equals("form.row-missing"))
                .map(Finding::code).collect(java.util.stream.Collectors.toSet());
        findings.removeIf(f -> f.rule().equals("input.missing") && absent.contains(f.code()));
        findings.addAll(read);
        findings.sort(inFormOrder(catalogue));
        return new Assessment(figures, statuses, canonical, findings);
    }

    /**
     * The same assessment with more findings (those of comparing it with the unit's report of an
     * earlier period), all in the form's order.
     */
    public Assessment with(List<Finding> more) {
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(more);
        all.sort(inFormOrder(figures.catalogue()));
        return new Assessment(figures, statuses, canonical, all);
    }

    /** Findings about no indicator first, then by the indicator's place in the form, errors before warnings. */
    private static Comparator<Finding> inFormOrder(Catalogue catalogue) {
        return Comparator.comparingInt((Finding f) -> catalogue.find(f.code()).isPresent()
                        ? catalogue.position(f.code()) : -1)
                .thenComparing(Finding::severity);
    }

    /**
     * Only the values of the typed cells, every rate derived: what comparing with an earlier period
     * needs of the earlier workbook, without the findings a full assessment makes.
     */
    public static Figures figures(Catalogue catalogue, Map<String, Typed> typed) {
        Map<String, Value> entered = new LinkedHashMap<>(catalogue.mapCapacity());
        for (Indicator indicator : catalogue.indicators()) {
            if (indicator.kind().isTyped()) {
                entered.put(indicator.code(), Interpretation.of(indicator,
                        typed.getOrDefault(indicator.code(), Typed.BLANK)).value());
            }
        }
        return Figures.derive(catalogue, entered);
    }

    /** True when some finding is an error. */
    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /**
     * Compares what the rate's cell held with the derived rate. The formula is always written
     * back; what the officer typed over it is reported, with the typed value.
     */
    private static Status checkRate(Figures figures, Indicator rate, Typed cell, List<Finding> findings) {
        Value derived = figures.get(rate.code());
        if (cell instanceof Typed.Formula) {
            // As nearly every rate of a workbook filled in the template: said only when there is no rate.
            if (derived instanceof Value.NotApplicable) {
                findings.add(new Finding(Severity.INFO, "rate.not-applicable", rate.code(),
                        rate.label() + ": " + computation(figures, rate) + ", tỷ lệ là «không phát sinh»."));
            }
            return status(derived);
        }
        String computation = computation(figures, rate);
        Optional<BigDecimal> typedNumber = typedNumber(cell);
        if (cell instanceof Typed.Blank) {
            if (derived instanceof Value.Amount) {
                findings.add(new Finding(Severity.WARNING, "rate.blank", rate.code(), rate.label()
                        + " để trống; " + computation + ". Đã điền công thức."));
                return Status.CORRECTED;
            }
            if (derived instanceof Value.NotApplicable) {
                findings.add(new Finding(Severity.INFO, "rate.not-applicable", rate.code(),
                        rate.label() + ": " + computation + ", tỷ lệ là «không phát sinh». Đã điền công thức."));
            }
            return status(derived);
        }
        String typedText = typedNumber.map(n -> VietnameseFormat.number(n) + "%").orElseGet(() -> Interpretation.describe(cell));
        boolean typedNotApplicable = cell instanceof Typed.Text t && NOT_APPLICABLE_TYPED.contains(
                Interpretation.normalise(t.text()).toLowerCase(java.util.Locale.ROOT));
        if (derived instanceof Value.NotApplicable && typedNotApplicable) {
            findings.add(new Finding(Severity.INFO, "rate.formula-restored", rate.code(), rate.label()
                    + " ghi tay " + Interpretation.describe(cell) + " (không phát sinh), đúng vì " + computation
                    + ". Đã thay chữ ghi tay bằng công thức."));
            return Status.NOT_APPLICABLE;
        }
        if (derived instanceof Value.NotApplicable) {
            findings.add(new Finding(Severity.ERROR, "rate.not-applicable-stated", rate.code(), rate.label()
                    + " ghi " + typedText + " nhưng " + computation + ": tỷ lệ là «không phát sinh», không phải "
                    + typedText + ". Đã khôi phục công thức."));
            return Status.NOT_APPLICABLE;
        }
        if (derived instanceof Value.Missing) {
            findings.add(new Finding(Severity.WARNING, "rate.unverifiable", rate.code(), rate.label()
                    + " ghi " + typedText + " nhưng thiếu số liệu để tính lại. Đã khôi phục công thức; "
                    + "hãy nhập đủ số liệu ở các dòng bên dưới."));
            return Status.MISSING;
        }
        BigDecimal value = ((Value.Amount) derived).number();
        if (typedNumber.isPresent() && agrees(typedNumber.get(), value)) {
            findings.add(new Finding(Severity.INFO, "rate.formula-restored", rate.code(), rate.label()
                    + " ghi tay " + typedText + ", khớp với " + computation + ". Đã thay số ghi tay bằng công thức."));
            return Status.DERIVED;
        }
        findings.add(new Finding(Severity.ERROR, "rate.typed-mismatch", rate.code(), rate.label()
                + " ghi " + typedText + " nhưng " + computation + ". Đã khôi phục công thức."));
        return Status.CORRECTED;
    }

    /** A typed rate agrees when it is the derived rate rounded to as many decimals as were typed. */
    private static boolean agrees(BigDecimal typed, BigDecimal derived) {
        int decimals = Math.max(0, Math.min(Rates.SCALE, typed.stripTrailingZeros().scale()));
        return derived.setScale(decimals, Rates.ROUNDING).compareTo(typed) == 0;
    }

    private static Optional<BigDecimal> typedNumber(Typed cell) {
        if (cell instanceof Typed.Number n) {
            return Optional.of(n.percentStyle() ? n.number().movePointRight(2) : n.number());
        }
        if (cell instanceof Typed.Text t) {
            String text = Interpretation.normalise(t.text());
            return Interpretation.parseNumber(text.endsWith("%") ? text.substring(0, text.length() - 1) : text);
        }
        return Optional.empty();
    }

    /** "96 ÷ 329 × 100 = 29,18%", or why it cannot be computed. */
    private static String computation(Figures figures, Indicator rate) {
        Value numerator = figures.get(rate.numerator());
        Value denominator = figures.get(rate.denominator());
        Value derived = figures.get(rate.code());
        String num = VietnameseFormat.value(figures.catalogue().require(rate.numerator()), numerator);
        String den = VietnameseFormat.value(figures.catalogue().require(rate.denominator()), denominator);
        if (derived instanceof Value.NotApplicable) {
            return figures.catalogue().require(rate.denominator()).label() + " = 0";
        }
        return num + " ÷ " + den + " × 100 = " + VietnameseFormat.value(rate, derived);
    }

    private static Status status(Value derived) {
        if (derived instanceof Value.NotApplicable) {
            return Status.NOT_APPLICABLE;
        }
        return derived.isPresent() ? Status.DERIVED : Status.MISSING;
    }
}
