package appendixfill.consolidate;

import appendixfill.fixtures.LibreOffice;
import appendixfill.fixtures.TypedWorkbooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import appendixfill.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The consolidated workbook as a spreadsheet shows it: live formulas in the total column, their values saved. */
class ConsolidationWorkbookTest {

    @TempDir
    Path work;

    Path out;

    @BeforeEach
    void consolidateTwoCommunes() throws IOException {
        Path in = Files.createDirectories(work.resolve("in"));
        TypedWorkbooks.write(Map.of("unit.level", "t:xã", "unit.name", "t:A", "period", "t:năm", "year", "n:2023",
                "1.4", "t:Có", "7.2.4.a", "n:329", "7.2.4.b", "n:96", "3.4.1", "n:0", "3.4.2", "n:0"), in.resolve("a.xlsx"));
        TypedWorkbooks.write(Map.of("unit.level", "t:xã", "unit.name", "t:B", "period", "t:năm", "year", "n:2023",
                "1.4", "t:Không", "7.2.4.a", "n:71", "7.2.4.b", "n:54", "3.4.1", "n:0", "3.4.2", "n:0"), in.resolve("b.xlsx"));
        out = work.resolve("tong-hop.xlsx");
        int exit = Main.run(new String[] {"consolidate", in.toString(), "--out", out.toString(), "--name", "Tỉnh"},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertEquals(0, exit);
    }

    /** The row of the table whose STT (column A) is given. */
    private static Row row(XSSFSheet sheet, String stt) {
        for (Row row : sheet) {
            Cell cell = row.getCell(0);
            if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                    && cell.getStringCellValue().equals(stt)) {
                return row;
            }
        }
        throw new AssertionError("no row " + stt);
    }

    @Test
    void totalColumnHoldsLiveFormulasWithTheirValues() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(out))) {
            XSSFSheet table = workbook.getSheet("Tổng hợp Phụ lục I");
            Row rate = row(table, "7.2.4");
            assertEquals(37.5, rate.getCell(3).getNumericCellValue());
            assertTrue(rate.getCell(3).getCellFormula().contains("ROUND(D"), rate.getCell(3).getCellFormula());
            assertEquals("xã A", table.getRow(4).getCell(6).getStringCellValue());
            assertEquals(29.18, rate.getCell(6).getNumericCellValue());
            assertEquals(76.06, rate.getCell(7).getNumericCellValue());
            assertEquals("không phát sinh", row(table, "3.4").getCell(3).getStringCellValue());
            assertEquals(SheetVisibility.VERY_HIDDEN, workbook.getSheetVisibility(workbook.getSheetIndex("appendix-fill-totals")));
            assertEquals("Tình hình nộp báo cáo", workbook.getSheetName(1));
        }
    }

    @Test
    void libreOfficeRecalculatesTheTotalsToTheValuesWritten() throws Exception {
        Path csv = LibreOffice.toCsv(out, work, LibreOffice.Load.RECALCULATED).requireSheet("book", "Tổng hợp Phụ lục I");
        List<CSVRecord> rows;
        try (CSVParser parser = CSVFormat.RFC4180.parse(Files.newBufferedReader(csv, StandardCharsets.UTF_8))) {
            rows = parser.getRecords();
        }
        int rate = 0;
        int pakn = 0;
        for (int i = 0; i < rows.size(); i++) {
            rate = rows.get(i).get(0).equals("7.2.4") ? i : rate;
            pakn = rows.get(i).get(0).equals("3.4") ? i : pakn;
        }
        // 7.2.4 is followed by its denominator (7.2.4.a) and numerator (7.2.4.b), rows without STT.
        assertEquals(List.of("37.5", "400", "150", "không phát sinh"), List.of(rows.get(rate).get(3),
                rows.get(rate + 1).get(3), rows.get(rate + 2).get(3), rows.get(pakn).get(3)));
    }
}
