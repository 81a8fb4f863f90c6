package appendixfill.consolidate;

import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Figures;
import appendixfill.indicator.Span;
import appendixfill.rule.AcrossPeriods;
import appendixfill.rule.Finding;
import appendixfill.rule.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A consolidation compared with the one of an earlier period (consolidate --previous): each unit
 * counted now, found in the earlier roll by its code, else by its name, has its figures compared
 * as a fill compares them with {@code --previous}; what is found is said in its line of the roll.
 *
 * @param roll the roll, each unit's line saying what the comparison found
 * @param compared how many units were found in the earlier roll and compared
 * @param errors how many errors (cumulative figures gone down) were found
 * @param warnings how many warnings (jumps)
 */
public record PeriodComparison(Roll roll, int compared, int errors, int warnings) {

    /** Compares the units of {@code now} with those of {@code earlier}. */
    public static PeriodComparison of(Roll now, Roll earlier, AcrossPeriods rules, Catalogue catalogue) {
        Map<String, Submission> byCode = new HashMap<>();
        Map<String, Submission> byName = new HashMap<>();
        for (Roll.Entry entry : earlier.counted()) {
            Submission submission = entry.submission().orElseThrow();
            entry.unit().ifPresent(unit -> byCode.put(unit.code(), submission));
            if (!submission.unit().isBlank()) {
                byName.putIfAbsent(Unit.key(submission.unit()), submission);
            }
        }
        List<Roll.Entry> entries = new ArrayList<>();
        int compared = 0;
        int errors = 0;
        int warnings = 0;
        for (Roll.Entry entry : now.entries()) {
            Optional<Submission> current = entry.submission().filter(s -> entry.standing().counted());
            Optional<Submission> before = current.isEmpty() ? Optional.empty()
                    : entry.unit().map(unit -> byCode.get(unit.code()))
                            .or(() -> Optional.ofNullable(byName.get(Unit.key(current.get().unit()))));
            Optional<Span> spanNow = current.flatMap(PeriodComparison::span);
            Optional<Span> spanBefore = before.flatMap(PeriodComparison::span);
            if (before.isEmpty() || spanNow.isEmpty() || spanBefore.isEmpty()
                    || spanBefore.get().compareTo(spanNow.get()) >= 0) {
                entries.add(entry);
                continue;
            }
            compared++;
            List<Finding> findings = rules.compare(new Figures(catalogue, before.get().shown()), spanBefore.get(),
                    new Figures(catalogue, current.get().shown()), spanNow.get());
            List<String> said = new ArrayList<>();
            for (Finding finding : findings) {
                errors += finding.severity() == Severity.ERROR ? 1 : 0;
                warnings += finding.severity() == Severity.WARNING ? 1 : 0;
                said.add(finding.severity().word() + ": " + finding.message());
            }
            if (!current.get().unit().equals(before.get().unit()) && !before.get().unit().isBlank()) {
                said.add(Severity.INFO.word() + ": kỳ trước ghi tên đơn vị «" + before.get().unit() + "».");
            }
            if (said.isEmpty()) {
                // Nothing to say: the roll's line stays as it was.
                entries.add(entry);
                continue;
            }
            String note = "so với kỳ trước (" + spanBefore.get() + ", tệp «" + before.get().file() + "»): "
                    + String.join(" ", said);
            entries.add(new Roll.Entry(entry.unit(), entry.submission(), entry.standing(),
                    entry.reason().isEmpty() ? note : entry.reason() + "; " + note));
        }
        return new PeriodComparison(new Roll(now.period(), entries, now.totals()), compared, errors, warnings);
    }

    private static Optional<Span> span(Submission submission) {
        return submission.period().map(p -> new Span(p.name(), p.year()));
    }
}
