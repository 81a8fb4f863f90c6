package appendixfill.consolidate;

import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Figures;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Kind;
import appendixfill.indicator.Value;
import appendixfill.rule.Assessment;
import appendixfill.rule.Finding;
import appendixfill.rule.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One workbook found in the folder (một báo cáo nhận được), reduced to what a consolidation
 * keeps of it, so that thousands of them fit in little memory: never the workbook itself.
 *
 * @param file the file's name
 * @param unit the unit's name as the workbook gives it ("xã Vũ Muộn"); empty when unreadable
 * @param period the period it reports on, when it says
 * @param reportDate its report date (to choose between two workbooks of one unit); missing if none
 * @param version the version of the form it was made from; empty when it does not say
 * @param errors how many errors its assessment found
 * @param warnings how many warnings
 * @param findings the messages of its errors, then of its warnings
 * @param errorsInTotals the messages of the errors found at figures it adds to the totals, by the
 *     figure's code: what a total that includes them must say
 * @param totals what it adds to the totals
 * @param shown the values shown in its column: numbers, rates, answers
 * @param problem why it cannot be read at all; empty when it was read
 * @param provenance whether the tool filled it, when, and whether it was edited since
 */
public record Submission(String file, String unit, Optional<Period> period, Value reportDate, String version,
        int errors, int warnings, List<String> findings, Map<String, List<String>> errorsInTotals, Totals totals,
        Map<String, Value> shown, String problem, Provenance provenance) {

    /** A workbook the tool did not fill. */
    public Submission(String file, String unit, Optional<Period> period, Value reportDate, String version, int errors,
            int warnings, List<String> findings, Map<String, List<String>> errorsInTotals, Totals totals,
            Map<String, Value> shown, String problem) {
        this(file, unit, period, reportDate, version, errors, warnings, findings, errorsInTotals, totals, shown, problem,
                Provenance.NONE);
    }

    public Submission {
        Objects.requireNonNull(file);
        Objects.requireNonNull(unit);
        Objects.requireNonNull(period);
        findings = List.copyOf(findings);
        // In the form's order, as the notes that name them are written.
        errorsInTotals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errorsInTotals));
        shown = Map.copyOf(shown);
        Objects.requireNonNull(provenance);
    }

    /** The same workbook, its provenance known. */
    public Submission from(Provenance provenance) {
        return new Submission(file, unit, period, reportDate, version, errors, warnings, findings, errorsInTotals, totals,
                shown, problem, provenance);
    }

    /** A file that could not be read as the form, and why. */
    public static Submission unreadable(String file, String problem) {
        return new Submission(file, "", Optional.empty(), Value.MISSING, "", 0, 0, List.of(), Map.of(), Totals.NONE,
                Map.of(), problem);
    }

    /** A commune's workbook, assessed as a single fill assesses it. */
    public static Submission of(String file, Assessment assessment, String version) {
        Figures figures = assessment.figures();
        String name = text(figures, "unit.name");
        String unit = name.isEmpty() ? "" : (text(figures, "unit.level") + " " + name).strip();
        // Errors first: a receiver reads them before the doubts, and a long list is cut at its end.
        List<String> findings = assessment.findings().stream().filter(f -> f.severity() != Severity.INFO)
                .sorted(Comparator.comparing(Finding::severity)).map(Submission::line).toList();
        Totals totals = Totals.of(figures);
        Map<String, List<String>> errorsInTotals = new LinkedHashMap<>();
        for (Finding finding : assessment.findings()) {
            // Only a figure that is added up: a rate typed wrong is replaced by the rate of its parts.
            if (finding.severity() == Severity.ERROR && totals.tallies().containsKey(finding.code())) {
                errorsInTotals.computeIfAbsent(finding.code(), c -> new ArrayList<>()).add(finding.message());
            }
        }
        return new Submission(file, unit, period(figures), figures.get("report.date"), version,
                (int) assessment.count(Severity.ERROR), (int) assessment.count(Severity.WARNING), findings,
                errorsInTotals, totals, shown(figures), "");
    }

    /**
     * A workbook of an earlier period, kept only to be compared with (consolidate --previous): its
     * unit, period and values, nothing of its findings or totals.
     */
    public static Submission earlier(String file, Figures figures, String version) {
        String name = text(figures, "unit.name");
        String unit = name.isEmpty() ? "" : (text(figures, "unit.level") + " " + name).strip();
        return new Submission(file, unit, period(figures), figures.get("report.date"), version, 0, 0, List.of(),
                Map.of(), Totals.NONE, shown(figures), "");
    }

    /** A consolidation read back as one unit: its totals stand for all of its communes. */
    public static Submission consolidated(String file, String unit, Optional<Period> period, String version,
            Totals totals, Catalogue catalogue) {
        Figures figures = totals.figures(catalogue, Map.of());
        return new Submission(file, unit, period, Value.MISSING, version, 0, 0, List.of(), Map.of(), totals,
                shown(figures), "");
    }

    /** True when the file was read as the form. */
    public boolean readable() {
        return problem.isEmpty();
    }

    private static String line(Finding finding) {
        return finding.severity().word() + " (" + finding.code() + "): " + finding.message();
    }

    private static Map<String, Value> shown(Figures figures) {
        Map<String, Value> shown = new LinkedHashMap<>(figures.catalogue().mapCapacity());
        for (Indicator indicator : figures.catalogue().indicators()) {
            Value value = figures.get(indicator.code());
            // Texts (the narrative paragraphs) are not shown in the table and would cost memory.
            if (value.isPresent() && indicator.kind() != Kind.TEXT || value instanceof Value.NotApplicable) {
                shown.put(indicator.code(), value);
            }
        }
        return shown;
    }

    private static Optional<Period> period(Figures figures) {
        if (figures.get("period") instanceof Value.Text p && figures.get("year") instanceof Value.Amount y
                && Period.NAMES.contains(p.text())) {
            return Optional.of(new Period(p.text(), y.number().intValue()));
        }
        return Optional.empty();
    }

    private static String text(Figures figures, String code) {
        return figures.get(code) instanceof Value.Text t ? t.text() : "";
    }
}
