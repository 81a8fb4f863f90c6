package appendixfill.form;


/** Where things stand in the workbook the tool generates. Readers find cells by defined name. */
public final class Layout {

    public static final String FONT = "Times New Roman";

    /** The grey of a derived rate's cell: index 22 (25 % grey) of Excel's legacy palette. */
    public static final int DERIVED_COLOUR = 22;

    // Phụ lục I: title block, two header rows, then one row per indicator.
    public static final int STT_COLUMN = 0;
    public static final int WORDING_COLUMN = 1;
    public static final int UNIT_COLUMN = 2;
    public static final int VALUE_COLUMN = 3;
    public static final int NOTE_COLUMN = 4;
    public static final int TITLE_PERIOD_ROW = 2;
    public static final int TITLE_ATTACHED_ROW = 3;
    public static final int HEADER_ROW = 5;
    public static final int FIRST_APPENDIX_ROW = 7;

    // Thông tin báo cáo: title, help line, header, then one row per field.
    public static final int LABEL_COLUMN = 0;
    public static final int DETAIL_VALUE_COLUMN = 1;
    public static final int DETAIL_UNIT_COLUMN = 2;
    public static final int HINT_COLUMN = 3;
    public static final int FIRST_DETAIL_ROW = 3;

    /** Names of the two title cells the fill writes from the report's details. */
    public static final String TITLE_PERIOD_NAME = "PL_TIEU_DE_KY";
    public static final String TITLE_ATTACHED_NAME = "PL_TIEU_DE_KEM_THEO";

    public static final String FINDINGS_SHEET = "Kết quả kiểm tra";

    /**
     * The page numbers every printed sheet carries in its footer («Trang 2/5»), in Excel's codes,
     * for the centre section (spreadsheet.SheetWriter writes the same).
     */
    public static final String PAGE_NUMBERS = "&\"Times New Roman,Regular\"&10Trang &P/&N";

    /** A very hidden sheet: what the officer had typed in the cells the tool rewrote. */
    public static final String LEDGER_SHEET = "appendix-fill";

    /** A very hidden sheet: the change log of the workbook's own submissions (revision.ChangeLog). */
    public static final String CHANGES_SHEET = "appendix-fill-changes";

    public static final String PROPERTY_TEMPLATE = "appendix-fill.template";
    public static final String PROPERTY_VERSION = "appendix-fill.template-version";

    /**
     * How the completed workbook was made: from the officer's own workbook or a copy of the
     * template, of which format, read through names or as a plain table ("own xlsx by names").
     */
    public static final String PROPERTY_COMPLETED_FROM = "appendix-fill.completed-from";

    /**
     * The stamp of the run that wrote the workbook, the same as in the manifest of its set of
     * outputs (.NAME.manifest): a workbook beside outputs of another run is told by it.
     */
    public static final String PROPERTY_RUN = "appendix-fill.run";

    /** The template identifier of a consolidated workbook (OUT.xlsx of «appendix-fill consolidate»). */
    public static final String CONSOLIDATION_TEMPLATE = "cchc-phu-luc-i-tong-hop";

    public static final String CONSOLIDATION_SHEET = "Tổng hợp Phụ lục I";
    public static final String ROLL_SHEET = "Tình hình nộp báo cáo";

    /** A very hidden sheet of a consolidated workbook: its totals, to consolidate it again. */
    public static final String TOTALS_SHEET = "appendix-fill-totals";

    private Layout() {
    }

    /** The tallest row Excel allows (409 points), less a margin. */
    public static final float MAX_ROW_HEIGHT = 400;

    /**
     * The height a row needs to show wrapped text in full. Neither POI nor LibreOffice (which keeps
     * the heights stored in an .xlsx) sizes rows to wrapped text, so the height is estimated: about
     * one character of Times New Roman 12 per unit of column width.
     */
    public static float heightFor(String text, int columnWidth, int points) {
        int lines = 0;
        for (String line : text.split("\n", -1)) {
            lines += linesFor(line, columnWidth, points);
        }
        return heightOfLines(lines, points);
    }

    /** How many lines one line of text (no line break) takes wrapped in a column of that width. */
    public static int linesFor(String line, int columnWidth, int points) {
        return Math.max(1, (int) Math.ceil(line.length() * points / 12.0 / (columnWidth - 2)));
    }

    /** The height of a row of so many lines of text. */
    public static float heightOfLines(int lines, int points) {
        return Math.max(1, lines) * points * 1.3f + 3;
    }
}
