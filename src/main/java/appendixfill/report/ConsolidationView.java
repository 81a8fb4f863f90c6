package appendixfill.report;

import appendixfill.consolidate.Consolidated;
import appendixfill.consolidate.Period;
import appendixfill.consolidate.Roll;
import appendixfill.consolidate.Standing;
import appendixfill.consolidate.Submission;
import appendixfill.indicator.Consolidation;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Kind;
import appendixfill.indicator.VietnameseFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A consolidation for the receiver's report template: {@code $c.units}, {@code $c.problems}. */
public final class ConsolidationView {

    /**
     * How many names or units a list of the report shows: with thousands of units a list would be a
     * line of tens of kilobytes; the whole lists are in units.csv and the roll sheet.
     */
    static final int SHOWN = 20;

    private final Consolidated consolidated;
    private final String unitsFile;

    ConsolidationView(Consolidated consolidated, String unitsFile) {
        this.consolidated = consolidated;
        this.unitsFile = unitsFile;
    }

    /** The units.csv written beside the report ("tong-hop.units.csv"): where every list is whole. */
    public String getUnitsFile() {
        return unitsFile;
    }

    /** A count as the report writes it: 3.306. */
    public String number(Number count) {
        return VietnameseFormat.count(count.longValue());
    }

    /** The consolidating unit. */
    public String getName() {
        return consolidated.name();
    }

    /** "năm 2023", or "(chưa rõ kỳ báo cáo)" when no workbook read says. */
    public String getPeriod() {
        return Period.shown(consolidated.roll().period());
    }

    /** How many units (communes) the totals stand for. */
    public int getUnits() {
        return consolidated.totals().units();
    }

    /** How many units the list expects; 0 without a list. */
    public long getExpected() {
        return consolidated.roll().entries().stream().filter(e -> e.unit().isPresent())
                .map(e -> e.unit().get().code()).distinct().count();
    }

    /** How many entries of the roll stand so, by the standing's id: {@code $c.count("missing")}. */
    public long count(String standing) {
        return consolidated.roll().count(standing(standing));
    }

    /** The names of the first {@value #SHOWN} units that stand so, joined: "xã A, xã B". */
    public String names(String standing) {
        return String.join(", ", consolidated.roll().entries().stream()
                .filter(e -> e.standing() == standing(standing)).limit(SHOWN).map(Roll.Entry::name).toList());
    }

    /** How many units stand so beyond those {@link #names} shows; 0 when it shows them all. */
    public long more(String standing) {
        return Math.max(0, count(standing) - SHOWN);
    }

    /** What is told beside a total: coverage, how it was computed. */
    public String note(String code) {
        return consolidated.note(code);
    }

    /** Every row of the consolidated table that is not a heading, with its total and note. */
    public List<Map<String, String>> getRows() {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Indicator indicator : consolidated.rows()) {
            if (indicator.kind() == Kind.HEADING) {
                continue;
            }
            var value = consolidated.figures().get(indicator.code());
            boolean perUnit = indicator.consolidation().method() == Consolidation.Method.PER_UNIT;
            String shown = indicator.kind() == Kind.YES_NO && value.isPresent()
                    ? consolidated.note(indicator.code())
                    : value.isPresent() || value instanceof appendixfill.indicator.Value.NotApplicable
                    ? VietnameseFormat.value(indicator, value)
                    // A percentage without a base has no total: that is not a missing figure.
                    : perUnit ? "xem theo từng đơn vị" : "chưa có số liệu";
            // The report names how a rate was computed once, in its own sentence; beside each rate
            // only what it covers. The wrong figures a total includes are named with their findings
            // once, in their own list (getErrorsInTotals); beside the total only whose they are.
            String note = indicator.kind() == Kind.YES_NO ? ""
                    : indicator.kind() == Kind.RATE ? consolidated.coverageNote(indicator.code())
                    : consolidated.methodNote(indicator.code());
            List<String> flagged = consolidated.flaggedUnits(indicator.code());
            if (!flagged.isEmpty()) {
                String whose = "gồm số liệu có lỗi của " + String.join(", ", flagged.subList(0,
                        Math.min(SHOWN, flagged.size()))) + (flagged.size() > SHOWN ? " và "
                        + VietnameseFormat.count(flagged.size() - SHOWN) + " đơn vị khác" : "");
                note = note.isEmpty() ? whose : note + "; " + whose;
            }
            String unit = indicator.kind() == Kind.RATE || indicator.kind() == Kind.PERCENT
                    || indicator.kind() == Kind.YES_NO || !value.isPresent() ? "" : inProse(indicator.unit());
            rows.add(Map.of("stt", indicator.stt().isEmpty() ? "" : indicator.stt(), "label", indicator.label(),
                    "value", shown, "unit", unit, "note", note));
        }
        return rows;
    }

    /**
     * The figures under an error finding that the totals include, first {@value #SHOWN}: each with
     * its unit ({@code name}), the finding's message ({@code finding}, a sentence) and the rows
     * of the table whose totals include it ({@code totals}: "1.2, 1.2.2").
     */
    public List<Map<String, String>> getErrorsInTotals() {
        List<Map<String, String>> errors = new ArrayList<>();
        for (Roll.Entry entry : consolidated.roll().counted()) {
            Submission submission = entry.submission().orElseThrow();
            for (Map.Entry<String, List<String>> error : submission.errorsInTotals().entrySet()) {
                for (String message : error.getValue()) {
                    if (errors.size() == SHOWN) {
                        return errors;
                    }
                    Consolidated.Flag flag = new Consolidated.Flag(entry.name(), error.getKey(), message);
                    List<String> totals = consolidated.rows().stream()
                            .filter(row -> consolidated.flags(row.code()).contains(flag)).map(Indicator::rowName).toList();
                    errors.add(Map.of("name", entry.name(), "finding", message, "totals", String.join(", ", totals)));
                }
            }
        }
        return errors;
    }

    /** How many figures under an error the totals include beyond those {@link #getErrorsInTotals} shows. */
    public long getMoreErrorsInTotals() {
        long all = consolidated.roll().counted().stream().flatMap(e -> e.submission().orElseThrow().errorsInTotals()
                .values().stream()).mapToLong(List::size).sum();
        return Math.max(0, all - SHOWN);
    }

    /** The first {@value #SHOWN} units the receiver has to act on, each with its standing, reason and file. */
    public List<Map<String, String>> getProblems() {
        List<Map<String, String>> problems = new ArrayList<>();
        for (Roll.Entry entry : consolidated.roll().problems().stream().limit(SHOWN).toList()) {
            String file = entry.submission().map(Submission::file).orElse("");
            // "Chưa gửi" says it all ("chưa nhận được báo cáo" would say it twice); the sentence adds
            // its own full stop to a reason that ends with one.
            String reason = entry.standing() == Standing.MISSING ? "" : entry.reason().replaceFirst("[.\\s]+$", "");
            problems.add(Map.of("name", entry.name(), "standing", entry.standing().word(), "reason", reason,
                    "file", file));
        }
        return problems;
    }

    /** How many units to act on beyond those {@link #getProblems} shows; 0 when it shows them all. */
    public long getMoreProblems() {
        return Math.max(0, consolidated.roll().problems().size() - SHOWN);
    }

    /** "Văn bản" → "văn bản" inside a sentence; an abbreviation (PAKN) stays as it is. */
    private static String inProse(String unit) {
        java.util.Locale vietnamese = java.util.Locale.forLanguageTag("vi");
        return unit.equals(unit.toUpperCase(vietnamese)) ? unit : unit.toLowerCase(vietnamese);
    }

    private static Standing standing(String id) {
        for (Standing standing : Standing.values()) {
            if (standing.id().equals(id)) {
                return standing;
            }
        }
        throw new IllegalArgumentException("unknown standing '" + id + "'; valid: "
                + java.util.Arrays.stream(Standing.values()).map(Standing::id).toList());
    }
}
