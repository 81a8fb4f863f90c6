package appendixfill.form;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import appendixfill.fill.FillJob;
import appendixfill.fixtures.PoiCells;
import appendixfill.fixtures.RunStamps;
import appendixfill.indicator.Catalogue;
import appendixfill.rule.RuleBook;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one writer, judged by an independent reader (POI's usermodel, or the zip's own bytes): what
 * it changes in an officer's workbook, and what it keeps.
 */
class CompleterTest {

    static final Path EXAMPLE = Path.of("workbook-templates/example/vu-muon-nam-2023.xlsx");

    @TempDir
    Path folder;

    private Path fill(Path input, String name) throws Exception {
        Path out = Files.createDirectories(folder.resolve(name));
        new FillJob(Catalogue.standard(), RuleBook.standard()).run(input, out);
        String base = input.getFileName().toString().replaceFirst("\\.xlsx$", "");
        return out.resolve(base + ".filled.xlsx");
    }

    /** Every entry of a zip, inflated, by name. */
    private static Map<String, byte[]> entries(Path zip) throws Exception {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(file.entries())) {
                try (InputStream in = file.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }

    @Test
    void thePartsTheFillDoesNotChangeAreKeptByteForByte() throws Exception {
        Map<String, byte[]> before = entries(EXAMPLE);
        Map<String, byte[]> after = entries(fill(EXAMPLE, "once"));

        for (String kept : new String[] {"_rels/.rels", "docProps/app.xml", "docProps/core.xml", "xl/sharedStrings.xml"}) {
            assertArrayEquals(before.get(kept), after.get(kept), kept);
        }
    }

    @Test
    void completingTheCompletedWorkbookAgainGivesTheSameBytesButTheRunStamp() throws Exception {
        Path once = fill(EXAMPLE, "once");
        Path again = fill(once, "again");

        assertEquals(RunStamps.withoutStamp(once), RunStamps.withoutStamp(again));
        assertNotEquals(RunStamps.of(once), RunStamps.of(again));
    }

    @Test
    void aRowOfTypedParagraphsIsMadeTallEnoughToShowAndPrintThemWhole() throws Exception {
        try (XSSFWorkbook template = new XSSFWorkbook(Files.newInputStream(EXAMPLE));
                XSSFWorkbook filled = new XSSFWorkbook(Files.newInputStream(fill(EXAMPLE, "once")))) {
            org.apache.poi.ss.usermodel.Sheet before = template.getSheet("Thông tin báo cáo");
            org.apache.poi.ss.usermodel.Sheet after = filled.getSheet("Thông tin báo cáo");
            int width = after.getColumnWidth(Layout.DETAIL_VALUE_COLUMN) / 256;
            int grown = 0;
            for (org.apache.poi.ss.usermodel.Row row : after) {
                org.apache.poi.ss.usermodel.Cell value = row.getCell(Layout.DETAIL_VALUE_COLUMN);
                if (row.getRowNum() < Layout.FIRST_DETAIL_ROW || value == null
                        || value.getCellType() != org.apache.poi.ss.usermodel.CellType.STRING
                        || value.getStringCellValue().isEmpty()) {
                    continue;
                }
                float needed = Math.min(Layout.MAX_ROW_HEIGHT, Layout.heightFor(value.getStringCellValue(), width, 12));
                float had = before.getRow(row.getRowNum()).getHeightInPoints();
                assertEquals(Math.max(had, needed), row.getHeightInPoints(), 0.01, "row " + (row.getRowNum() + 1));
                grown += needed > had ? 1 : 0;
            }
            assertTrue(grown >= 3, "rows grown: " + grown);
        }
    }

    @Test
    void anOfficersCommentIsKeptAndWhereTheToolHasAFindingTheTwoShareOneCommentAgainAndAgain() throws Exception {
        Path input = folder.resolve("with-comments.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(EXAMPLE))) {
            comment(workbook, "PL_7_2_4", "Số liệu lấy từ phần mềm một cửa.");
            comment(workbook, "PL_1_1", "Kế hoạch số 10/KH-UBND.");
            try (OutputStream out = Files.newOutputStream(input)) {
                workbook.write(out);
            }
        }

        Path once = fill(input, "once");
        Path twice = fill(once, "twice");

        for (Path completed : new Path[] {once, twice}) {
            try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(completed))) {
                Comment merged = cell(workbook, "PL_7_2_4").getCellComment();
                assertEquals("Cán bộ", merged.getAuthor());
                assertTrue(merged.getString().getString().startsWith("Số liệu lấy từ phần mềm một cửa."
                        + Completer.OFFICERS_COMMENT_END + "Lỗi: 7.2.4"), merged.getString().getString());
                assertEquals(1, merged.getString().getString().split(Completer.OFFICERS_COMMENT_END, -1).length - 1,
                        completed + ": the officer's words once, the tool's once");
                Comment kept = cell(workbook, "PL_1_1").getCellComment();
                assertEquals("Kế hoạch số 10/KH-UBND.", kept.getString().getString());
                assertEquals("Cán bộ", kept.getAuthor());
                assertEquals("appendix-fill", cell(workbook, "PL_7_2_2").getCellComment().getAuthor());
            }
        }
    }

    @Test
    void anOfficersSheetNamedLikeTheFindingsSheetIsKeptAndTheToolsIsNamedApart() throws Exception {
        Path input = folder.resolve("clash.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(EXAMPLE))) {
            workbook.createSheet("KẾT QUẢ KIỂM TRA").createRow(0).createCell(0).setCellValue("Ghi chép của xã");
            try (OutputStream out = Files.newOutputStream(input)) {
                workbook.write(out);
            }
        }

        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(fill(input, "out")))) {
            assertEquals("Ghi chép của xã", workbook.getSheet("KẾT QUẢ KIỂM TRA").getRow(0).getCell(0)
                    .getStringCellValue());
            assertEquals("Kết quả kiểm tra (2)", workbook.getSheetName(1));
            assertEquals("STT", workbook.getSheetAt(1).getRow(Completion.FINDINGS_HEADER_ROW).getCell(0)
                    .getStringCellValue());
        }
    }

    private static void comment(XSSFWorkbook workbook, String name, String text) {
        org.apache.poi.ss.usermodel.Cell cell = cell(workbook, name);
        Drawing<?> drawing = cell.getSheet().createDrawingPatriarch();
        ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
        anchor.setCol1(cell.getColumnIndex() + 1);
        anchor.setRow1(cell.getRowIndex());
        anchor.setCol2(cell.getColumnIndex() + 3);
        anchor.setRow2(cell.getRowIndex() + 3);
        Comment comment = drawing.createCellComment(anchor);
        comment.setAuthor("Cán bộ");
        comment.setString(workbook.getCreationHelper().createRichTextString(text));
        cell.setCellComment(comment);
    }

    private static org.apache.poi.ss.usermodel.Cell cell(XSSFWorkbook workbook, String name) {
        return PoiCells.cell(workbook, new CellReference(workbook.getName(name).getRefersToFormula()));
    }

}
