package appendixfill.fill;

import appendixfill.form.FormFile;
import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Document;
import appendixfill.input.UnusableInput;
import appendixfill.rule.Assessment;
import appendixfill.rule.Explanation;
import appendixfill.rule.RuleBook;
import java.nio.file.Path;
import java.util.List;

/** Every rule of the pack evaluated on one workbook, read as a fill reads it; nothing is written. */
public final class ExplainJob {

    /** The workbook's identity and every rule explained on it, in the pack's order. */
    public record Result(Document document, List<Explanation> explanations) {
        public Result {
            explanations = List.copyOf(explanations);
        }
    }

    private final Catalogue catalogue;
    private final RuleBook rules;

    public ExplainJob(Catalogue catalogue, RuleBook rules) {
        this.catalogue = catalogue;
        this.rules = rules;
    }

    /** Reads the workbook and explains every rule on it, naming each figure's cell in the completed workbook. */
    public Result run(Path workbook) throws UnusableInput {
        FormFile form = FormFile.open(workbook, catalogue, FormFile.Purpose.FILL);
        Assessment assessment = Assessment.of(catalogue, rules, form.typed(), form.findings());
        return new Result(Document.of(assessment.figures()), rules.explain(assessment.figures(), form::address));
    }
}
