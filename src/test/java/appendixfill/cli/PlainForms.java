package appendixfill.cli;

import appendixfill.fixtures.PlainTables;
import appendixfill.fixtures.TypedWorkbooks;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Plain Phụ lục I tables (no defined names) that cannot be read, for the bad-input corpus. */
final class PlainForms {

    static final Path SEED = Path.of("src/test/resources/golden/seed-appendix-named/typed.tsv");

    /** Column of the value ("Số liệu") in the seed layout: STT A, Chỉ tiêu B, Đơn vị tính C, Số liệu D. */
    private static final int VALUE = 3;

    private PlainForms() {
    }

    static void build(String name, Path input) throws Exception {
        Map<String, String> typed = TypedWorkbooks.readTyped(SEED);
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Map<String, Integer> rows = PlainTables.build(typed, new PlainTables.Shape("Sheet1", 0, false, Map.of()),
                    workbook);
            Sheet sheet = workbook.getSheet("Sheet1");
            switch (name) {
                case "plain-without-value-column" -> {
                    // The officer deleted the "Số liệu" titles (and typed the figures nowhere recognisable).
                    for (Row row : sheet) {
                        if (row.getCell(VALUE) != null && row.getCell(VALUE).toString().equals("Số liệu")) {
                            row.getCell(VALUE).setCellValue("");
                        }
                    }
                }
                case "plain-duplicate-stt" -> row(sheet, rows.get("1.2.2")).getCell(0).setCellValue("1.2.1");
                case "plain-merged-value-cells" -> sheet.addMergedRegion(
                        new CellRangeAddress(rows.get("1.2.1"), rows.get("1.2.2"), VALUE, VALUE));
                case "plain-hidden-rows" -> {
                    row(sheet, rows.get("3.3.b")).setZeroHeight(true);
                    row(sheet, rows.get("3.3.c")).setZeroHeight(true);
                }
                case "plain-two-equal-sheets" -> {
                    PlainTables.build(typed, new PlainTables.Shape("Sheet2", 0, false, Map.of()), workbook);
                }
                default -> throw new IllegalArgumentException("no input builder named '" + name + "'");
            }
            try (OutputStream out = Files.newOutputStream(input)) {
                workbook.write(out);
            }
        } catch (IOException e) {
            throw e;
        }
    }

    private static Row row(Sheet sheet, int index) {
        return sheet.getRow(index);
    }
}
