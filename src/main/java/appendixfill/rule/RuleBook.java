package appendixfill.rule;

import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Figures;
import appendixfill.indicator.Span;
import appendixfill.indicator.TabSeparated;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** The consistency rules of the form: those written as data in the rules file, and those in code. */
public final class RuleBook {

    /** The classpath resource the build copies from {@code workbook-templates/}. */
    public static final String RESOURCE = "/workbook-templates/phu-luc-i.rules.tsv";

    private static final List<String> COLUMNS = List.of("id", "severity", "left", "op", "right", "advice");

    /**
     * The version of the rule pack, recorded with every submission: raised with every change to the
     * rules file (a test holds the file to its checksum, so a change without a new version fails).
     */
    public static final String VERSION = "2026.1";

    /** The rules across periods when a rules file has none: a count ×3 or ÷3, from 10. */
    private static final AcrossPeriods DEFAULT_ACROSS_PERIODS = new AcrossPeriods(
            new AcrossPeriods.Described("period.decrease", Severity.ERROR, ""),
            new AcrossPeriods.Described("period.jump", Severity.WARNING, ""), BigDecimal.valueOf(3), BigDecimal.TEN);

    private static RuleBook standard;

    private final List<Rule> rules;
    private final AcrossPeriods acrossPeriods;

    public RuleBook(List<Rule> rules) {
        this(rules, DEFAULT_ACROSS_PERIODS);
    }

    public RuleBook(List<Rule> rules, AcrossPeriods acrossPeriods) {
        this.rules = List.copyOf(rules);
        this.acrossPeriods = acrossPeriods;
    }

    /** The rules shipped with the tool, checked against the standard catalogue, read once. */
    public static synchronized RuleBook standard() {
        if (standard == null) {
            standard = TabSeparated.resource(RESOURCE, in -> parse(in, Catalogue.standard()));
        }
        return standard;
    }

    /** Reads the rules file and adds the rules written in code. */
    public static RuleBook parse(InputStream in, Catalogue catalogue) throws IOException {
        List<Rule> rules = new ArrayList<>();
        AcrossPeriods.Described decrease = null;
        AcrossPeriods.Described jump = null;
        BigDecimal factor = null;
        BigDecimal floor = null;
        for (String[] cells : TabSeparated.read(in, COLUMNS, "rules")) {
            if (cells[3].equals(">=") && cells[4].equals("previous")) {
                decrease = new AcrossPeriods.Described(cells[0], Severity.of(cells[1]), cells[5]);
                continue;
            }
            if (cells[3].equals("×")) {
                String[] parameters = cells[4].split(";");
                if (parameters.length != 2) {
                    throw new IllegalArgumentException("rule " + cells[0] + ": right must be FACTOR; FLOOR, not "
                            + cells[4]);
                }
                jump = new AcrossPeriods.Described(cells[0], Severity.of(cells[1]), cells[5]);
                factor = new BigDecimal(parameters[0].strip());
                floor = new BigDecimal(parameters[1].strip());
                continue;
            }
            Comparison rule = new Comparison(cells[0], Severity.of(cells[1]), terms(cells[2]), cells[3],
                    terms(cells[4]), cells[5]);
            rule.requireKnown(catalogue);
            rules.add(rule);
        }
        rules.add(new OnlineDossiers());
        if (decrease == null || jump == null) {
            throw new IllegalArgumentException("rules: the rules across periods (op >= previous, op ×) are missing");
        }
        return new RuleBook(rules, new AcrossPeriods(decrease, jump, factor, floor));
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The rules that compare a workbook with the unit's report of an earlier period. */
    public AcrossPeriods acrossPeriods() {
        return acrossPeriods;
    }

    /** A rule as the pack lists it: identifier, severity, wording. */
    public record Entry(String id, Severity severity, String wording) {
    }

    /** Every rule of the pack, those across periods last, as {@code appendix-fill rules} lists them. */
    public List<Entry> entries(Catalogue catalogue) {
        List<Entry> entries = new ArrayList<>();
        for (Rule rule : rules) {
            entries.add(new Entry(rule.id(), rule.severity(), rule.wording(catalogue)));
        }
        for (AcrossPeriods.Described rule : List.of(acrossPeriods.decrease(), acrossPeriods.jump())) {
            entries.add(new Entry(rule.id(), rule.severity(), acrossPeriods.wording(rule)));
        }
        return entries;
    }

    /** Every rule evaluated on the figures, in the order of {@link #entries}. */
    public List<Explanation> explain(Figures figures, Function<String, String> address) {
        List<Explanation> explanations = new ArrayList<>();
        for (Rule rule : rules) {
            explanations.add(rule.explain(figures, address));
        }
        explanations.add(acrossPeriods.unevaluated(acrossPeriods.decrease()));
        explanations.add(acrossPeriods.unevaluated(acrossPeriods.jump()));
        return explanations;
    }

    /**
     * Every rule evaluated on the figures, those across periods against the unit's earlier report
     * ({@code before}, of the period {@code earlier}; {@code now} reports on {@code later}).
     */
    public List<Explanation> explain(Figures now, Function<String, String> address, Figures before, Span earlier,
            Span later) {
        List<Explanation> explanations = new ArrayList<>();
        for (Rule rule : rules) {
            explanations.add(rule.explain(now, address));
        }
        explanations.addAll(acrossPeriods.explain(before, earlier, now, later, address));
        return explanations;
    }

    /** Every finding of every rule, in the order of the rules. */
    public List<Finding> check(Figures figures) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            findings.addAll(rule.check(figures));
        }
        return findings;
    }

    private static List<String> terms(String text) {
        return Arrays.stream(text.split("\\+")).map(String::strip).toList();
    }
}
