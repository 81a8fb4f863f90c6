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

    /** The worksheet part of a sheet of OUT.xlsx, as text. */
    private static String sheetXml(Path workbook, int sheet) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(workbook.toFile())) {
            return new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet" + sheet + ".xml")).readAllBytes(),
                    StandardCharsets.UTF_8);
        }
    }

    @Test
    void bothSheetsPrintOnA4LandscapeFittedToTheWidthWithTheirHeaderOnEveryPageAndPageNumbers() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(out))) {
            for (String name : List.of("Tổng hợp Phụ lục I", "Tình hình nộp báo cáo")) {
                XSSFSheet sheet = workbook.getSheet(name);
                assertEquals(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE, sheet.getPrintSetup().getPaperSize(), name);
                assertTrue(sheet.getPrintSetup().getLandscape(), name);
                assertTrue(sheet.getFitToPage(), name);
                assertEquals(List.of(1, 0), List.of((int) sheet.getPrintSetup().getFitWidth(),
                        (int) sheet.getPrintSetup().getFitHeight()), name);
                assertEquals("&\"Times New Roman,Regular\"&10Trang &P/&N", sheet.getFooter().getCenter(), name);
            }
            assertEquals("'Tổng hợp Phụ lục I'!$A:$C,'Tổng hợp Phụ lục I'!$5:$5", printTitles(workbook, 0));
            assertEquals("'Tình hình nộp báo cáo'!$4:$4", printTitles(workbook, 1));
            // The titles span the label and total columns, wrapped in rows tall enough.
            XSSFSheet table = workbook.getSheet("Tổng hợp Phụ lục I");
            assertEquals(List.of("A1:F1", "A2:F2", "A3:F3"), table.getMergedRegions().stream()
                    .map(r -> r.formatAsString()).toList());
            assertTrue(table.getRow(2).getCell(0).getCellStyle().getWrapText());
            assertTrue(table.getRow(2).getHeightInPoints() >= 2 * 12, "two lines: " + table.getRow(2).getHeightInPoints());
        }
        assertTrue(sheetXml(out, 1).contains("pageOrder=\"overThenDown\""));
    }

    @Test
    void beyondTwelveUnitsTheTablePrintsAtTheScaleOfTwelveAcrossThenDownWithItsLabelsOnEveryPage()
            throws IOException {
        Path in = Files.createDirectories(work.resolve("in13"));
        for (int i = 1; i <= 13; i++) {
            TypedWorkbooks.write(Map.of("unit.level", "t:xã", "unit.name", "t:Xã " + i, "period", "t:năm", "year",
                    "n:2023", "1.1", "n:" + i), in.resolve(i + ".xlsx"));
        }
        Path wide = work.resolve("rong.xlsx");
        Main.run(new String[] {"consolidate", in.toString(), "--out", wide.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(wide))) {
            XSSFSheet table = workbook.getSheet("Tổng hợp Phụ lục I");
            assertEquals(false, table.getFitToPage());
            assertEquals(ConsolidationWorkbook.SCALE, table.getPrintSetup().getScale());
            assertEquals("'Tổng hợp Phụ lục I'!$A:$C,'Tổng hợp Phụ lục I'!$5:$5", printTitles(workbook, 0));
            // The titles span the repeated columns only, so that every page across shows them whole.
            assertEquals(List.of("A1:C1", "A2:C2", "A3:C3"), table.getMergedRegions().stream()
                    .map(r -> r.formatAsString()).toList());
        }
        assertTrue(sheetXml(wide, 1).contains("pageOrder=\"overThenDown\""));
    }

    @Test
    void linesOfTheRollAreColouredByWhereTheUnitStands() {
        assertEquals(List.of("RECEIVED=NONE", "WITH_ERRORS=ERROR", "WITH_ERRORS_LEFT_OUT=ERROR", "UNLISTED=WARNING",
                "DUPLICATE=INFO", "WRONG_PERIOD=ERROR", "WRONG_VERSION=ERROR", "UNREADABLE=ERROR", "MISSING=ERROR"),
                java.util.Arrays.stream(Standing.values()).map(s -> s + "=" + ConsolidationWorkbook.shade(s)).toList());
    }

    @Test
    void aUnitsRowOfTheRollShowsEightLinesOfFindingsAtMostAndSaysHowManyMoreItsWorkbookHolds() throws IOException {
        Path in = Files.createDirectories(work.resolve("in-blank"));
        // Nothing but its name and period: a warning for every figure missing.
        TypedWorkbooks.write(Map.of("unit.name", "t:C", "period", "t:năm", "year", "n:2023"), in.resolve("c.xlsx"));
        Path blank = work.resolve("trong.xlsx");
        Main.run(new String[] {"consolidate", in.toString(), "--out", blank.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(blank))) {
            Row c = workbook.getSheet("Tình hình nộp báo cáo").getRow(4);
            int warnings = (int) c.getCell(8).getNumericCellValue();
            List<String> lines = c.getCell(9).getStringCellValue().lines().toList();
            assertTrue(warnings > 8, "warnings: " + warnings);
            assertTrue(lines.size() <= 8, String.join("\n", lines));
            String last = lines.get(lines.size() - 1);
            assertTrue(last.matches("… và \\d+ lỗi, cảnh báo khác: xem trang «Kết quả kiểm tra» trong biểu của đơn vị\\."),
                    last);
            // Every finding is either shown or counted among the others (its information findings too).
            int others = Integer.parseInt(last.replaceAll("\\D", ""));
            assertTrue(lines.size() - 1 + others >= warnings, lines.size() - 1 + " + " + others);
            assertTrue(c.getHeightInPoints() <= appendixfill.form.Layout.heightOfLines(8, 12), "" + c.getHeightInPoints());
        }
    }

    @Test
    void aFigureUnderAnErrorIsRoseAndTheTotalThatIncludesItYellowWithItsNote() throws IOException {
        Path in = Files.createDirectories(work.resolve("in-errors"));
        TypedWorkbooks.write(Map.of("unit.level", "t:xã", "unit.name", "t:A", "period", "t:năm", "year", "n:2023",
                "1.2.1", "n:10", "1.2.2", "n:9"), in.resolve("a.xlsx"));
        TypedWorkbooks.write(Map.of("unit.level", "t:xã", "unit.name", "t:B", "period", "t:năm", "year", "n:2023",
                "1.2.1", "n:30", "1.2.2", "n:32"), in.resolve("b.xlsx"));
        TypedWorkbooks.write(Map.of("unit.name", "t:C", "period", "t:năm", "year", "n:2023"), in.resolve("c.xlsx"));
        Path withErrors = work.resolve("loi.xlsx");
        Main.run(new String[] {"consolidate", in.toString(), "--out", withErrors.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(withErrors))) {
            XSSFSheet table = workbook.getSheet("Tổng hợp Phụ lục I");
            Row done = row(table, "1.2.2");
            // Yellow (43) the total, no fill (64) xã A's 9, rose (45) xã B's 32.
            assertEquals(List.of(43, 64, 45), List.of(fill(done.getCell(3)), fill(done.getCell(6)), fill(done.getCell(7))));
            assertEquals(43, fill(done.getCell(5)));
            assertTrue(done.getCell(5).getStringCellValue().startsWith("2/3 đơn vị có số liệu; gồm số liệu có lỗi của"
                    + " xã B (1.2.2 = 32 lớn hơn"), done.getCell(5).getStringCellValue());
            assertEquals(43, fill(row(table, "1.2").getCell(3)));
            assertEquals(22, fill(row(table, "1.2.1").getCell(3)));
            // A rate's note in the workbook says what it covers and what it includes, not how it is computed.
            assertEquals("2/3 đơn vị có số liệu; gồm số liệu có lỗi của xã B (1.2.2 = 32 lớn hơn 1.2.1 = 30)",
                    row(table, "1.2").getCell(5).getStringCellValue());
            XSSFSheet roll = workbook.getSheet("Tình hình nộp báo cáo");
            // a.xlsx received; b.xlsx with an error; c.xlsx, no level, with an error too.
            assertEquals(List.of("Đã nhận", "Có lỗi", "Có lỗi"), List.of(roll.getRow(4).getCell(5).getStringCellValue(),
                    roll.getRow(5).getCell(5).getStringCellValue(), roll.getRow(6).getCell(5).getStringCellValue()));
            assertEquals(List.of(64, 45, 45), List.of(fill(roll.getRow(4).getCell(2)), fill(roll.getRow(5).getCell(2)),
                    fill(roll.getRow(5).getCell(9))));
        }
    }

    /** What a sheet repeats on every printed page: its name _xlnm.Print_Titles. */
    private static String printTitles(XSSFWorkbook workbook, int sheet) {
        return workbook.getAllNames().stream().filter(n -> n.getNameName().equals("_xlnm.Print_Titles")
                && n.getSheetIndex() == sheet).map(n -> n.getRefersToFormula()).findFirst().orElse("(none)");
    }

    /** The indexed colour of a cell's solid fill; 64 (automatic) when it has none. */
    private static int fill(Cell cell) {
        org.apache.poi.xssf.usermodel.XSSFCellStyle style = (org.apache.poi.xssf.usermodel.XSSFCellStyle) cell.getCellStyle();
        return style.getFillPattern() == org.apache.poi.ss.usermodel.FillPatternType.SOLID_FOREGROUND
                ? style.getFillForegroundColor() : 64;
    }
}
