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
import appendixfill.spreadsheet.SheetWriter.Page;
import appendixfill.spreadsheet.SheetWriter.Shade;
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
 *
 * <p>Both sheets print on A4 landscape with their page numbers. The table is fitted to the page's
 * width while its units still print legibly ({@value #FITTED_UNITS} unit columns); beyond, it
 * prints at that same scale, pages across then down, each with the row labels (STT, Chỉ tiêu,
 * Đơn vị tính) and the header repeated. The roll is fitted to the width.
 */
public final class ConsolidationWorkbook {

    /** STT, wording, unit, total, units covered, note; the units' columns follow. */
    private static final int WORDING_COLUMN = 1;
    private static final int TOTAL_COLUMN = 3;
    private static final int COVERAGE_COLUMN = 4;
    private static final int NOTE_COLUMN = 5;
    private static final int FIRST_UNIT_COLUMN = 6;
    private static final int HEADER_ROW = 4;

    /** The widths of the label and total columns, in characters; then each unit's. */
    private static final int[] TABLE_WIDTHS = {6, 40, 9, 13, 9, 28};
    private static final int UNIT_WIDTH = 12;

    /** The label columns a page of the table repeats: STT, Chỉ tiêu, Đơn vị tính. */
    private static final int LABEL_COLUMNS = 3;

    /** Up to this many unit columns, the table is fitted to the page's width; beyond, printed at {@link #SCALE}. */
    static final int FITTED_UNITS = 12;

    /**
     * The scale, in percent, at which {@value #FITTED_UNITS} units fill the width of a landscape
     * A4 page, as LibreOffice fits them (a character of column width is about 5,4 points; the
     * page is 842 points wide less 61 of margins): the scale of a wider table too, so that its
     * figures print as large as those of a table fitted to the page.
     */
    static final int SCALE = (int) (100 * 781 / (5.4 * (java.util.Arrays.stream(TABLE_WIDTHS).sum()
            + FITTED_UNITS * UNIT_WIDTH)));

    /** STT, code, unit, parent, file, standing, reason, errors, warnings, findings. */
    private static final int[] ROLL_WIDTHS = {5, 8, 20, 14, 20, 15, 36, 7, 9, 60};
    private static final int ROLL_HEADER_ROW = 3;
    private static final int ROLL_FINDINGS_COLUMN = 9;

    /**
     * The most lines of findings a unit's row of the roll shows: a few errors to ask about, so that
     * a printed roll keeps many units to a page; the rest are in the unit's own workbook.
     */
    private static final int ROLL_FINDINGS_LINES = 8;

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

    /** How the table prints with so many unit columns. */
    static Page tablePage(int units) {
        return units <= FITTED_UNITS ? Page.fittedToWidth(true, LABEL_COLUMNS, HEADER_ROW)
                : Page.scaled(true, SCALE, LABEL_COLUMNS, HEADER_ROW);
    }

    private void writeTable(SheetWriter sheet, Consolidated consolidated) throws IOException {
        List<Roll.Entry> units = consolidated.roll().counted();
        sheet.startSheet(Layout.CONSOLIDATION_SHEET, false, TABLE_WIDTHS, FIRST_UNIT_COLUMN, UNIT_WIDTH,
                FIRST_UNIT_COLUMN + units.size(), FIRST_UNIT_COLUMN, HEADER_ROW + 1, tablePage(units.size()));
        // The titles span the label and total columns: the first page's width, however wide the
        // table; or, where the label columns are repeated on every page, those, so that each page
        // across shows them whole.
        int titleLast = units.size() <= FITTED_UNITS ? NOTE_COLUMN : LABEL_COLUMNS - 1;
        int titleWidth = java.util.Arrays.stream(TABLE_WIDTHS, 0, titleLast + 1).sum();
        title(sheet, 0, "PHỤ LỤC I – TỔNG HỢP SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC", Look.TITLE, titleWidth,
                titleLast);
        Optional<Period> period = consolidated.roll().period();
        title(sheet, 1, consolidated.name() + (period.isPresent() ? ", " : " ") + Period.shown(period), Look.TITLE,
                titleWidth, titleLast);
        title(sheet, 2, "Tổng hợp từ " + VietnameseFormat.count(consolidated.totals().units()) + " đơn vị; mỗi tỷ lệ tính lại từ tổng tử số và "
                + "tổng mẫu số, không cộng hay lấy trung bình các tỷ lệ. Xem trang «" + Layout.ROLL_SHEET + "».",
                Look.PLAIN, titleWidth, titleLast);
        String[] titles = {"STT", "Chỉ tiêu", "Đơn vị tính", "Tổng cộng", "Số đơn vị có số liệu", "Ghi chú"};
        List<String> unitTitles = new ArrayList<>();
        float headerHeight = 0;
        for (int i = 0; i < titles.length; i++) {
            headerHeight = Math.max(headerHeight, height(titles[i], TABLE_WIDTHS[i]));
        }
        for (Roll.Entry unit : units) {
            // With its code where the list gives one: communes of the same name are common.
            String title = unit.name() + unit.unit().map(u -> " (" + u.code() + ")").orElse("");
            unitTitles.add(title);
            headerHeight = Math.max(headerHeight, height(title, UNIT_WIDTH));
        }
        sheet.row(HEADER_ROW, headerHeight);
        for (int i = 0; i < titles.length; i++) {
            sheet.text(i, titles[i], Look.HEADER);
        }
        for (int i = 0; i < unitTitles.size(); i++) {
            sheet.text(FIRST_UNIT_COLUMN + i, unitTitles.get(i), Look.HEADER);
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
        List<Submission> submissions = units.stream().map(u -> u.submission().orElseThrow()).toList();
        // A row's values, looked up once for its height and its cells.
        Value[] shown = new Value[submissions.size()];
        for (Indicator indicator : consolidated.rows()) {
            int r = rowOf.get(indicator.code());
            boolean heading = indicator.kind() == Kind.HEADING;
            Value total = consolidated.figures().get(indicator.code());
            // How a rate is computed is said once, under the title, and by its formula; beside it
            // only what it covers and the wrong figures it includes, so that its row stays short.
            String note = heading ? "" : indicator.kind() == Kind.RATE ? join(consolidated.coverageNote(indicator.code()),
                    consolidated.errorsNote(indicator.code())) : consolidated.note(indicator.code());
            Method method = indicator.consolidation().method();
            // Tall enough for the wording, the note and any text a unit's cell wraps («không phát sinh»).
            float height = Math.max(height(indicator.wording(), TABLE_WIDTHS[WORDING_COLUMN]),
                    height(note, TABLE_WIDTHS[NOTE_COLUMN]));
            if (!heading) {
                height = Math.max(height, height(shownText(total), TABLE_WIDTHS[TOTAL_COLUMN]));
                String longest = "";
                for (int i = 0; i < shown.length; i++) {
                    shown[i] = submissions.get(i).shown().getOrDefault(indicator.code(), Value.MISSING);
                    String text = shownText(shown[i]);
                    longest = text.length() > longest.length() ? text : longest;
                }
                height = Math.max(height, height(longest, UNIT_WIDTH));
            }
            sheet.row(r, height);
            sheet.text(0, indicator.stt(), heading ? Look.BOLD_CELL : Look.CENTRED_CELL);
            sheet.text(1, indicator.wording(), heading ? Look.BOLD_CELL : Look.CELL);
            sheet.text(2, indicator.unit(), Look.CENTRED_CELL);
            if (heading) {
                continue;
            }
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
            // A total that includes a figure its unit's checks found wrong is a doubt, said in its note.
            Shade doubt = consolidated.flags(indicator.code()).isEmpty() ? Shade.NONE : Shade.WARNING;
            value(sheet, TOTAL_COLUMN, formula, total, indicator, true, doubt);
            if (method == Method.SUM || method == Method.RATE || method == Method.WEIGHTED || method == Method.YES_COUNT) {
                sheet.number(COVERAGE_COLUMN, String.valueOf(consolidated.totals().coverage(catalogue, indicator.code())),
                        Look.COUNT);
            } else {
                sheet.text(COVERAGE_COLUMN, "", Look.CELL);
            }
            sheet.text(NOTE_COLUMN, note, Look.CELL, doubt);
            for (int i = 0; i < units.size(); i++) {
                Submission unit = submissions.get(i);
                if (method == Method.YES_COUNT && unit.totals().units() > 1) {
                    Tally tally = unit.totals().tally(indicator.code());
                    sheet.text(FIRST_UNIT_COLUMN + i, tally.units() > 0 ? Consolidated.answers(tally) : "", Look.CELL);
                } else {
                    // The unit's figure under an error, coloured as its own completed workbook colours it.
                    Shade shade = !unit.errorsInTotals().isEmpty() && unit.errorsInTotals().containsKey(indicator.code())
                            ? Shade.ERROR : Shade.NONE;
                    value(sheet, FIRST_UNIT_COLUMN + i, null, shown[i], indicator, false, shade);
                }
            }
        }
        sheet.endSheet();
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }

    /** A title row: its text merged across the columns up to {@code last}, as tall as its wrapped lines. */
    private static void title(SheetWriter sheet, int row, String text, Look look, int width, int last)
            throws IOException {
        // A bold title's letters are wider: it is measured as if its width were a fifth less.
        sheet.row(row, height(text, look == Look.TITLE ? width * 4 / 5 : width));
        sheet.text(0, text, look);
        sheet.merge(0, last);
    }

    /** The height of a row whose cell of that width wraps that text; a row of one line at least. */
    private static float height(String text, int width) {
        return Math.min(Layout.MAX_ROW_HEIGHT, Layout.heightFor(text, width, 12));
    }

    /** The text a value is shown as, "" for a number (which shrinks to fit rather than wraps). */
    private static String shownText(Value value) {
        if (value instanceof Value.NotApplicable) {
            return VietnameseFormat.NOT_APPLICABLE;
        }
        if (value instanceof Value.Text t) {
            return t.text();
        }
        return "";
    }

    private static void value(SheetWriter sheet, int column, String formula, Value value, Indicator indicator,
            boolean total, Shade shade) throws IOException {
        if (value instanceof Value.Amount a) {
            boolean percent = indicator.kind() == Kind.RATE || indicator.kind() == Kind.PERCENT;
            Look look = percent ? (total ? Look.TOTAL_RATE : Look.RATE) : (total ? Look.TOTAL_COUNT : Look.COUNT);
            if (formula != null) {
                sheet.formula(column, formula, a.number().toPlainString(), look, shade);
            } else {
                sheet.number(column, a.number().toPlainString(), look, shade);
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
            sheet.formulaText(column, formula, text, look, shade);
        } else {
            sheet.text(column, text, look, shade);
        }
    }

    /**
     * How a line of the roll is coloured, as a completed workbook colours its findings: rose where
     * the receiver must act (nothing received, nothing usable, or errors), yellow for a unit not
     * on the list, blue for a second workbook that was not used; none for a plain receipt.
     */
    static Shade shade(Standing standing) {
        return switch (standing) {
            case RECEIVED -> Shade.NONE;
            case UNLISTED -> Shade.WARNING;
            case DUPLICATE -> Shade.INFO;
            case WITH_ERRORS, WITH_ERRORS_LEFT_OUT, WRONG_PERIOD, WRONG_VERSION, UNREADABLE, MISSING -> Shade.ERROR;
        };
    }

    private void writeRoll(SheetWriter sheet, Roll roll) throws IOException {
        sheet.startSheet(Layout.ROLL_SHEET, false, ROLL_WIDTHS, ROLL_WIDTHS.length, 10, ROLL_WIDTHS.length, 0,
                ROLL_HEADER_ROW + 1, Page.fittedToWidth(true, 0, ROLL_HEADER_ROW));
        int width = java.util.Arrays.stream(ROLL_WIDTHS).sum();
        title(sheet, 0, "TÌNH HÌNH NỘP BÁO CÁO", Look.TITLE, width, ROLL_WIDTHS.length - 1);
        title(sheet, 1, "Tổng hợp " + VietnameseFormat.count(roll.totals().units()) + " đơn vị. "
                + String.join("; ", roll.counts().stream().map(Roll.Count::toString).toList()) + ".", Look.PLAIN, width,
                ROLL_WIDTHS.length - 1);
        title(sheet, 2, "Màu nền: đỏ – cần xử lý (chưa gửi, không dùng được hoặc có lỗi); vàng – không có trong danh "
                + "sách đơn vị; xanh – tệp gửi trùng, không dùng.", Look.PLAIN, width, ROLL_WIDTHS.length - 1);
        String[] titles = {"STT", "Mã", "Đơn vị", "Trực thuộc", "Tệp", "Tình trạng", "Lý do", "Số lỗi", "Số cảnh báo",
            "Lỗi và cảnh báo"};
        float headerHeight = 0;
        for (int i = 0; i < titles.length; i++) {
            headerHeight = Math.max(headerHeight, height(titles[i], ROLL_WIDTHS[i]));
        }
        sheet.row(ROLL_HEADER_ROW, headerHeight);
        for (int i = 0; i < titles.length; i++) {
            sheet.text(i, titles[i], Look.HEADER);
        }
        int r = ROLL_HEADER_ROW + 1;
        for (Roll.Entry entry : roll.entries()) {
            Shade shade = shade(entry.standing());
            String code = entry.unit().map(u -> u.code()).orElse("");
            String parent = entry.unit().map(u -> u.parent()).orElse("");
            String file = entry.submission().map(Submission::file).orElse("");
            String findings = entry.submission().filter(Submission::readable).map(ConsolidationWorkbook::findings)
                    .orElse("");
            String[] texts = {"", code, entry.name(), parent, file, entry.standing().word(), entry.reason(), "", "",
                findings};
            float height = 0;
            for (int i = 0; i < texts.length; i++) {
                height = Math.max(height, height(texts[i], ROLL_WIDTHS[i]));
            }
            sheet.row(r, height);
            sheet.number(0, String.valueOf(r - ROLL_HEADER_ROW), Look.COUNT, shade);
            for (int i = 1; i <= 6; i++) {
                sheet.text(i, texts[i], i == 5 && entry.standing() != Standing.RECEIVED ? Look.BOLD_CELL : Look.CELL,
                        shade);
            }
            if (entry.submission().filter(Submission::readable).isPresent()) {
                Submission submission = entry.submission().get();
                sheet.number(7, String.valueOf(submission.errors()), Look.COUNT, shade);
                sheet.number(8, String.valueOf(submission.warnings()), Look.COUNT, shade);
            } else {
                sheet.text(7, "", Look.CELL, shade);
                sheet.text(8, "", Look.CELL, shade);
            }
            sheet.text(ROLL_FINDINGS_COLUMN, findings, Look.CELL, shade);
            r++;
        }
        sheet.endSheet();
    }

    /**
     * A unit's errors, then its warnings, one a line, as many as {@link #ROLL_FINDINGS_LINES} lines
     * hold; then how many more its own workbook lists.
     */
    private static String findings(Submission submission) {
        int width = ROLL_WIDTHS[ROLL_FINDINGS_COLUMN];
        List<String> all = submission.findings();
        StringBuilder text = new StringBuilder();
        int lines = 0;
        for (int i = 0; i < all.size(); i++) {
            String line = all.get(i);
            String more = "… và " + VietnameseFormat.count(all.size() - i) + " lỗi, cảnh báo khác: xem trang «"
                    + Layout.FINDINGS_SHEET + "» trong biểu của đơn vị.";
            int needed = lines + Layout.linesFor(line, width, 12)
                    + (i + 1 < all.size() ? Layout.linesFor(more, width, 12) : 0);
            if (needed > ROLL_FINDINGS_LINES
                    || text.length() + line.length() + more.length() + 2 > MAX_CELL_TEXT) {
                return text.append(text.length() == 0 ? "" : "\n").append(more).toString();
            }
            text.append(text.length() == 0 ? "" : "\n").append(line);
            lines += Layout.linesFor(line, width, 12);
        }
        return text.toString();
    }

    private static void writeTotals(SheetWriter sheet, Consolidated consolidated) throws IOException {
        sheet.startSheet(Layout.TOTALS_SHEET, true, new int[0], 0, 10, 0, 0, 0, Page.NONE);
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
