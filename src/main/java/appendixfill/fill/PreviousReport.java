package appendixfill.fill;

import appendixfill.form.FormFile;
import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Figures;
import appendixfill.indicator.Span;
import appendixfill.indicator.UnitName;
import appendixfill.indicator.Value;
import appendixfill.input.Message;
import appendixfill.input.UnusableInput;
import appendixfill.rule.Assessment;
import appendixfill.rule.Finding;
import appendixfill.rule.RuleBook;
import appendixfill.rule.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The unit's report of an earlier period (báo cáo kỳ trước, {@code --previous}), read once and kept
 * as its figures: what the workbook of this period is compared with.
 *
 * @param file the file it was read from
 * @param figures its figures, assessed as a fill assesses them
 * @param span the period it reports on
 * @param unit the unit's name, as its workbook writes it
 */
public record PreviousReport(Path file, Figures figures, Span span, String unit) {

    /** The identifier of the warning that a workbook without its unit or period was not compared. */
    static final String NOT_COMPARED = "period.not-compared";

    /** Reads the earlier report: one read of the file, whatever its format; it must name its unit, period and year. */
    public static PreviousReport read(Path file, Catalogue catalogue, RuleBook rules) throws UnusableInput {
        FormFile form = FormFile.open(file, catalogue, FormFile.Purpose.CONSOLIDATE);
        if (form.consolidationTotals().isPresent()) {
            throw new UnusableInput(Message.of("previous.consolidation", file));
        }
        Figures figures = Assessment.of(catalogue, rules, form.typed(), form.findings()).figures();
        Optional<Span> span = Span.of(figures);
        String unit = unit(figures);
        if (span.isEmpty() || unit.isEmpty()) {
            throw new UnusableInput(Message.of("previous.unidentified", file));
        }
        return new PreviousReport(file, figures, span.get(), unit);
    }

    /**
     * The findings of comparing this period's workbook with the earlier report. A report of a later
     * period, of the same period, or of another unit is refused; a workbook that does not say its own
     * unit or period is not compared, with a warning saying so.
     */
    public List<Finding> compare(Path input, Figures now, RuleBook rules) throws UnusableInput {
        Optional<Span> later = periodOf(input, now);
        if (later.isEmpty()) {
            return List.of(new Finding(Severity.WARNING, NOT_COMPARED, "period", "Chưa so sánh được với báo cáo kỳ trước «"
                    + file.getFileName() + "» (" + span + "), vì biểu này chưa ghi đủ tên đơn vị, kỳ và năm báo cáo."));
        }
        return rules.acrossPeriods().compare(figures, span, now, later.get());
    }

    /**
     * The period of this period's workbook, which the earlier report must be of the same unit and
     * come before; empty when the workbook does not say its unit, period and year.
     */
    public Optional<Span> periodOf(Path input, Figures now) throws UnusableInput {
        Optional<Span> later = Span.of(now);
        String unit = unit(now);
        if (later.isEmpty() || unit.isEmpty()) {
            return Optional.empty();
        }
        if (!UnitName.key(unit).equals(UnitName.key(this.unit))) {
            throw new UnusableInput(Message.of("previous.other-unit", file, this.unit, input, unit));
        }
        if (later.get().equals(span)) {
            throw new UnusableInput(Message.of("previous.same-period", file, span, input));
        }
        if (later.get().compareTo(span) < 0) {
            throw new UnusableInput(Message.of("previous.later", file, span, input, later.get()));
        }
        return later;
    }

    /** "xã Vũ Muộn"; empty when the workbook does not name its unit. */
    static String unit(Figures figures) {
        if (!(figures.get("unit.name") instanceof Value.Text name)) {
            return "";
        }
        return figures.get("unit.level") instanceof Value.Text level ? level.text() + " " + name.text() : name.text();
    }
}
