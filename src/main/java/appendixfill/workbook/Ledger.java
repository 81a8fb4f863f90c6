package appendixfill.workbook;

import appendixfill.form.Layout;
import appendixfill.input.Typed;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * What the officer had typed in the cells the tool rewrote, kept in a very hidden sheet, so that
 * filling a completed workbook again reports the same corrections. An entry holds only while the
 * cell still holds what the tool wrote; once the officer types over it, the new content counts.
 */
final class Ledger {

    /** One rewritten cell: what was typed, and what the tool wrote instead (both encoded). */
    record Entry(String original, String written) {
    }

    private final Map<String, Entry> entries;

    private Ledger(Map<String, Entry> entries) {
        this.entries = entries;
    }

    static Ledger read(XSSFWorkbook workbook) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        XSSFSheet sheet = workbook.getSheet(Layout.LEDGER_SHEET);
        if (sheet != null) {
            for (Row row : sheet) {
                if (row.getRowNum() == 0 || row.getCell(0) == null) {
                    continue;
                }
                entries.put(row.getCell(0).getStringCellValue(),
                        new Entry(row.getCell(1).getStringCellValue(), row.getCell(2).getStringCellValue()));
            }
        }
        return new Ledger(entries);
    }

    /** The ledger from the rows of its sheet read as text (the first row is the header). */
    static Ledger fromRows(java.util.List<java.util.List<String>> rows) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            java.util.List<String> row = rows.get(i);
            if (row.isEmpty() || row.get(0).isEmpty()) {
                continue;
            }
            entries.put(row.get(0), new Entry(row.size() > 1 ? row.get(1) : "", row.size() > 2 ? row.get(2) : ""));
        }
        return new Ledger(entries);
    }

    /** What the officer typed in the cell: the recorded original while the tool's content stands. */
    Typed original(String code, Typed current) {
        Entry entry = entries.get(code);
        if (entry != null && stillWritten(Cells.decode(entry.written()), current)) {
            return Cells.decode(entry.original());
        }
        entries.remove(code);
        return current;
    }

    /**
     * True when the cell still holds what the tool wrote. A number is compared by its value: the
     * tool writes 46 and the cell gives back 46.0 (a spreadsheet keeps a double).
     */
    private static boolean stillWritten(Typed written, Typed current) {
        if (written instanceof Typed.Number number && current instanceof Typed.Number now) {
            return number.number().compareTo(now.number()) == 0;
        }
        return Cells.encode(written).equals(Cells.encode(current));
    }

    /** The entries, code → what was typed and what was written, in the order recorded. */
    Map<String, Entry> entries() {
        return java.util.Collections.unmodifiableMap(entries);
    }

    void record(String code, Typed original, Typed written) {
        entries.put(code, new Entry(Cells.encode(original), Cells.encode(written)));
    }

    void write(XSSFWorkbook workbook) {
        int index = workbook.getSheetIndex(Layout.LEDGER_SHEET);
        if (index >= 0) {
            workbook.removeSheetAt(index);
        }
        if (entries.isEmpty()) {
            return;
        }
        XSSFSheet sheet = workbook.createSheet(Layout.LEDGER_SHEET);
        Row header = sheet.createRow(0);
        header.createCell(0).setCellValue("code");
        header.createCell(1).setCellValue("typed");
        header.createCell(2).setCellValue("written");
        int rowIndex = 1;
        for (Map.Entry<String, Entry> entry : entries.entrySet()) {
            Row row = sheet.createRow(rowIndex++);
            row.createCell(0).setCellValue(entry.getKey());
            row.createCell(1).setCellValue(entry.getValue().original());
            row.createCell(2).setCellValue(entry.getValue().written());
        }
        workbook.setSheetVisibility(workbook.getSheetIndex(sheet), SheetVisibility.VERY_HIDDEN);
    }
}
