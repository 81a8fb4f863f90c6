package appendixfill.template;

import appendixfill.form.Layout;
import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Kind;
import appendixfill.indicator.Sheet;
import appendixfill.indicator.Value;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Date;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Generates the blank official Phụ lục I workbook from the catalogue. */
public final class TemplateBuilder {

    /** A fixed creation date keeps the generated file the same from one build to the next. */
    private static final Date CREATED = new Date(1_700_000_000_000L);

    private final Catalogue catalogue;

    public TemplateBuilder(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Writes the blank template. */
    public void write(OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = build()) {
            workbook.write(out);
        }
    }

    /** The blank template as a workbook in memory. */
    public XSSFWorkbook build() {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Styles styles = new Styles(workbook);
        XSSFSheet appendix = workbook.createSheet(Sheet.APPENDIX.title());
        XSSFSheet details = workbook.createSheet(Sheet.DETAILS.title());
        writeAppendix(workbook, appendix, styles);
        writeDetails(workbook, details, styles);
        for (Indicator rate : catalogue.indicators()) {
            if (rate.kind() == Kind.RATE) {
                Cell cell = cellOf(workbook, rate.name());
                // The formula with a blank saved value: a blank form's rates have no parts yet.
                cell.setCellFormula(appendixfill.form.Formulas.rate(rate, catalogue.require(rate.numerator()),
                        catalogue.require(rate.denominator())));
                cell.setCellValue("");
            }
        }
        var properties = workbook.getProperties();
        properties.getCoreProperties().setCreated(Optional.of(CREATED));
        properties.getCoreProperties().setCreator("appendix-fill");
        properties.getCoreProperties().setTitle("Phụ lục I - Biểu thống kê số liệu về kết quả thực hiện công tác CCHC");
        properties.getCustomProperties().addProperty(Layout.PROPERTY_TEMPLATE, Catalogue.TEMPLATE_ID);
        properties.getCustomProperties().addProperty(Layout.PROPERTY_VERSION, Catalogue.TEMPLATE_VERSION);
        workbook.setActiveSheet(0);
        return workbook;
    }

    private void writeAppendix(XSSFWorkbook workbook, XSSFSheet sheet, Styles styles) {
        int[] widths = {9, 62, 12, 16, 22};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        titleRow(sheet, 0, "Phụ lục I", styles.title, 4);
        titleRow(sheet, 1, "BIỂU THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC", styles.title, 4);
        titleRow(sheet, Layout.TITLE_PERIOD_ROW, "(Kỳ báo cáo và tên đơn vị: ghi ở trang «Thông tin báo cáo»)",
                styles.title, 4);
        titleRow(sheet, Layout.TITLE_ATTACHED_ROW, "(Kèm theo Báo cáo số      /BC-UBND)", styles.subtitle, 4);
        name(workbook, Layout.TITLE_PERIOD_NAME, sheet, Layout.TITLE_PERIOD_ROW, 0);
        name(workbook, Layout.TITLE_ATTACHED_NAME, sheet, Layout.TITLE_ATTACHED_ROW, 0);

        Row top = sheet.createRow(Layout.HEADER_ROW);
        top.setHeightInPoints(Layout.heightFor("Chỉ tiêu thống kê (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)",
                widths[Layout.WORDING_COLUMN], 12));
        Row bottom = sheet.createRow(Layout.HEADER_ROW + 1);
        String[] headers = {"STT", "Chỉ tiêu thống kê (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)",
                "Kết quả thống kê", "", "Ghi chú"};
        for (int i = 0; i < headers.length; i++) {
            set(top, i, headers[i], styles.header);
            set(bottom, i, "", styles.header);
        }
        set(bottom, Layout.UNIT_COLUMN, "Đơn vị tính", styles.header);
        set(bottom, Layout.VALUE_COLUMN, "Số liệu", styles.header);
        int h = Layout.HEADER_ROW;
        sheet.addMergedRegion(new CellRangeAddress(h, h + 1, 0, 0));
        sheet.addMergedRegion(new CellRangeAddress(h, h + 1, 1, 1));
        sheet.addMergedRegion(new CellRangeAddress(h, h, 2, 3));
        sheet.addMergedRegion(new CellRangeAddress(h, h + 1, 4, 4));

        int rowIndex = Layout.FIRST_APPENDIX_ROW;
        DataValidationHelper validations = sheet.getDataValidationHelper();
        for (Indicator indicator : catalogue.on(Sheet.APPENDIX)) {
            Row row = sheet.createRow(rowIndex);
            boolean heading = indicator.kind() == Kind.HEADING;
            boolean subRow = indicator.stt().isEmpty() || indicator.stt().equals("Trong đó");
            set(row, Layout.STT_COLUMN, indicator.stt(), heading ? styles.header : styles.centered);
            set(row, Layout.WORDING_COLUMN, indicator.wording(),
                    heading ? styles.heading : subRow ? styles.subWording : styles.wording);
            set(row, Layout.UNIT_COLUMN, indicator.unit(), styles.centered);
            set(row, Layout.VALUE_COLUMN, "", valueStyle(indicator, styles));
            set(row, Layout.NOTE_COLUMN, "", heading ? styles.wording : styles.note);
            row.setHeightInPoints(Layout.heightFor(indicator.wording(), widths[Layout.WORDING_COLUMN], 12));
            if (!heading) {
                name(workbook, indicator.name(), sheet, rowIndex, Layout.VALUE_COLUMN);
                validate(sheet, validations, indicator, rowIndex, Layout.VALUE_COLUMN);
            }
            rowIndex++;
        }
        sheet.createFreezePane(0, Layout.FIRST_APPENDIX_ROW);
        sheet.setRepeatingRows(new CellRangeAddress(Layout.HEADER_ROW, Layout.HEADER_ROW + 1, -1, -1));
        printSetup(sheet, false);
    }

    private void writeDetails(XSSFWorkbook workbook, XSSFSheet sheet, Styles styles) {
        int[] widths = {46, 70, 12, 50};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        titleRow(sheet, 0, "THÔNG TIN BÁO CÁO, SỐ LIỆU BỔ SUNG VÀ NỘI DUNG THUYẾT MINH", styles.title, 3);
        titleRow(sheet, 1, "Điền các ô ở cột «Nội dung». Ô thuyết minh để trống thì báo cáo dùng đoạn văn mặc định.",
                styles.subtitle, 3);
        Row header = sheet.createRow(2);
        String[] headers = {"Mục", "Nội dung", "Đơn vị tính", "Hướng dẫn"};
        for (int i = 0; i < headers.length; i++) {
            set(header, i, headers[i], styles.header);
        }
        int rowIndex = Layout.FIRST_DETAIL_ROW;
        DataValidationHelper validations = sheet.getDataValidationHelper();
        for (Indicator indicator : catalogue.on(Sheet.DETAILS)) {
            Row row = sheet.createRow(rowIndex);
            if (indicator.kind() == Kind.HEADING) {
                set(row, Layout.LABEL_COLUMN, indicator.wording(), styles.heading);
                for (int i = 1; i < headers.length; i++) {
                    set(row, i, "", styles.heading);
                }
                sheet.addMergedRegion(new CellRangeAddress(rowIndex, rowIndex, 0, headers.length - 1));
            } else {
                set(row, Layout.LABEL_COLUMN, indicator.wording(), styles.wording);
                set(row, Layout.DETAIL_VALUE_COLUMN, "", valueStyle(indicator, styles));
                set(row, Layout.DETAIL_UNIT_COLUMN, indicator.unit(), styles.centered);
                set(row, Layout.HINT_COLUMN, indicator.hint(), styles.hint);
                name(workbook, indicator.name(), sheet, rowIndex, Layout.DETAIL_VALUE_COLUMN);
                validate(sheet, validations, indicator, rowIndex, Layout.DETAIL_VALUE_COLUMN);
                boolean paragraphs = isParagraphs(indicator) || indicator.code().equals(RECIPIENTS);
                row.setHeightInPoints(paragraphs ? 96 : Math.max(
                        Layout.heightFor(indicator.wording(), widths[Layout.LABEL_COLUMN], 12),
                        Layout.heightFor(indicator.hint(), widths[Layout.HINT_COLUMN], 10)));
            }
            rowIndex++;
        }
        sheet.createFreezePane(0, 3);
        sheet.setRepeatingRows(new CellRangeAddress(2, 2, -1, -1));
        // Four wide columns, paragraphs among them: on a portrait page they would print too small to read.
        printSetup(sheet, true);
    }

    private static CellStyle valueStyle(Indicator indicator, Styles styles) {
        return switch (indicator.kind()) {
            case HEADING -> styles.wording;
            case COUNT -> styles.count;
            case RATE -> styles.rate;
            case PERCENT -> styles.percent;
            case YEAR, YES_NO, CHOICE -> styles.answer;
            case TEXT, DATE -> styles.text;
        };
    }

    private static void validate(XSSFSheet sheet, DataValidationHelper helper, Indicator indicator, int row, int column) {
        DataValidationConstraint constraint;
        String prompt;
        switch (indicator.kind()) {
            case COUNT -> {
                constraint = helper.createIntegerConstraint(OperatorType.GREATER_OR_EQUAL, "0", null);
                prompt = "Nhập số nguyên từ 0 trở lên. Không có thì ghi 0; để trống là chưa có số liệu.";
            }
            case PERCENT -> {
                constraint = helper.createDecimalConstraint(OperatorType.BETWEEN, "0", "100");
                prompt = "Nhập tỷ lệ phần trăm từ 0 đến 100, ví dụ 70 hoặc 12,5 (không gõ dấu %).";
            }
            case YEAR -> {
                constraint = helper.createIntegerConstraint(OperatorType.BETWEEN, "2000", "2100");
                prompt = "Nhập năm gồm 4 chữ số, ví dụ 2023.";
            }
            case YES_NO -> {
                constraint = helper.createExplicitListConstraint(new String[] {"Có", "Không"});
                prompt = "Chọn «Có» hoặc «Không».";
            }
            case CHOICE -> {
                constraint = helper.createExplicitListConstraint(indicator.choices().toArray(String[]::new));
                prompt = indicator.hint();
            }
            case RATE -> {
                return;
            }
            default -> {
                if (indicator.hint().isEmpty()) {
                    return;
                }
                constraint = helper.createCustomConstraint("TRUE");
                prompt = indicator.hint();
            }
        }
        DataValidation validation = helper.createValidation(constraint, new CellRangeAddressList(row, row, column, column));
        validation.createPromptBox(promptTitle(indicator), truncate(prompt, 255));
        validation.setShowPromptBox(true);
        if (indicator.kind() != Kind.TEXT && indicator.kind() != Kind.DATE) {
            validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
            validation.createErrorBox("Giá trị không hợp lệ", truncate(prompt, 255));
            validation.setShowErrorBox(true);
        }
        validation.setEmptyCellAllowed(true);
        sheet.addValidationData(validation);
    }

    /** The recipients of the report: one a line. */
    private static final String RECIPIENTS = "recipients";

    /** Excel shows a prompt's title only up to this many characters. */
    static final int PROMPT_TITLE_LENGTH = 32;

    /** A section of the narrative the officer writes: paragraphs, one point a line. */
    private static boolean isParagraphs(Indicator indicator) {
        return indicator.code().startsWith("t.");
    }

    /**
     * The title of a cell's prompt, for what the cell holds: «Chỉ tiêu 1.2.1» for a row of the
     * appendix with its STT; a number, a year, a date, a choice; a name by its label («Tên đơn vị
     * (không ghi cấp)»); paragraphs of the narrative. Never longer than Excel shows.
     */
    static String promptTitle(Indicator indicator) {
        if (!indicator.stt().isEmpty() && !indicator.stt().equals("Trong đó")) {
            return "Chỉ tiêu " + indicator.stt();
        }
        String title = switch (indicator.kind()) {
            case COUNT -> "Nhập số liệu";
            case PERCENT -> "Nhập tỷ lệ phần trăm";
            case YEAR -> "Nhập năm";
            case DATE -> "Nhập ngày";
            case YES_NO -> "Chọn «Có» hoặc «Không»";
            case CHOICE -> "Chọn " + indicator.wording().toLowerCase(java.util.Locale.forLanguageTag("vi"));
            case TEXT -> isParagraphs(indicator) ? "Viết nội dung, mỗi ý một dòng" : label(indicator);
            case HEADING, RATE -> throw new IllegalArgumentException(indicator.code() + " has no prompt");
        };
        return truncate(title, PROMPT_TITLE_LENGTH);
    }

    /** A short text's label, as the row names it («Họ và tên người ký»), without an explanation in brackets if too long. */
    private static String label(Indicator indicator) {
        String wording = indicator.wording();
        int bracket = wording.indexOf(" (");
        return wording.length() <= PROMPT_TITLE_LENGTH || bracket < 0 ? wording : wording.substring(0, bracket);
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    private static void titleRow(XSSFSheet sheet, int rowIndex, String text, CellStyle style, int lastColumn) {
        Row row = sheet.createRow(rowIndex);
        set(row, 0, text, style);
        sheet.addMergedRegion(new CellRangeAddress(rowIndex, rowIndex, 0, lastColumn));
    }

    private static void set(Row row, int column, String text, CellStyle style) {
        Cell cell = row.createCell(column);
        if (!text.isEmpty()) {
            cell.setCellValue(text);
        }
        cell.setCellStyle(style);
    }

    private static void name(XSSFWorkbook workbook, String name, XSSFSheet sheet, int row, int column) {
        Name defined = workbook.createName();
        defined.setNameName(name);
        defined.setRefersToFormula("'" + sheet.getSheetName() + "'!" + new CellReference(row, column, true, true)
                .formatAsString(false));
    }

    private static void printSetup(XSSFSheet sheet, boolean landscape) {
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.getPrintSetup().setLandscape(landscape);
        // Page numbers, as on every sheet the tool writes: «Trang 2/5».
        sheet.getFooter().setCenter(Layout.PAGE_NUMBERS);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setMargin(org.apache.poi.ss.usermodel.PageMargin.LEFT, 0.8);
        sheet.setMargin(org.apache.poi.ss.usermodel.PageMargin.RIGHT, 0.5);
        sheet.enableLocking();
        sheet.lockFormatColumns(false);
        sheet.lockFormatRows(false);
        sheet.lockSelectLockedCells(false);
        sheet.lockSelectUnlockedCells(false);
    }

    public static Cell cellOf(XSSFWorkbook workbook, String name) {
        Name defined = workbook.getName(name);
        CellReference ref = new CellReference(defined.getRefersToFormula());
        XSSFSheet sheet = workbook.getSheet(ref.getSheetName());
        Row row = sheet.getRow(ref.getRow());
        Cell cell = row.getCell(ref.getCol());
        return cell != null ? cell : row.createCell(ref.getCol());
    }
}
