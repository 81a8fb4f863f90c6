package appendixfill.workbook;

import appendixfill.form.Layout;
import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Document;
import appendixfill.input.UnusableInput;
import appendixfill.rule.Assessment;
import appendixfill.rule.Finding;
import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumMap;
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

    private final Catalogue catalogue;

    public WorkbookFiller(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Fills the workbook in memory and writes it to {@code out}; the source file is not touched. */
    public void fill(FormWorkbook form, Assessment assessment, String summary, OutputStream out)
            throws IOException, UnusableInput {
        try {
            fillAndWrite(form, assessment, summary, out);
        } catch (RuntimeException e) {
            if (!form.isOfficersOwn()) {
                throw e;
            }
            // POI parses parts of the officer's own workbook (styles, comments, merged ranges, the
            // package) only when they are touched or written: a damaged one shows here, the input's fault.
            throw FormWorkbook.unreadable(form.file().toString(), "Excel (.xlsx)", e);
        }
    }

    private void fillAndWrite(FormWorkbook form, Assessment assessment, String summary, OutputStream out)
            throws IOException {
        XSSFWorkbook workbook = form.workbook();
        Ledger ledger = form.ledger();
        for (Completion.Change change : Completion.plan(catalogue, form.cells().keySet(), form.typed(), assessment,
                ledger)) {
            Cell cell = FormWorkbook.cell(workbook, form.cells().get(change.code()));
            if (change.content() instanceof Completion.Formula formula) {
                Formulas.write(cell, formula.formula(), formula.cached());
            } else if (change.content() instanceof Completion.Canonical canonical) {
                Cells.write(cell, canonical.typed());
            }
            annotate(cell, change);
        }
        Document document = Document.of(assessment.figures());
        setNamed(workbook, Layout.TITLE_PERIOD_NAME, document.appendixPeriodLine());
        setNamed(workbook, Layout.TITLE_ATTACHED_NAME, document.appendixAttachedLine());
        writeFindings(workbook, form, assessment, summary);
        ledger.write(workbook);
        workbook.write(out);
    }

    private void annotate(Cell cell, Completion.Change change) {
        Comment old = cell.getCellComment();
        if (old != null && Completion.isToolComment(old.getAuthor(), old.getString().getString())) {
            cell.removeCellComment();
        }
        Map<CellPropertyType, Object> fill = new EnumMap<>(CellPropertyType.class);
        fill.put(CellPropertyType.FILL_PATTERN, change.shade().solid ? FillPatternType.SOLID_FOREGROUND
                : FillPatternType.NO_FILL);
        fill.put(CellPropertyType.FILL_FOREGROUND_COLOR, change.shade().colour);
        CellUtil.setCellStylePropertiesEnum(cell, fill);
        if (change.comment() == null) {
            return;
        }
        Drawing<?> drawing = cell.getSheet().createDrawingPatriarch();
        ClientAnchor anchor = cell.getSheet().getWorkbook().getCreationHelper().createClientAnchor();
        anchor.setCol1(cell.getColumnIndex() + 1);
        anchor.setCol2(cell.getColumnIndex() + 5);
        anchor.setRow1(cell.getRowIndex());
        anchor.setRow2(Completion.commentLastRow(cell.getRowIndex(), change.comment()));
        Comment comment = drawing.createCellComment(anchor);
        comment.setAuthor(AUTHOR);
        comment.setString(cell.getSheet().getWorkbook().getCreationHelper().createRichTextString(change.comment()));
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
        int[] widths = Completion.FINDINGS_WIDTHS;
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
        Row header = sheet.createRow(Completion.FINDINGS_HEADER_ROW);
        List<String> headers = Completion.FINDINGS_HEADER;
        for (int i = 0; i < headers.size(); i++) {
            header.createCell(i).setCellValue(headers.get(i));
            header.getCell(i).setCellStyle(boldStyle);
        }
        int rowIndex = Completion.FINDINGS_FIRST_ROW;
        for (Finding finding : assessment.findings()) {
            Row row = sheet.createRow(rowIndex);
            List<String> values = Completion.findingRow(rowIndex - Completion.FINDINGS_HEADER_ROW, finding,
                    form.address(finding.code()));
            for (int i = 0; i < values.size(); i++) {
                Cell cell = row.createCell(i);
                cell.setCellValue(values.get(i));
                cell.setCellStyle(wrap);
            }
            row.setHeightInPoints(Layout.heightFor(finding.message(), widths[Completion.FINDINGS_MESSAGE_COLUMN], 12));
            String address = form.address(finding.code());
            if (!address.isEmpty()) {
                Hyperlink link = workbook.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
                link.setAddress(Completion.link(address));
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
