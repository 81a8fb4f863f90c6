package appendixfill.rule;

import appendixfill.indicator.Figures;
import java.util.List;

/** A consistency rule between the figures of one workbook. */
public interface Rule {

    /** The rule's identifier, as findings.csv shows it. */
    String id();

    /** The findings this rule makes of the figures; none when they agree or cannot be checked. */
    List<Finding> check(Figures figures);
}
