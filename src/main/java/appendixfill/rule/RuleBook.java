package appendixfill.rule;

import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Figures;
import appendixfill.indicator.TabSeparated;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The consistency rules of the form: those written as data in the rules file, and those in code. */
public final class RuleBook {

    /** The classpath resource the build copies from {@code workbook-templates/}. */
    public static final String RESOURCE = "/workbook-templates/phu-luc-i.rules.tsv";

    private static final List<String> COLUMNS = List.of("id", "severity", "left", "op", "right", "advice");

    private static RuleBook standard;

    private final List<Rule> rules;

    public RuleBook(List<Rule> rules) {
        this.rules = List.copyOf(rules);
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
        for (String[] cells : TabSeparated.read(in, COLUMNS, "rules")) {
            Comparison rule = new Comparison(cells[0], Severity.of(cells[1]), terms(cells[2]), cells[3],
                    terms(cells[4]), cells[5]);
            rule.requireKnown(catalogue);
            rules.add(rule);
        }
        rules.add(new OnlineDossiers());
        return new RuleBook(rules);
    }

    public List<Rule> rules() {
        return rules;
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
