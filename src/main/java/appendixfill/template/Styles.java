package appendixfill.template;

import appendixfill.form.Layout;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/** The cell styles of the generated template: Times New Roman, as Nghị định 30/2020/NĐ-CP asks. */
final class Styles {

    /** The fill of a derived cell: grey, so the officer sees it is computed. */
    static String fontName() {
        return Layout.FONT;
    }

    static final short DERIVED_FILL = (short) Layout.DERIVED_COLOUR;

    final CellStyle title;
    final CellStyle subtitle;
    final CellStyle header;
    final CellStyle heading;
    final CellStyle wording;
    final CellStyle subWording;
    final CellStyle centered;
    final CellStyle count;
    final CellStyle percent;
    final CellStyle rate;
    final CellStyle answer;
    final CellStyle note;
    final CellStyle text;
    final CellStyle hint;

    Styles(Workbook workbook) {
        Font plain = font(workbook, false, false, 12);
        Font bold = font(workbook, true, false, 12);
        Font italic = font(workbook, false, true, 12);
        Font small = font(workbook, false, true, 10);
        title = style(workbook, bold, false, HorizontalAlignment.CENTER, false);
        subtitle = style(workbook, italic, false, HorizontalAlignment.CENTER, false);
        header = style(workbook, bold, true, HorizontalAlignment.CENTER, false);
        heading = style(workbook, bold, true, HorizontalAlignment.LEFT, false);
        wording = style(workbook, plain, true, HorizontalAlignment.LEFT, false);
        subWording = style(workbook, italic, true, HorizontalAlignment.LEFT, false);
        centered = style(workbook, plain, true, HorizontalAlignment.CENTER, false);
        count = style(workbook, plain, true, HorizontalAlignment.RIGHT, true);
        count.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
        percent = style(workbook, plain, true, HorizontalAlignment.RIGHT, true);
        // Two decimals as a derived rate shows them: "0.##" leaves Excel showing 70 as "70.".
        percent.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
        rate = style(workbook, plain, true, HorizontalAlignment.RIGHT, false);
        rate.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
        rate.setFillForegroundColor(DERIVED_FILL);
        rate.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        answer = style(workbook, plain, true, HorizontalAlignment.CENTER, true);
        note = style(workbook, plain, true, HorizontalAlignment.LEFT, true);
        text = style(workbook, plain, true, HorizontalAlignment.LEFT, true);
        // Text cells keep what is typed as text: "11/2023" must not become a date.
        text.setDataFormat(workbook.createDataFormat().getFormat("@"));
        text.setVerticalAlignment(VerticalAlignment.TOP);
        hint = style(workbook, small, true, HorizontalAlignment.LEFT, false);
    }

    private static Font font(Workbook workbook, boolean bold, boolean italic, int points) {
        Font font = workbook.createFont();
        font.setFontName(Layout.FONT);
        font.setFontHeightInPoints((short) points);
        font.setBold(bold);
        font.setItalic(italic);
        return font;
    }

    private static CellStyle style(Workbook workbook, Font font, boolean bordered, HorizontalAlignment alignment,
            boolean input) {
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        style.setWrapText(true);
        style.setAlignment(alignment);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        style.setLocked(!input);
        if (bordered) {
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
        }
        return style;
    }
}
