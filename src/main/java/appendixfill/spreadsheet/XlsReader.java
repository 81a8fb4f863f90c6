package appendixfill.spreadsheet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;

/** An Excel 97–2003 workbook (.xls), as POI's HSSF reads it, turned into a {@link Grid}. */
final class XlsReader {

    private XlsReader() {
    }

    static Grid grid(HSSFWorkbook workbook) {
        boolean date1904 = workbook.getInternalWorkbook().isUsing1904DateWindowing();
        List<Grid.Page> pages = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(i);
            NavigableMap<Integer, NavigableMap<Integer, RawCell>> rows = new TreeMap<>();
            Set<Integer> hiddenRows = new HashSet<>();
            for (Row row : sheet) {
                if (row.getZeroHeight()) {
                    hiddenRows.add(row.getRowNum());
                }
                for (Cell cell : row) {
                    RawCell raw = raw(cell);
                    if (!raw.isEmpty()) {
                        rows.computeIfAbsent(row.getRowNum(), r -> new TreeMap<>()).put(cell.getColumnIndex(), raw);
                    }
                }
            }
            List<Grid.Merge> merges = new ArrayList<>();
            for (CellRangeAddress m : sheet.getMergedRegions()) {
                merges.add(new Grid.Merge(m.getFirstRow(), m.getLastRow(), m.getFirstColumn(), m.getLastColumn()));
            }
            pages.add(new Grid.Page(sheet.getSheetName(), workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i),
                    rows, hiddenRows, merges, date1904));
        }
        List<Grid.DefinedName> names = new ArrayList<>();
        for (Name name : workbook.getAllNames()) {
            if (!name.isFunctionName()) {
                names.add(new Grid.DefinedName(name.getNameName(), name.getSheetIndex(), formula(name)));
            }
        }
        return new Grid(pages, names, date1904);
    }

    private static RawCell raw(Cell cell) {
        String format = cell.getCellStyle().getDataFormatString();
        if (cell.getCellType() == CellType.FORMULA) {
            return value(cell, cell.getCachedFormulaResultType(), formula(cell), format);
        }
        return value(cell, cell.getCellType(), null, format);
    }

    private static RawCell value(Cell cell, CellType type, String formula, String format) {
        return switch (type) {
            case NUMERIC -> new RawCell(RawCell.Kind.NUMBER, Double.toString(cell.getNumericCellValue()), formula, format);
            case STRING -> new RawCell(RawCell.Kind.TEXT, cell.getStringCellValue(), formula, format);
            case BOOLEAN -> new RawCell(RawCell.Kind.BOOLEAN, cell.getBooleanCellValue() ? "1" : "0", formula, format);
            case ERROR -> new RawCell(RawCell.Kind.ERROR, error(cell.getErrorCellValue()), formula, format);
            default -> new RawCell(RawCell.Kind.EMPTY, "", formula, format);
        };
    }

    private static String error(byte code) {
        return FormulaError.isValidCode(code) ? FormulaError.forInt(code).getString() : "#VALUE!";
    }

    /**
     * The formula as text. A formula POI cannot print (an external reference, a function it does
     * not know) still has its saved result: its text is then left unknown.
     */
    private static String formula(Cell cell) {
        try {
            return cell.getCellFormula();
        } catch (IllegalStateException | IllegalArgumentException | UnsupportedOperationException
                | org.apache.poi.ss.formula.FormulaParseException | IndexOutOfBoundsException e) {
            return "?";
        }
    }

    private static String formula(Name name) {
        try {
            String formula = name.getRefersToFormula();
            return formula == null ? "" : formula;
        } catch (IllegalStateException | IllegalArgumentException | UnsupportedOperationException
                | org.apache.poi.ss.formula.FormulaParseException | IndexOutOfBoundsException e) {
            return "";
        }
    }
}
