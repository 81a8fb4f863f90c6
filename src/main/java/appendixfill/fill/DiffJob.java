package appendixfill.fill;

import appendixfill.form.FormFile;
import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Document;
import appendixfill.indicator.Figures;
import appendixfill.indicator.UnitName;
import appendixfill.input.Message;
import appendixfill.input.UnusableInput;
import appendixfill.report.CsvOutputs;
import appendixfill.revision.Change;
import appendixfill.revision.Changes;
import appendixfill.rule.Assessment;
import appendixfill.rule.RuleBook;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a resubmission changed: two workbooks of one unit → the cells that differ → diff.csv. */
public final class DiffJob {

    /**
     * What a diff found and wrote.
     *
     * @param before the earlier workbook's identity
     * @param after the later one's
     * @param changes the cells that differ, in the form's order
     * @param written diff.csv
     */
    public record Result(Document before, Document after, List<Change> changes, List<Path> written) {
        public Result {
            changes = List.copyOf(changes);
            written = List.copyOf(written);
        }
    }

    private final Catalogue catalogue;
    private final RuleBook rules;

    public DiffJob(Catalogue catalogue, RuleBook rules) {
        this.catalogue = catalogue;
        this.rules = rules;
    }

    /** Compares two workbooks of one unit and writes the changed cells to {@code out} (a .csv). */
    public Result run(Path older, Path newer, Path out) throws UnusableInput {
        if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            throw new UnusableInput(Message.of("diff.out-not-csv", out));
        }
        Path folder = FillJob.outputFolder(out, null);
        String name = out.getFileName().toString();
        OutputFiles outputs = OutputFiles.check(folder, FillJob.baseName(out), List.of(name));
        FormFile olderForm = form(older);
        FormFile newerForm = form(newer);
        Figures before = figures(olderForm);
        Figures after = figures(newerForm);
        String unitBefore = PreviousReport.unit(before);
        String unitAfter = PreviousReport.unit(after);
        if (!unitBefore.isEmpty() && !unitAfter.isEmpty() && !UnitName.key(unitBefore).equals(UnitName.key(unitAfter))) {
            throw new UnusableInput(Message.of("diff.other-unit", older, unitBefore, newer, unitAfter));
        }
        List<Change> changes = Changes.between(before, olderForm.notes(), after, newerForm.notes());
        String csv = CsvOutputs.changes(changes);
        List<Path> written = outputs.write(Map.of(name, stream -> stream.write(csv.getBytes(StandardCharsets.UTF_8))));
        return new Result(Document.of(before), Document.of(after), changes, written);
    }

    /** The workbook's figures and the Ghi chú beside them. */
    private FormFile form(Path file) throws UnusableInput {
        FormFile form = FormFile.open(file, catalogue, FormFile.Purpose.COMPARE);
        if (form.consolidationTotals().isPresent()) {
            throw new UnusableInput(Message.of("diff.consolidation", file));
        }
        return form;
    }

    private Figures figures(FormFile form) {
        return Assessment.of(catalogue, rules, form.typed(), form.findings()).figures();
    }
}
