package appendixfill.form;


import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Kind;
import appendixfill.indicator.Value;
import appendixfill.input.Typed;
import appendixfill.rule.Assessment;
import appendixfill.rule.Finding;
import appendixfill.rule.Severity;
import appendixfill.spreadsheet.StyleEdit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What completing a workbook changes at each named cell, decided once for both writers (POI's and
 * the in-place patcher): the content written, the shade, the comment, and what the ledger keeps.
 */
final class Completion {

    /**
     * A cell's fill: none for an input, grey for a derived rate, else the worst finding's colour
     * (indices of Excel's legacy palette: 22 grey, 45 rose, 43 light yellow, 41 pale blue).
     */
    enum Shade {
        PLAIN(StyleEdit.Fill.NONE), DERIVED(new StyleEdit.Fill(true, Layout.DERIVED_COLOUR)),
        ERROR(new StyleEdit.Fill(true, 45)), WARNING(new StyleEdit.Fill(true, 43)), INFO(new StyleEdit.Fill(true, 41));

        final StyleEdit.Fill fill;

        Shade(StyleEdit.Fill fill) {
            this.fill = fill;
        }

        static Shade of(Severity severity) {
            return switch (severity) {
                case ERROR -> ERROR;
                case WARNING -> WARNING;
                case INFO -> INFO;
            };
        }
    }

    /** What a cell gets: its content left as it is, a canonical input, or a rate's formula with its value. */
    sealed interface Content {
    }

    /** The cell keeps its content (only its shade and comment may change). */
    record Keep() implements Content {
    }

    /** The officer's content, written back in its canonical form. */
    record Canonical(Typed typed) implements Content {
    }

    /** A derived rate: its live formula and the value it shows before any recalculation. */
    record Formula(String formula, Value cached) implements Content {
    }

    /** One named cell's change; {@code comment} is null when the cell has no finding. */
    record Change(String code, Content content, Shade shade, String comment) {
    }

    /** The author of the comments the tool writes; its comments are replaced on every fill. */
    static final String AUTHOR = "appendix-fill";

    private Completion() {
    }

    /**
     * The changes for every indicator that has a cell, in the catalogue's order; the ledger
     * records what the officer had typed wherever the tool writes something else.
     */
    static List<Change> plan(Catalogue catalogue, Set<String> located, Map<String, Typed> typed,
            Assessment assessment, Ledger ledger) {
        Map<String, List<Finding>> byCode = new LinkedHashMap<>();
        for (Finding finding : assessment.findings()) {
            byCode.computeIfAbsent(finding.code(), c -> new ArrayList<>()).add(finding);
        }
        List<Change> changes = new ArrayList<>();
        for (Indicator indicator : catalogue.indicators()) {
            if (!located.contains(indicator.code())) {
                continue;
            }
            Typed current = typed.get(indicator.code());
            Content content = new Keep();
            if (indicator.kind() == Kind.RATE) {
                String formula = Formulas.rate(indicator, catalogue.require(indicator.numerator()),
                        catalogue.require(indicator.denominator()));
                content = new Formula(formula, assessment.figures().get(indicator.code()));
                if (!(current instanceof Typed.Formula)) {
                    ledger.record(indicator.code(), current, new Typed.Formula(formula, Typed.BLANK));
                }
            } else {
                Typed canonical = assessment.canonical().get(indicator.code());
                if (!(current instanceof Typed.Formula) && !canonical.equals(current)) {
                    content = new Canonical(canonical);
                    ledger.record(indicator.code(), current, canonical);
                }
            }
            List<Finding> findings = byCode.getOrDefault(indicator.code(), List.of());
            changes.add(new Change(indicator.code(), content, shade(indicator, findings), comment(findings)));
        }
        return changes;
    }

    private static Shade shade(Indicator indicator, List<Finding> findings) {
        if (findings.isEmpty()) {
            return indicator.kind() == Kind.RATE ? Shade.DERIVED : Shade.PLAIN;
        }
        return Shade.of(findings.stream().map(Finding::severity).min(Enum::compareTo).orElseThrow());
    }

    private static String comment(List<Finding> findings) {
        if (findings.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (Finding finding : findings) {
            text.append(text.length() == 0 ? "" : "\n").append(finding.severity().word()).append(": ")
                    .append(finding.message());
        }
        return text.toString();
    }

    /**
     * True for a comment the tool wrote: its author, or, once LibreOffice has saved the workbook
     * (it drops comments' authors), no author and a text that starts as the tool's do, «Lỗi: …».
     */
    static boolean isToolComment(String author, String text) {
        if (AUTHOR.equals(author)) {
            return true;
        }
        if (author != null && !author.isBlank()) {
            return false;
        }
        for (Severity severity : Severity.values()) {
            if (text.startsWith(severity.word() + ": ")) {
                return true;
            }
        }
        return false;
    }

    /** The comment box's last row: tall enough for its text (the box starts at the cell's row). */
    static int commentLastRow(int row, String comment) {
        return row + 4 + comment.length() / 120;
    }

    /** The header of the findings sheet. */
    static final List<String> FINDINGS_HEADER = List.of("STT", "Mức độ", "Chỉ tiêu", "Ô", "Nội dung", "Mã quy tắc");

    /** The widths of the findings sheet's columns, in characters. */
    static final int[] FINDINGS_WIDTHS = {5, 10, 28, 20, 70, 20};

    /** The first row of findings (0-based), under the summary and the header. */
    static final int FINDINGS_FIRST_ROW = 3;

    /** The header row of the findings sheet (0-based). */
    static final int FINDINGS_HEADER_ROW = 2;

    /** The target of a link to a cell shown as «Phụ lục I!D40»: 'Phụ lục I'!D40, an apostrophe doubled. */
    static String link(String address) {
        int bang = address.lastIndexOf('!');
        return "'" + address.substring(0, bang).replace("'", "''") + "'" + address.substring(bang);
    }

    /**
     * One row of the findings sheet: «Chỉ tiêu» names the row as the form prints it (its STT, or
     * its wording where it has none), never by the catalogue's key; the rule's identifier stays
     * last, under «Mã quy tắc».
     */
    static List<String> findingRow(int number, Finding finding, Catalogue catalogue, String address) {
        String row = catalogue.find(finding.code()).map(Indicator::rowName).orElse("");
        return List.of(String.valueOf(number), finding.severity().word(), row, address, finding.message(),
                finding.rule());
    }
}
