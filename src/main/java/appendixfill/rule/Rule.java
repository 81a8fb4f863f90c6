package appendixfill.rule;

import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Figures;
import java.util.List;
import java.util.function.Function;

/** A consistency rule between the figures of one workbook. */
public interface Rule {

    /** The rule's identifier, as findings.csv shows it. */
    String id();

    /** What a rule that does not hold makes. */
    Severity severity();

    /** What the rule says, as a province reviews it: the rows compared, by STT and wording, and its advice. */
    String wording(Catalogue catalogue);

    /** The codes of the indicators it compares. */
    List<String> codes();

    /** The findings this rule makes of the figures; none when they agree or cannot be checked. */
    List<Finding> check(Figures figures);

    /**
     * Both sides of the rule evaluated on the figures, each figure with its cell ({@code address}:
     * code → "Phụ lục I!D12", "" when it has none).
     */
    Explanation explain(Figures figures, Function<String, String> address);
}
