package appendixfill.workbook;

import appendixfill.consolidate.Consolidated;
import appendixfill.consolidate.Roll;
import appendixfill.consolidate.Standing;
import appendixfill.consolidate.Submission;
import appendixfill.consolidate.Tally;
import appendixfill.consolidate.Totals;
import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Consolidation.Method;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Kind;
import appendixfill.indicator.Rates;
import appendixfill.indicator.Value;
import appendixfill.indicator.VietnameseFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The consolidated workbook (OUT.xlsx): sheet «Tổng hợp Phụ lục I» with a total column and one
 * column per unit counted, sheet «Tình hình nộp báo cáo», and a very hidden sheet with the totals
 * as numbers, so that the workbook can itself be consolidated as one unit. Written row by row
 * (POI's streaming writer): thousands of unit columns stay in little memory.
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

    /** Writes the consolidated workbook. */
    public void write(Consolidated consolidated, OutputStream out) throws IOException {
        XSSFWorkbook base = new XSSFWorkbook();
        var properties = base.getProperties();
        properties.getCoreProperties().setCreator("appendix-fill");
        properties.getCoreProperties().setTitle("Tổng hợp Phụ lục I - " + consolidated.name());
        properties.getCustomProperties().addProperty(Layout.PROPERTY_TEMPLATE, Layout.CONSOLIDATION_TEMPLATE);
        properties.getCustomProperties().addProperty(Layout.PROPERTY_VERSION, Catalogue.TEMPLATE_VERSION);
        SXSSFWorkbook workbook = new SXSSFWorkbook(base, 20);
        try {
            Looks looks = new Looks(workbook);
            writeTable(workbook, consolidated, looks);
            writeRoll(workbook, consolidated.roll(), looks);
            writeTotals(workbook, consolidated);
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    /** Reads the totals back from a consolidated workbook, as one unit of a larger consolidation. */
    public static Optional<Totals> totals(StreamedWorkbook workbook) {
        if (!workbook.template().filter(Layout.CONSOLIDATION_TEMPLATE::equals).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(Totals.fromRows(workbook.sheet(Layout.TOTALS_SHEET)));
    }

    /** The name and period stored with the totals: "name", "period", "year" rows. */
    public static Map<String, String> details(StreamedWorkbook workbook) {
        Map<String, String> details = new HashMap<>();
        for (List<String> row : workbook.sheet(Layout.TOTALS_SHEET)) {
            if (row.size() == 2 && !row.get(0).equals("units")) {
                details.put(row.get(0), row.get(1));
            }
        }
        return details;
    }

    /** The sheets a reader asks {@link StreamedWorkbook} for to read a consolidated workbook back. */
    public static Set<String> sheets() {
        return Set.of(Layout.TOTALS_SHEET);
    }

    private void writeTable(SXSSFWorkbook workbook, Consolidated consolidated, Looks looks) {
        SXSSFSheet sheet = workbook.createSheet(Layout.CONSOLIDATION_SHEET);
        List<Roll.Entry> units = consolidated.roll().counted();
        int[] widths = {9, 60, 12, 16, 12, 40};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        for (int i = 0; i < units.size(); i++) {
            sheet.setColumnWidth(FIRST_UNIT_COLUMN + i, 16 * 256);
        }
        text(sheet.createRow(0), 0, "PHỤ LỤC I – TỔNG HỢP SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC", looks.title);
        text(sheet.createRow(1), 0, consolidated.name() + consolidated.roll().period().map(p -> ", " + p).orElse(""),
                looks.title);
        text(sheet.createRow(2), 0, "Tổng hợp từ " + consolidated.totals().units() + " đơn vị; mỗi tỷ lệ tính lại từ "
                + "tổng tử số và tổng mẫu số, không cộng hay lấy trung bình các tỷ lệ. Xem trang «" + Layout.ROLL_SHEET
                + "».", looks.plain);
        Row header = sheet.createRow(HEADER_ROW);
        String[] titles = {"STT", "Chỉ tiêu", "Đơn vị tính", "Tổng cộng", "Số đơn vị có số liệu", "Ghi chú"};
        for (int i = 0; i < titles.length; i++) {
            text(header, i, titles[i], looks.header);
        }
        for (int i = 0; i < units.size(); i++) {
            text(header, FIRST_UNIT_COLUMN + i, units.get(i).name(), looks.header);
        }
        sheet.createFreezePane(FIRST_UNIT_COLUMN, HEADER_ROW + 1);

        // The row of every indicator, so that a rate's formula can point at its parts' totals.
        Map<String, Integer> rowOf = new HashMap<>();
        int next = HEADER_ROW + 1;
        for (Indicator indicator : consolidated.rows()) {
            rowOf.put(indicator.code(), next++);
        }
        String lastUnitColumn = CellReference.convertNumToColString(FIRST_UNIT_COLUMN + Math.max(0, units.size() - 1));
        String firstUnitColumn = CellReference.convertNumToColString(FIRST_UNIT_COLUMN);
        String totalColumn = CellReference.convertNumToColString(TOTAL_COLUMN);
        for (Indicator indicator : consolidated.rows()) {
            int r = rowOf.get(indicator.code());
            Row row = sheet.createRow(r);
            boolean heading = indicator.kind() == Kind.HEADING;
            text(row, 0, indicator.stt(), heading ? looks.boldCell : looks.cell);
            text(row, 1, indicator.wording(), heading ? looks.boldCell : looks.cell);
            text(row, 2, indicator.unit(), looks.cell);
            if (heading) {
                continue;
            }
            Value total = consolidated.figures().get(indicator.code());
            Cell cell = row.createCell(TOTAL_COLUMN);
            Method method = indicator.consolidation().method();
            if (method == Method.SUM && !units.isEmpty()) {
                cell.setCellFormula("IF(COUNT(" + firstUnitColumn + (r + 1) + ":" + lastUnitColumn + (r + 1)
                        + ")=0,\"\",SUM(" + firstUnitColumn + (r + 1) + ":" + lastUnitColumn + (r + 1) + "))");
            } else if (method == Method.RATE) {
                String num = totalColumn + (rowOf.get(indicator.numerator()) + 1);
                String den = totalColumn + (rowOf.get(indicator.denominator()) + 1);
                cell.setCellFormula("IF(OR(" + num + "=\"\"," + den + "=\"\"),\"\",IF(" + den + "=0,\""
                        + VietnameseFormat.NOT_APPLICABLE + "\",ROUND(" + num + "/" + den + "*100," + Rates.SCALE + ")))");
            }
            value(cell, total, indicator, looks, true);
            if (method == Method.SUM || method == Method.RATE || method == Method.WEIGHTED || method == Method.YES_COUNT) {
                row.createCell(COVERAGE_COLUMN).setCellValue(consolidated.totals().coverage(catalogue, indicator.code()));
                row.getCell(COVERAGE_COLUMN).setCellStyle(looks.count);
            }
            text(row, NOTE_COLUMN, consolidated.note(indicator.code()), looks.cell);
            for (int i = 0; i < units.size(); i++) {
                Submission unit = units.get(i).submission().orElseThrow();
                Cell unitCell = row.createCell(FIRST_UNIT_COLUMN + i);
                if (method == Method.YES_COUNT && unit.totals().units() > 1) {
                    Tally tally = unit.totals().tally(indicator.code());
                    if (tally.units() > 0) {
                        unitCell.setCellValue(Consolidated.answers(tally));
                    }
                    unitCell.setCellStyle(looks.cell);
                } else {
                    value(unitCell, unit.shown().getOrDefault(indicator.code(), Value.MISSING), indicator, looks, false);
                }
            }
        }
    }

    private static void value(Cell cell, Value value, Indicator indicator, Looks looks, boolean total) {
        if (value instanceof Value.Amount a) {
            cell.setCellValue(a.number().doubleValue());
            boolean percent = indicator.kind() == Kind.RATE || indicator.kind() == Kind.PERCENT;
            cell.setCellStyle(percent ? (total ? looks.totalRate : looks.rate) : (total ? looks.totalCount : looks.count));
            return;
        }
        if (value instanceof Value.NotApplicable) {
            cell.setCellValue(VietnameseFormat.NOT_APPLICABLE);
        } else if (value instanceof Value.YesNo y) {
            cell.setCellValue(y.word());
        } else if (value instanceof Value.Text t) {
            cell.setCellValue(t.text());
        } else if (value instanceof Value.Day d) {
            cell.setCellValue(VietnameseFormat.date(d));
        } else {
            // A missing value stays blank (never 0); a formula's saved result is then empty text.
            cell.setCellValue("");
        }
        cell.setCellStyle(total ? looks.totalCell : looks.cell);
    }

    private void writeRoll(SXSSFWorkbook workbook, Roll roll, Looks looks) {
        SXSSFSheet sheet = workbook.createSheet(Layout.ROLL_SHEET);
        int[] widths = {6, 12, 28, 18, 30, 22, 60, 8, 10, 100};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        text(sheet.createRow(0), 0, "TÌNH HÌNH NỘP BÁO CÁO", looks.title);
        List<String> parts = new ArrayList<>();
        for (Standing standing : Standing.values()) {
            long n = roll.count(standing);
            if (n > 0) {
                parts.add(standing.word() + ": " + n);
            }
        }
        text(sheet.createRow(1), 0, "Tổng hợp " + roll.totals().units() + " đơn vị. " + String.join("; ", parts) + ".",
                looks.plain);
        Row header = sheet.createRow(3);
        String[] titles = {"STT", "Mã", "Đơn vị", "Trực thuộc", "Tệp", "Tình trạng", "Lý do", "Số lỗi", "Số cảnh báo",
            "Lỗi và cảnh báo"};
        for (int i = 0; i < titles.length; i++) {
            text(header, i, titles[i], looks.header);
        }
        sheet.createFreezePane(0, 4);
        int r = 4;
        for (Roll.Entry entry : roll.entries()) {
            Row row = sheet.createRow(r);
            row.createCell(0).setCellValue(r - 3);
            text(row, 1, entry.unit().map(u -> u.code()).orElse(""), looks.cell);
            text(row, 2, entry.name(), looks.cell);
            text(row, 3, entry.unit().map(u -> u.parent()).orElse(""), looks.cell);
            text(row, 4, entry.submission().map(Submission::file).orElse(""), looks.cell);
            text(row, 5, entry.standing().word(), entry.standing() == Standing.RECEIVED ? looks.cell : looks.flagged);
            text(row, 6, entry.reason(), looks.cell);
            if (entry.submission().filter(Submission::readable).isPresent()) {
                Submission submission = entry.submission().get();
                row.createCell(7).setCellValue(submission.errors());
                row.createCell(8).setCellValue(submission.warnings());
                String findings = String.join("\n", submission.findings());
                text(row, 9, findings.length() > MAX_CELL_TEXT ? findings.substring(0, MAX_CELL_TEXT) + "…" : findings,
                        looks.cell);
            }
            r++;
        }
    }

    private static void writeTotals(SXSSFWorkbook workbook, Consolidated consolidated) {
        SXSSFSheet sheet = workbook.createSheet(Layout.TOTALS_SHEET);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("name", consolidated.name()));
        consolidated.roll().period().ifPresent(p -> {
            rows.add(List.of("period", p.name()));
            rows.add(List.of("year", String.valueOf(p.year())));
        });
        rows.addAll(consolidated.totals().toRows());
        int r = 0;
        for (List<String> values : rows) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < values.size(); c++) {
                // Text, never numbers: the totals read back digit for digit, with no binary rounding.
                row.createCell(c).setCellValue(values.get(c));
            }
        }
        workbook.setSheetVisibility(workbook.getSheetIndex(sheet), SheetVisibility.VERY_HIDDEN);
    }

    private static void text(Row row, int column, String text, CellStyle style) {
        Cell cell = row.createCell(column);
        if (!text.isEmpty()) {
            cell.setCellValue(text);
        }
        cell.setCellStyle(style);
    }

    /** The few cell styles of the consolidated workbook. */
    private static final class Looks {
        final CellStyle title;
        final CellStyle plain;
        final CellStyle header;
        final CellStyle cell;
        final CellStyle boldCell;
        final CellStyle flagged;
        final CellStyle count;
        final CellStyle rate;
        final CellStyle totalCount;
        final CellStyle totalRate;
        final CellStyle totalCell;

        Looks(SXSSFWorkbook workbook) {
            Font normal = font(workbook, false);
            Font bold = font(workbook, true);
            title = style(workbook, bold, false);
            plain = style(workbook, normal, false);
            header = style(workbook, bold, true);
            header.setWrapText(true);
            cell = style(workbook, normal, true);
            cell.setWrapText(true);
            boldCell = style(workbook, bold, true);
            boldCell.setWrapText(true);
            flagged = style(workbook, bold, true);
            count = style(workbook, normal, true);
            count.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
            rate = style(workbook, normal, true);
            rate.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            totalCount = style(workbook, bold, true);
            totalCount.setDataFormat(count.getDataFormat());
            totalRate = style(workbook, bold, true);
            totalRate.setDataFormat(rate.getDataFormat());
            totalCell = style(workbook, bold, true);
            for (CellStyle total : List.of(totalCount, totalRate, totalCell)) {
                total.setFillForegroundColor(Styles.DERIVED_FILL);
                total.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            }
        }

        private static Font font(SXSSFWorkbook workbook, boolean bold) {
            Font font = workbook.createFont();
            font.setFontName(Styles.fontName());
            font.setFontHeightInPoints((short) 12);
            font.setBold(bold);
            return font;
        }

        private static CellStyle style(SXSSFWorkbook workbook, Font font, boolean bordered) {
            CellStyle style = workbook.createCellStyle();
            style.setFont(font);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            if (bordered) {
                style.setBorderTop(BorderStyle.THIN);
                style.setBorderBottom(BorderStyle.THIN);
                style.setBorderLeft(BorderStyle.THIN);
                style.setBorderRight(BorderStyle.THIN);
            }
            return style;
        }
    }
}
