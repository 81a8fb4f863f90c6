package appendixfill.report;

import appendixfill.rule.Finding;
import java.util.List;
import java.util.Map;

/**
 * A report as the narrative template wrote it, before it is laid out: the text with its marks (where
 * each part goes, which figures stand under an error), and the findings behind each flagged figure.
 *
 * @param marked the template's output, NFC, lines ending in \n, marks in place ({@link Marks})
 * @param flagged the error findings of each figure the report prints under an error, by its key
 */
public record Report(String marked, Map<String, List<Finding>> flagged) {

    public Report {
        flagged = Map.copyOf(flagged);
    }

    /** The report as plain UTF-8 text (NAME.report.txt): marks removed, one blank line between paragraphs. */
    public String text() {
        // Not strip(): the tab ending the last row of the appendix is the empty Ghi chú cell.
        return Marks.plain(marked);
    }

    /** How many figures the report prints under an error finding (each counted once, wherever printed). */
    public int flaggedFigures() {
        return flagged.size();
    }
}
