package appendixfill.form;

import appendixfill.rule.Assessment;
import appendixfill.rule.Finding;
import appendixfill.spreadsheet.CellRef;
import appendixfill.spreadsheet.NewSheet;
import java.util.List;
import java.util.function.Function;

/**
 * Sheet «Kết quả kiểm tra» of a completed workbook: a one-line summary, then every finding with a
 * link to its cell; printed on A4 landscape, fitted to the width, its header on every page.
 */
final class FindingsSheet {

    private FindingsSheet() {
    }

    /**
     * @param stamp the line saying which tool, form and rules filled it, when, from which input
     * @param bold the style of the summary and the header
     * @param wrapped the style of the findings
     * @param address the cell of an indicator as a person finds it, "" when none
     */
    static NewSheet of(Assessment assessment, String summary, String stamp, int bold, int wrapped,
            Function<String, String> address) {
        int[] widths = Completion.FINDINGS_WIDTHS;
        NewSheet sheet = new NewSheet().columns(widths).frozenRows(Completion.FINDINGS_FIRST_ROW)
                .print(true, true, "&C" + Layout.PAGE_NUMBERS);
        sheet.row(0, 0, List.of(new NewSheet.TextCell(summary, bold)));
        // Where the workbook comes from (revision.Stamp), under the summary: the same as its document properties.
        sheet.row(1, 0, List.of(new NewSheet.TextCell(stamp, 0)));
        sheet.row(Completion.FINDINGS_HEADER_ROW, 0, Completion.FINDINGS_HEADER.stream()
                .map(title -> new NewSheet.TextCell(title, bold)).toList());
        int row = Completion.FINDINGS_FIRST_ROW;
        for (Finding finding : assessment.findings()) {
            String cell = address.apply(finding.code());
            List<String> values = Completion.findingRow(row - Completion.FINDINGS_HEADER_ROW, finding,
                    assessment.figures().catalogue(), cell);
            float tallest = 0;
            for (int column = 0; column < values.size(); column++) {
                tallest = Math.max(tallest, Layout.heightFor(values.get(column), widths[column], 12));
            }
            // In twentieths of a point, as a row's height is kept.
            double height = (short) (tallest * 20) / 20.0;
            sheet.row(row, height, values.stream().map(value -> new NewSheet.TextCell(value, wrapped)).toList());
            if (!cell.isEmpty()) {
                sheet.link(CellRef.address(row, 3), Completion.link(cell));
            }
            row++;
        }
        int last = Math.max(Completion.FINDINGS_HEADER_ROW + 1, row);
        sheet.autoFilter("A" + (Completion.FINDINGS_HEADER_ROW + 1) + ":F" + last);
        return sheet;
    }
}
