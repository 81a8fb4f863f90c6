package appendixfill.fill;

import appendixfill.form.FormFile;
import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Document;
import appendixfill.indicator.Figures;
import appendixfill.indicator.Span;
import appendixfill.input.UnusableInput;
import appendixfill.rule.Assessment;
import appendixfill.rule.Explanation;
import appendixfill.rule.RuleBook;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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
        return run(workbook, Optional.empty());
    }

    /**
     * The same; with the unit's report of an earlier period (refused as a fill refuses it), the rules
     * across periods are evaluated too.
     */
    public Result run(Path workbook, Optional<Path> previousFile) throws UnusableInput {
        FormFile form = FormFile.open(workbook, catalogue, FormFile.Purpose.FILL);
        Figures figures = Assessment.of(catalogue, rules, form.typed(), form.findings()).figures();
        Optional<PreviousReport> previous = previousFile.isEmpty() ? Optional.empty()
                : Optional.of(PreviousReport.read(previousFile.get(), catalogue, rules));
        Optional<Span> later = previous.isEmpty() ? Optional.empty() : previous.get().periodOf(workbook, figures);
        List<Explanation> explanations = later.isEmpty() ? rules.explain(figures, form::address)
                : rules.explain(figures, form::address, previous.get().figures(), previous.get().span(), later.get());
        return new Result(Document.of(figures), explanations);
    }
}
