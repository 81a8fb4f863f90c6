package appendixfill.workbook;

import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Document;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Kind;
import appendixfill.input.Typed;
import appendixfill.rule.Assessment;
import appendixfill.rule.Finding;
import appendixfill.rule.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellPropertyType;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.CellUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes an assessment back into the officer's workbook: live formulas with their cached values,
 * canonical inputs, a comment and a fill colour at each cell with a finding, and the sheet
 * «Kết quả kiểm tra» listing every finding.
 */
public final class WorkbookFiller {

    /** The author of the comments the tool writes; its comments are replaced on every fill. */
    static final String AUTHOR = "appendix-fill";

    private static final Map<Severity, Short> FILLS = new EnumMap<>(Map.of(
            Severity.ERROR, IndexedColors.ROSE.getIndex(),
            Severity.WARNING, IndexedColors.LIGHT_YELLOW.getIndex(),
            Severity.INFO, IndexedColors.LIGHT_TURQUOISE.getIndex()));

    private final Catalogue catalogue;

    public WorkbookFiller(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Fills the workbook in memory and writes it to {@code out}; the source file is not touched. */
    public void fill(FormWorkbook form, Assessment assessment, String summary, OutputStream out) throws IOException {
        XSSFWorkbook workbook = form.workbook();
        Ledger ledger = form.ledger();
        Map<String, List<Finding>> byCode = new LinkedHashMap<>();
        for (Finding finding : assessment.findings()) {
            byCode.computeIfAbsent(finding.code(), c -> new ArrayList<>()).add(finding);
        }
        for (Indicator indicator : catalogue.indicators()) {
            CellReference ref = form.cells().get(indicator.code());
            if (ref == null) {
                continue;
            }
            Cell cell = FormWorkbook.cell(workbook, ref);
            Typed typed = form.typed().get(indicator.code());
            if (indicator.kind() == Kind.RATE) {
                String formula = Formulas.rate(indicator, catalogue.require(indicator.numerator()),
                        catalogue.require(indicator.denominator()));
                Formulas.write(cell, formula, assessment.figures().get(indicator.code()));
                if (!(typed instanceof Typed.Formula)) {
                    ledger.record(indicator.code(), typed, new Typed.Formula(formula, Typed.BLANK));
                }
            } else {
                Typed canonical = assessment.canonical().get(indicator.code());
                if (!(typed instanceof Typed.Formula) && !canonical.equals(typed)) {
                    Cells.write(cell, canonical);
                    ledger.record(indicator.code(), typed, canonical);
                }
            }
            annotate(cell, indicator, byCode.getOrDefault(indicator.code(), List.of()));
        }
        Document document = Document.of(assessment.figures());
        setNamed(workbook, Layout.TITLE_PERIOD_NAME, document.appendixPeriodLine());
        setNamed(workbook, Layout.TITLE_ATTACHED_NAME, document.appendixAttachedLine());
        writeFindings(workbook, form, assessment, summary);
        ledger.write(workbook);
        workbook.write(out);
    }

    private void annotate(Cell cell, Indicator indicator, List<Finding> findings) {
        Comment old = cell.getCellComment();
        if (old != null && AUTHOR.equals(old.getAuthor())) {
            cell.removeCellComment();
        }
        boolean derived = indicator.kind() == Kind.RATE;
        Map<CellPropertyType, Object> fill = new EnumMap<>(CellPropertyType.class);
        if (findings.isEmpty()) {
            fill.put(CellPropertyType.FILL_PATTERN, derived ? FillPatternType.SOLID_FOREGROUND : FillPatternType.NO_FILL);
            fill.put(CellPropertyType.FILL_FOREGROUND_COLOR, derived ? Styles.DERIVED_FILL
                    : IndexedColors.AUTOMATIC.getIndex());
            CellUtil.setCellStylePropertiesEnum(cell, fill);
            return;
        }
        Severity worst = findings.stream().map(Finding::severity).min(Enum::compareTo).orElseThrow();
        fill.put(CellPropertyType.FILL_PATTERN, FillPatternType.SOLID_FOREGROUND);
        fill.put(CellPropertyType.FILL_FOREGROUND_COLOR, FILLS.get(worst));
        CellUtil.setCellStylePropertiesEnum(cell, fill);
        StringBuilder text = new StringBuilder();
        for (Finding finding : findings) {
            text.append(text.length() == 0 ? "" : "\n").append(finding.severity().word()).append(": ")
                    .append(finding.message());
        }
        Drawing<?> drawing = cell.getSheet().createDrawingPatriarch();
        ClientAnchor anchor = cell.getSheet().getWorkbook().getCreationHelper().createClientAnchor();
        anchor.setCol1(cell.getColumnIndex() + 1);
        anchor.setCol2(cell.getColumnIndex() + 5);
        anchor.setRow1(cell.getRowIndex());
        anchor.setRow2(cell.getRowIndex() + 4 + text.length() / 120);
        Comment comment = drawing.createCellComment(anchor);
        comment.setAuthor(AUTHOR);
        comment.setString(cell.getSheet().getWorkbook().getCreationHelper().createRichTextString(text.toString()));
        cell.setCellComment(comment);
    }

    private static void setNamed(XSSFWorkbook workbook, String name, String text) {
        if (workbook.getName(name) != null) {
            FormWorkbook.cell(workbook, new CellReference(workbook.getName(name).getRefersToFormula()))
                    .setCellValue(text);
        }
    }

    private void writeFindings(XSSFWorkbook workbook, FormWorkbook form, Assessment assessment, String summary) {
        int existing = workbook.getSheetIndex(Layout.FINDINGS_SHEET);
        if (existing >= 0) {
            workbook.removeSheetAt(existing);
        }
        XSSFSheet sheet = workbook.createSheet(Layout.FINDINGS_SHEET);
        workbook.setSheetOrder(Layout.FINDINGS_SHEET, Math.min(1, workbook.getNumberOfSheets() - 1));
        int[] widths = {5, 10, 10, 18, 80, 22};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        Font bold = workbook.createFont();
        bold.setFontName(Styles.fontName());
        bold.setBold(true);
        bold.setFontHeightInPoints((short) 12);
        Font plain = workbook.createFont();
        plain.setFontName(Styles.fontName());
        plain.setFontHeightInPoints((short) 12);
        CellStyle boldStyle = workbook.createCellStyle();
        boldStyle.setFont(bold);
        CellStyle wrap = workbook.createCellStyle();
        wrap.setFont(plain);
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
        Row top = sheet.createRow(0);
        top.createCell(0).setCellValue(summary);
        top.getCell(0).setCellStyle(boldStyle);
        Row header = sheet.createRow(2);
        String[] headers = {"STT", "Mức độ", "Chỉ tiêu", "Ô", "Nội dung", "Mã quy tắc"};
        for (int i = 0; i < headers.length; i++) {
            header.createCell(i).setCellValue(headers[i]);
            header.getCell(i).setCellStyle(boldStyle);
        }
        int rowIndex = 3;
        for (Finding finding : assessment.findings()) {
            Row row = sheet.createRow(rowIndex);
            String[] values = {String.valueOf(rowIndex - 2), finding.severity().word(), finding.code(),
                    form.address(finding.code()), finding.message(), finding.rule()};
            for (int i = 0; i < values.length; i++) {
                Cell cell = row.createCell(i);
                cell.setCellValue(values[i]);
                cell.setCellStyle(wrap);
            }
            row.setHeightInPoints(Layout.heightFor(finding.message(), widths[4], 12));
            String address = form.address(finding.code());
            if (!address.isEmpty()) {
                Hyperlink link = workbook.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
                link.setAddress("'" + address.replace("!", "'!"));
                row.getCell(3).setHyperlink(link);
            }
            rowIndex++;
        }
        sheet.createFreezePane(0, 3);
        sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setRepeatingRows(new org.apache.poi.ss.util.CellRangeAddress(2, 2, -1, -1));
        Sheet.class.cast(sheet).setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(2, Math.max(2, rowIndex - 1), 0, 5));
    }
}
