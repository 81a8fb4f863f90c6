package appendixfill.report;

import appendixfill.indicator.Indicator;
import appendixfill.indicator.Kind;
import appendixfill.rule.Assessment;
import appendixfill.rule.Finding;
import appendixfill.rule.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which figures of one report stand under an error finding, and the findings that say why: a
 * figure whose own cell has an error, and a rate derived from such a figure (106,67% is no fact
 * when the 32 tasks over it are wrong). Each figure the report prints so is remembered under a
 * key, for the Word report's comments and the count the officer is told.
 */
final class Flags {

    /** No finding at all: a consolidation's totals, or a test's figures. */
    static final Flags NONE = new Flags(Map.of());

    private final Map<String, List<Finding>> errorsByCode;
    private final Map<String, List<Finding>> printed = new LinkedHashMap<>();

    private Flags(Map<String, List<Finding>> errorsByCode) {
        this.errorsByCode = errorsByCode;
    }

    static Flags of(Assessment assessment) {
        Map<String, List<Finding>> errors = new LinkedHashMap<>();
        for (Finding finding : assessment.findings()) {
            if (finding.severity() == Severity.ERROR) {
                errors.computeIfAbsent(finding.code(), code -> new ArrayList<>()).add(finding);
            }
        }
        return new Flags(errors);
    }

    /** The error findings over an indicator's figure: its own, then those of a rate's parts; empty when none. */
    List<Finding> over(Indicator indicator) {
        List<Finding> findings = new ArrayList<>(errorsByCode.getOrDefault(indicator.code(), List.of()));
        if (indicator.kind() == Kind.RATE) {
            findings.addAll(errorsByCode.getOrDefault(indicator.numerator(), List.of()));
            findings.addAll(errorsByCode.getOrDefault(indicator.denominator(), List.of()));
        }
        return findings;
    }

    /** The error findings over a figure computed from two indicators (A − B). */
    List<Finding> over(Indicator a, Indicator b) {
        List<Finding> findings = new ArrayList<>(over(a));
        findings.addAll(over(b));
        return findings;
    }

    /** The figure as the report prints it: marked, with its findings kept under key, when there are any. */
    String print(String key, List<Finding> findings, String text) {
        if (findings.isEmpty()) {
            return text;
        }
        printed.putIfAbsent(key, List.copyOf(findings));
        return Marks.figure(key, text);
    }

    /** Every flagged figure printed so far, by key, with its findings. */
    Map<String, List<Finding>> printed() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(printed));
    }
}
