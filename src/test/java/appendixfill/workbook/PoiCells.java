package appendixfill.workbook;

import appendixfill.input.Typed;
import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;

/**
 * POI's usermodel as an independent reader and builder of cells in tests: what the tool's own
 * reader gives is compared with what POI reads, never with the tool's output read by the tool.
 */
public final class PoiCells {

    private PoiCells() {
    }

    /** The cell at a reference, made when absent. */
    public static Cell cell(Workbook workbook, CellReference ref) {
        org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheet(ref.getSheetName());
        Row row = sheet.getRow(ref.getRow());
        if (row == null) {
            row = sheet.createRow(ref.getRow());
        }
        Cell cell = row.getCell(ref.getCol());
        return cell != null ? cell : row.createCell(ref.getCol());
    }

    /** What a cell holds, typed as POI reads it. */
    public static Typed read(Cell cell) {
        if (cell == null) {
            return Typed.BLANK;
        }
        if (cell.getCellType() == CellType.FORMULA) {
            return new Typed.Formula(cell.getCellFormula(), value(cell, cell.getCachedFormulaResultType()));
        }
        return value(cell, cell.getCellType());
    }

    private static Typed value(Cell cell, CellType type) {
        switch (type) {
            case NUMERIC:
                if (DateUtil.isCellDateFormatted(cell)) {
                    return new Typed.Date(cell.getLocalDateTimeCellValue().toLocalDate());
                }
                boolean percent = cell.getCellStyle().getDataFormatString().contains("%");
                return new Typed.Number(new BigDecimal(Double.toString(cell.getNumericCellValue())), percent);
            case STRING:
                String text = cell.getStringCellValue();
                return text.isEmpty() ? Typed.BLANK : new Typed.Text(text);
            case BOOLEAN:
                return new Typed.Bool(cell.getBooleanCellValue());
            case ERROR:
                return new Typed.Error(FormulaError.forInt(cell.getErrorCellValue()).getString());
            default:
                return Typed.BLANK;
        }
    }
}
