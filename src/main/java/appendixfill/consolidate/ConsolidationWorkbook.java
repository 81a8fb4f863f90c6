package appendixfill.consolidate;

import appendixfill.form.Layout;
import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Consolidation.Method;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Kind;
import appendixfill.indicator.Rates;
import appendixfill.indicator.Value;
import appendixfill.indicator.VietnameseFormat;
import appendixfill.spreadsheet.CellRef;
import appendixfill.spreadsheet.SheetWriter;
import appendixfill.spreadsheet.SheetWriter.Look;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The consolidated workbook (OUT.xlsx): sheet «Tổng hợp Phụ lục I» with a total column and one
 * column per unit counted, sheet «Tình hình nộp báo cáo», and a very hidden sheet with the totals
 * as text, so that the workbook can itself be consolidated as one unit. Written row by row as
 * plain SpreadsheetML ({@link SheetWriter}): thousands of unit columns stay in little memory.
 */
public final class ConsolidationWorkbook {

    /** STT, wording, unit, total, units covered, note; the units' columns follow. */
    private static final int TOTAL_COLUMN = 3;
    private static final int COVERAGE_COLUMN = 4;
    private static final int NOTE_COLUMN = 5;
    private static final int FIRST_UNIT_COLUMN = 6;
    private static final int HEADER_ROW = 4;

    /** Excel refuses a cell longer than this. */
    private static final int MAX_CELL_TEXT = 32_000;

    private final Catalogue catalogue;

    public ConsolidationWorkbook(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Writes the consolidated workbook, carrying the stamp of the run that writes it. */
    public void write(Consolidated consolidated, String run, OutputStream out) throws IOException {
        try (SheetWriter writer = new SheetWriter(out)) {
            writeTable(writer, consolidated);
            writeRoll(writer, consolidated.roll());
            writeTotals(writer, consolidated);
            Map<String, String> properties = new java.util.LinkedHashMap<>();
            properties.put(Layout.PROPERTY_TEMPLATE, Layout.CONSOLIDATION_TEMPLATE);
            properties.put(Layout.PROPERTY_VERSION, Catalogue.TEMPLATE_VERSION);
            properties.put(Layout.PROPERTY_RUN, run);
            writer.finish("Tổng hợp Phụ lục I - " + consolidated.name(), properties);
        }
    }

    /** The name and period stored with the totals: "name", "period", "year" rows. */
    public static Map<String, String> details(List<List<String>> rows) {
        Map<String, String> details = new HashMap<>();
        for (List<String> row : rows) {
            if (row.size() == 2 && !row.get(0).equals("units")) {
                details.put(row.get(0), row.get(1));
            }
        }
        return details;
    }

    private void writeTable(SheetWriter sheet, Consolidated consolidated) throws IOException {
        List<Roll.Entry> units = consolidated.roll().counted();
        sheet.startSheet(Layout.CONSOLIDATION_SHEET, false, new int[] {9, 60, 12, 16, 12, 40}, FIRST_UNIT_COLUMN,
                FIRST_UNIT_COLUMN + units.size(), FIRST_UNIT_COLUMN, HEADER_ROW + 1);
        sheet.row(0);
        sheet.text(0, "PHỤ LỤC I – TỔNG HỢP SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC", Look.TITLE);
        sheet.row(1);
        Optional<Period> period = consolidated.roll().period();
        sheet.text(0, consolidated.name() + (period.isPresent() ? ", " : " ") + Period.shown(period), Look.TITLE);
        sheet.row(2);
        sheet.text(0, "Tổng hợp từ " + VietnameseFormat.count(consolidated.totals().units()) + " đơn vị; mỗi tỷ lệ tính lại từ tổng tử số và "
                + "tổng mẫu số, không cộng hay lấy trung bình các tỷ lệ. Xem trang «" + Layout.ROLL_SHEET + "».",
                Look.PLAIN);
        sheet.row(HEADER_ROW);
        String[] titles = {"STT", "Chỉ tiêu", "Đơn vị tính", "Tổng cộng", "Số đơn vị có số liệu", "Ghi chú"};
        for (int i = 0; i < titles.length; i++) {
            sheet.text(i, titles[i], Look.HEADER);
        }
        for (int i = 0; i < units.size(); i++) {
            // With its code where the list gives one: communes of the same name are common.
            Roll.Entry unit = units.get(i);
            sheet.text(FIRST_UNIT_COLUMN + i, unit.name() + unit.unit().map(u -> " (" + u.code() + ")").orElse(""),
                    Look.HEADER);
        }

        // The row of every indicator, so that a rate's formula can point at its parts' totals.
        Map<String, Integer> rowOf = new HashMap<>();
        int next = HEADER_ROW + 1;
        for (Indicator indicator : consolidated.rows()) {
            rowOf.put(indicator.code(), next++);
        }
        String firstUnitColumn = CellRef.column(FIRST_UNIT_COLUMN);
        String lastUnitColumn = CellRef.column(FIRST_UNIT_COLUMN + Math.max(0, units.size() - 1));
        String totalColumn = CellRef.column(TOTAL_COLUMN);
        for (Indicator indicator : consolidated.rows()) {
            int r = rowOf.get(indicator.code());
            sheet.row(r, Layout.heightFor(indicator.wording(), 60, 12));
            boolean heading = indicator.kind() == Kind.HEADING;
            sheet.text(0, indicator.stt(), heading ? Look.BOLD_CELL : Look.CELL);
            sheet.text(1, indicator.wording(), heading ? Look.BOLD_CELL : Look.CELL);
            sheet.text(2, indicator.unit(), Look.CELL);
            if (heading) {
                continue;
            }
            Value total = consolidated.figures().get(indicator.code());
            Method method = indicator.consolidation().method();
            String formula = null;
            if (method == Method.SUM && !units.isEmpty()) {
                String range = firstUnitColumn + (r + 1) + ":" + lastUnitColumn + (r + 1);
                // Blank, not 0, when no unit gave the figure: a missing value is not a zero.
                formula = "IF(COUNT(" + range + ")=0,\"\",SUM(" + range + "))";
            } else if (method == Method.RATE) {
                String num = totalColumn + (rowOf.get(indicator.numerator()) + 1);
                String den = totalColumn + (rowOf.get(indicator.denominator()) + 1);
                formula = "IF(OR(" + num + "=\"\"," + den + "=\"\"),\"\",IF(" + den + "=0,\""
                        + VietnameseFormat.NOT_APPLICABLE + "\",ROUND(" + num + "/" + den + "*100," + Rates.SCALE + ")))";
            }
            value(sheet, TOTAL_COLUMN, formula, total, indicator, true);
            if (method == Method.SUM || method == Method.RATE || method == Method.WEIGHTED || method == Method.YES_COUNT) {
                sheet.number(COVERAGE_COLUMN, String.valueOf(consolidated.totals().coverage(catalogue, indicator.code())),
                        Look.COUNT);
            } else {
                sheet.text(COVERAGE_COLUMN, "", Look.CELL);
            }
            sheet.text(NOTE_COLUMN, consolidated.note(indicator.code()), Look.CELL);
            for (int i = 0; i < units.size(); i++) {
                Submission unit = units.get(i).submission().orElseThrow();
                if (method == Method.YES_COUNT && unit.totals().units() > 1) {
                    Tally tally = unit.totals().tally(indicator.code());
                    sheet.text(FIRST_UNIT_COLUMN + i, tally.units() > 0 ? Consolidated.answers(tally) : "", Look.CELL);
                } else {
                    value(sheet, FIRST_UNIT_COLUMN + i, null, unit.shown().getOrDefault(indicator.code(), Value.MISSING),
                            indicator, false);
                }
            }
        }
        sheet.endSheet();
    }

    private static void value(SheetWriter sheet, int column, String formula, Value value, Indicator indicator,
            boolean total) throws IOException {
        if (value instanceof Value.Amount a) {
            boolean percent = indicator.kind() == Kind.RATE || indicator.kind() == Kind.PERCENT;
            Look look = percent ? (total ? Look.TOTAL_RATE : Look.RATE) : (total ? Look.TOTAL_COUNT : Look.COUNT);
            if (formula != null) {
                sheet.formula(column, formula, a.number().toPlainString(), look);
            } else {
                sheet.number(column, a.number().toPlainString(), look);
            }
            return;
        }
        String text;
        if (value instanceof Value.NotApplicable) {
            text = VietnameseFormat.NOT_APPLICABLE;
        } else if (value instanceof Value.YesNo y) {
            text = y.word();
        } else if (value instanceof Value.Text t) {
            text = t.text();
        } else if (value instanceof Value.Day d) {
            text = VietnameseFormat.date(d);
        } else {
            text = "";
        }
        Look look = total ? Look.TOTAL_CELL : Look.CELL;
        if (formula != null) {
            sheet.formulaText(column, formula, text, look);
        } else {
            sheet.text(column, text, look);
        }
    }

    private void writeRoll(SheetWriter sheet, Roll roll) throws IOException {
        sheet.startSheet(Layout.ROLL_SHEET, false, new int[] {6, 12, 28, 18, 30, 22, 60, 8, 10, 100}, 10, 10, 0, 4);
        sheet.row(0);
        sheet.text(0, "TÌNH HÌNH NỘP BÁO CÁO", Look.TITLE);
        sheet.row(1);
        sheet.text(0, "Tổng hợp " + VietnameseFormat.count(roll.totals().units()) + " đơn vị. "
                + String.join("; ", roll.counts().stream().map(Roll.Count::toString).toList()) + ".", Look.PLAIN);
        sheet.row(3);
        String[] titles = {"STT", "Mã", "Đơn vị", "Trực thuộc", "Tệp", "Tình trạng", "Lý do", "Số lỗi", "Số cảnh báo",
            "Lỗi và cảnh báo"};
        for (int i = 0; i < titles.length; i++) {
            sheet.text(i, titles[i], Look.HEADER);
        }
        int r = 4;
        for (Roll.Entry entry : roll.entries()) {
            sheet.row(r);
            sheet.number(0, String.valueOf(r - 3), Look.COUNT);
            sheet.text(1, entry.unit().map(u -> u.code()).orElse(""), Look.CELL);
            sheet.text(2, entry.name(), Look.CELL);
            sheet.text(3, entry.unit().map(u -> u.parent()).orElse(""), Look.CELL);
            sheet.text(4, entry.submission().map(Submission::file).orElse(""), Look.CELL);
            sheet.text(5, entry.standing().word(), entry.standing() == Standing.RECEIVED ? Look.CELL : Look.BOLD_CELL);
            sheet.text(6, entry.reason(), Look.CELL);
            if (entry.submission().filter(Submission::readable).isPresent()) {
                Submission submission = entry.submission().get();
                sheet.number(7, String.valueOf(submission.errors()), Look.COUNT);
                sheet.number(8, String.valueOf(submission.warnings()), Look.COUNT);
                String findings = String.join("\n", submission.findings());
                sheet.text(9, findings.length() > MAX_CELL_TEXT ? findings.substring(0, MAX_CELL_TEXT) + "…" : findings,
                        Look.CELL);
            }
            r++;
        }
        sheet.endSheet();
    }

    private static void writeTotals(SheetWriter sheet, Consolidated consolidated) throws IOException {
        sheet.startSheet(Layout.TOTALS_SHEET, true, new int[0], 0, 0, 0, 0);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("name", consolidated.name()));
        consolidated.roll().period().ifPresent(p -> {
            rows.add(List.of("period", p.name()));
            rows.add(List.of("year", String.valueOf(p.year())));
        });
        rows.addAll(consolidated.totals().toRows());
        int r = 0;
        for (List<String> values : rows) {
            sheet.row(r++);
            for (int c = 0; c < values.size(); c++) {
                // Text, never numbers: the totals read back digit for digit, with no binary rounding.
                sheet.text(c, values.get(c), Look.DEFAULT);
            }
        }
        sheet.endSheet();
    }
}
