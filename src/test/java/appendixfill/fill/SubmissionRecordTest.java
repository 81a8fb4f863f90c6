package appendixfill.fill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import appendixfill.cli.Main;
import appendixfill.fixtures.TypedWorkbooks;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A completed workbook describes itself (which form, rules and tool, whose, for when, from which
 * input, when, how many errors) and keeps the change log of its own submissions; both read here by
 * POI, not by the tool.
 */
class SubmissionRecordTest {

    static final Path EXAMPLE = Path.of("workbook-templates/example/vu-muon-nam-2023.xlsx");

    @TempDir
    Path out;

    private static int fill(Path input, Path out) {
        return Main.run(new String[] {input.toString(), "--out", out.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
    }

    @Test
    void theCompletedWorkbookRecordsWhereItComesFromInItsPropertiesAndOnItsFindingsSheet() throws Exception {
        fill(EXAMPLE, out);
        Path filled = out.resolve("vu-muon-nam-2023.filled.xlsx");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(EXAMPLE)));
        try (InputStream in = Files.newInputStream(filled); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Map<String, String> properties = new LinkedHashMap<>();
            workbook.getProperties().getCustomProperties().getUnderlyingProperties().getPropertyList()
                    .forEach(p -> properties.put(p.getName(), p.getLpwstr()));
            assertEquals("cchc-phu-luc-i", properties.get("appendix-fill.template"));
            assertEquals("2023.1", properties.get("appendix-fill.template-version"));
            assertEquals("2026.1", properties.get("appendix-fill.rules-version"));
            assertEquals("0.1.0", properties.get("appendix-fill.tool-version"));
            assertEquals("xã Vũ Muộn", properties.get("appendix-fill.unit"));
            assertEquals("năm 2023", properties.get("appendix-fill.period"));
            assertEquals(sha, properties.get("appendix-fill.input-sha256"));
            assertEquals("7", properties.get("appendix-fill.errors"));
            assertEquals("7", properties.get("appendix-fill.warnings"));
            assertTrue(properties.get("appendix-fill.filled").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"),
                    properties.get("appendix-fill.filled"));
            assertTrue(properties.get("appendix-fill.content-sha256").matches("[0-9a-f]{64}"));
            String filledOn = properties.get("appendix-fill.filled");
            String day = filledOn.substring(8, 10) + "/" + filledOn.substring(5, 7) + "/" + filledOn.substring(0, 4);
            assertEquals("Lập bằng appendix-fill 0.1.0 ngày " + day + " (UTC), mẫu cchc-phu-luc-i phiên bản 2023.1, bộ "
                    + "quy tắc phiên bản 2026.1; xã Vũ Muộn, năm 2023; 7 lỗi, 7 cảnh báo; SHA-256 của tệp gốc: " + sha + ".",
                    workbook.getSheet("Kết quả kiểm tra").getRow(1).getCell(0).getStringCellValue());
        }
    }

    @Test
    void aWorkbookFilledAgainLogsWhatChangedSinceTheWorkbookItReplaces() throws Exception {
        Map<String, String> typed = new LinkedHashMap<>(Map.of("unit.level", "t:xã", "unit.name", "t:Vũ Muộn",
                "period", "t:năm", "year", "n:2025", "1.1", "n:3", "3.4.1", "n:10", "3.4.2", "n:8"));
        Path input = TypedWorkbooks.write(typed, out.resolve("bieu.xlsx"));
        Path done = Files.createDirectories(out.resolve("ket-qua"));
        fill(input, done);
        typed.put("1.1", "n:4");
        typed.put("3.4.2", "n:9");
        TypedWorkbooks.write(typed, input);
        fill(input, done);
        List<List<String>> log = rows(done.resolve("bieu.filled.xlsx"), "appendix-fill-changes");
        assertEquals(List.of("submission", "run", "filled", "input-sha256", "code", "old", "new"), log.get(0));
        assertEquals(5, log.size(), log.toString());
        assertEquals("1", log.get(1).get(0));
        assertEquals("2", log.get(2).get(0));
        assertEquals(List.of("2", "", "", "", "1.1", "3", "4"), log.get(3));
        assertEquals(List.of("2", "", "", "", "3.4.2", "8", "9"), log.get(4));
        assertTrue(log.get(2).get(1).compareTo(log.get(1).get(1)) > 0, "the later run's stamp: " + log);
    }

    /** A sheet's rows as text, each padded to seven cells. */
    private static List<List<String>> rows(Path workbook, String name) throws Exception {
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheet(name);
            assertEquals(org.apache.poi.ss.usermodel.SheetVisibility.VERY_HIDDEN,
                    book.getSheetVisibility(book.getSheetIndex(sheet)));
            DataFormatter text = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int column = 0; column < 7; column++) {
                    cells.add(row.getCell(column) == null ? "" : text.formatCellValue(row.getCell(column)));
                }
                rows.add(cells);
            }
            return rows;
        }
    }
}
