package appendixfill.workbook;

import appendixfill.form.Layout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import appendixfill.CaseFolders;
import appendixfill.indicator.Catalogue;
import appendixfill.rule.Assessment;
import appendixfill.rule.RuleBook;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-place patcher completes a workbook exactly as POI's filler does: the same cells, values,
 * formulas, cached values, fills, comments, findings sheet, ledger and names, read back through POI.
 */
class PatchedWorkbookTest {

    static final Path EXAMPLE = Path.of("workbook-templates/example/vu-muon-nam-2023.xlsx");
    /** Workbooks as LibreOffice saved them (see the folder's README). */
    static final Path SAVED = Path.of("src/test/resources/saved-by");

    private static final Catalogue CATALOGUE = Catalogue.standard();
    private static final RuleBook RULES = RuleBook.standard();

    @TempDir
    Path temp;

    /** Both writers' completed workbooks of one input, and what they read. */
    private record Both(byte[] poi, byte[] patched) {
    }

    private static Both complete(Path input) throws Exception {
        ByteArrayOutputStream poi = new ByteArrayOutputStream();
        ByteArrayOutputStream patched = new ByteArrayOutputStream();
        try (FormWorkbook viaPoi = FormWorkbook.open(input, CATALOGUE)) {
            PatchedWorkbook viaPatch = PatchedWorkbook.open(input, CATALOGUE).orElseThrow(() -> new AssertionError(
                    "declined: " + PatchedWorkbook.declined(input, CATALOGUE)));
            assertEquals(viaPoi.typed(), viaPatch.typed(), "typed cells");
            assertEquals(viaPoi.notes(), viaPatch.notes(), "notes");
            Assessment assessment = Assessment.of(CATALOGUE, RULES, viaPoi.typed(), viaPoi.findings());
            viaPoi.complete(assessment, "Kết quả kiểm tra: tóm tắt.", poi);
            viaPatch.complete(assessment, "Kết quả kiểm tra: tóm tắt.", patched);
        }
        return new Both(poi.toByteArray(), patched.toByteArray());
    }

    private static void assertSameCompletion(Path input) throws Exception {
        Both both = complete(input);
        String poi = dump(both.poi());
        String patched = dump(both.patched());
        List<String> onlyPoi = new ArrayList<>(poi.lines().toList());
        onlyPoi.removeAll(patched.lines().toList());
        List<String> onlyPatched = new ArrayList<>(patched.lines().toList());
        onlyPatched.removeAll(poi.lines().toList());
        assertEquals(List.of(), onlyPoi.isEmpty() && onlyPatched.isEmpty() ? List.of()
                : List.of("POI only:", onlyPoi, "patched only:", onlyPatched), "completed workbook of " + input);
        assertEquals(poi, patched, "completed workbook of " + input);
    }

    /**
     * Everything of a completed workbook that matters to its reader, one line per fact: sheets in
     * order with their visibility, every non-blank cell with its type, value, formula and fill, every
     * comment, hyperlink, the findings sheet's row heights, and the defined names.
     */
    static String dump(byte[] workbook) throws Exception {
        List<String> lines = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            for (int s = 0; s < book.getNumberOfSheets(); s++) {
                XSSFSheet sheet = book.getSheetAt(s);
                lines.add("sheet " + s + " «" + sheet.getSheetName() + "» " + book.getSheetVisibility(s));
                for (Row row : sheet) {
                    if (sheet.getSheetName().equals(Layout.FINDINGS_SHEET)) {
                        lines.add("  row " + (row.getRowNum() + 1) + " height " + row.getHeightInPoints());
                    }
                    for (Cell cell : row) {
                        String content = content(cell);
                        XSSFCellStyle style = (XSSFCellStyle) cell.getCellStyle();
                        String fill = style.getFillPattern() + "/" + style.getFillForegroundColor();
                        Comment comment = cell.getCellComment();
                        if (content.isEmpty() && comment == null && fill.equals("NO_FILL/64")) {
                            continue;
                        }
                        lines.add("  " + cell.getAddress() + " " + content + " fill " + fill
                                + (style.getWrapText() ? " wrapped" : "") + (style.getFont().getBold() ? " bold" : "")
                                + (comment == null ? "" : " comment «" + comment.getAuthor() + "» «"
                                        + comment.getString().getString() + "»")
                                + (cell.getHyperlink() == null ? "" : " link " + cell.getHyperlink().getAddress()));
                    }
                }
                if (sheet.getSheetName().equals(Layout.FINDINGS_SHEET)) {
                    lines.add("  columns " + Stream.iterate(0, i -> i < 6, i -> i + 1)
                            .map(i -> String.valueOf(sheet.getColumnWidth(i) / 256)).toList()
                            + " frozen " + sheet.getPaneInformation().getHorizontalSplitPosition()
                            + " landscape " + sheet.getPrintSetup().getLandscape()
                            + " autofilter " + sheet.getCTWorksheet().getAutoFilter().getRef());
                }
            }
            for (Name name : book.getAllNames().stream().sorted(java.util.Comparator.comparing(Name::getNameName)
                    .thenComparing(Name::getSheetIndex)).toList()) {
                lines.add("name " + name.getNameName() + " sheet " + name.getSheetIndex() + " = "
                        + name.getRefersToFormula());
            }
        }
        return String.join("\n", lines);
    }

    private static String content(Cell cell) {
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            CellType cached = cell.getCachedFormulaResultType();
            return "=" + cell.getCellFormula() + " → " + (cached == CellType.NUMERIC ? "n:" + cell.getNumericCellValue()
                    : "t:" + cell.getStringCellValue());
        }
        return switch (type) {
            case NUMERIC -> "n:" + cell.getNumericCellValue();
            case STRING -> cell.getStringCellValue().isEmpty() ? "" : "t:" + cell.getStringCellValue();
            case BOOLEAN -> "b:" + cell.getBooleanCellValue();
            case ERROR -> "e:" + cell.getErrorCellValue();
            default -> "";
        };
    }

    private Path write(byte[] bytes, String name) throws Exception {
        Path file = temp.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    @Test
    void completesTheExampleAsPoiDoes() throws Exception {
        assertSameCompletion(EXAMPLE);
    }

    @TestFactory
    Stream<DynamicTest> completesEveryGoldenTemplateCaseAsPoiDoes() throws Exception {
        return CaseFolders.each(Path.of("src/test/resources/golden"), folder -> {
            Properties properties = CaseFolders.properties(folder);
            Path input = properties.containsKey("input") ? Path.of(properties.getProperty("input"))
                    : TypedWorkbooks.write(TypedWorkbooks.readTyped(folder.resolve(
                            properties.getProperty("typed", "typed.tsv"))), temp.resolve(folder.getFileName() + ".xlsx"));
            if (PatchedWorkbook.declined(input, CATALOGUE) == null) {
                assertSameCompletion(input);
            } else {
                // Plain tables, .xls and .ods are POI's to read: only those may be declined.
                assertTrue(!input.toString().endsWith(".xlsx") || folder.getFileName().toString().startsWith("plain"),
                        folder + " declined: " + PatchedWorkbook.declined(input, CATALOGUE));
            }
        });
    }

    @Test
    void completesItsOwnCompletedWorkbookAgainAsPoiDoes() throws Exception {
        Path once = write(complete(EXAMPLE).patched(), "once.filled.xlsx");
        assertSameCompletion(once);
        Path viaPoi = write(complete(EXAMPLE).poi(), "poi.filled.xlsx");
        assertSameCompletion(viaPoi);
    }

    @Test
    void completingTwiceChangesNothingMore() throws Exception {
        Path once = write(complete(EXAMPLE).patched(), "once.filled.xlsx");
        Path twice = write(complete(once).patched(), "twice.filled.xlsx");
        assertEquals(dump(Files.readAllBytes(once)), dump(Files.readAllBytes(twice)));
        assertEquals(Files.size(once), Files.size(twice), "no style or part added a second time");
    }

    @TestFactory
    Stream<DynamicTest> completesWorkbooksSavedByLibreOfficeAsPoiDoes() throws Exception {
        try (Stream<Path> saved = Files.list(SAVED)) {
            return saved.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList().stream()
                    .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                        assertNull(PatchedWorkbook.declined(file, CATALOGUE));
                        assertSameCompletion(file);
                    }));
        }
    }

    @Test
    void leavesAWorkbookWithTheOfficersOwnCommentToPoi() throws Exception {
        Path commented = temp.resolve("commented.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(EXAMPLE))) {
            Cell cell = TemplateBuilder.cellOf(book, CATALOGUE.require("1.1").name());
            var anchor = book.getCreationHelper().createClientAnchor();
            Comment comment = cell.getSheet().createDrawingPatriarch().createCellComment(anchor);
            comment.setAuthor("Cán bộ");
            comment.setString(book.getCreationHelper().createRichTextString("Số liệu tạm tính"));
            cell.setCellComment(comment);
            try (OutputStream out = Files.newOutputStream(commented)) {
                book.write(out);
            }
        }
        assertEquals("comments of the officer's on Phụ lục I", PatchedWorkbook.declined(commented, CATALOGUE));
    }

    @Test
    void leavesAMacroWorkbookToPoi() throws Exception {
        Path macro = temp.resolve("bieu.xlsm");
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(EXAMPLE))) {
            book.setWorkbookType(org.apache.poi.xssf.usermodel.XSSFWorkbookType.XLSM);
            try (OutputStream out = Files.newOutputStream(macro)) {
                book.write(out);
            }
        }
        assertEquals("not a plain .xlsx workbook", PatchedWorkbook.declined(macro, CATALOGUE));
    }

    @Test
    void leavesWhatIsNotAZipToPoi() throws Exception {
        Path text = Files.writeString(temp.resolve("bieu.xlsx"), "STT;Nội dung");
        assertEquals("not a zip", PatchedWorkbook.declined(text, CATALOGUE));
    }

    @Test
    void keepsEveryPartOfTheOfficersWorkbookItDoesNotRewrite() throws Exception {
        Path input = SAVED.resolve("vu-muon-nam-2023.libreoffice.xlsx");
        Map<String, byte[]> before = parts(Files.readAllBytes(input));
        Map<String, byte[]> after = parts(complete(input).patched());
        for (String part : List.of("docProps/app.xml", "docProps/core.xml", "docProps/custom.xml", "_rels/.rels",
                "xl/sharedStrings.xml")) {
            assertTrue(java.util.Arrays.equals(before.get(part), after.get(part)), part + " kept byte for byte");
        }
    }

    /**
     * What Excel is strictest about, checked without Excel: every part the patcher writes or rewrites
     * is valid against the SpreadsheetML schema (POI's compiled subset). Excel itself writes
     * xml:space on text elements, which that schema leaves out: that one error is not counted.
     * LibreOffice's styles use types the subset lacks, so only the example's styles are checked.
     */
    @TestFactory
    Stream<DynamicTest> thePartsItWritesAreValidSpreadsheetMl() {
        return Stream.of(EXAMPLE, SAVED.resolve("vu-muon-nam-2023.filled.libreoffice.xlsx")).map(input ->
                DynamicTest.dynamicTest(input.getFileName().toString(), () -> {
                    Map<String, byte[]> parts = parts(complete(input).patched());
                    List<String> invalid = new ArrayList<>();
                    for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                        String name = part.getKey();
                        java.io.InputStream xml = new ByteArrayInputStream(part.getValue());
                        org.apache.xmlbeans.XmlObject parsed;
                        if (name.startsWith("xl/worksheets/sheet")) {
                            parsed = org.openxmlformats.schemas.spreadsheetml.x2006.main.WorksheetDocument.Factory.parse(xml);
                        } else if (name.equals("xl/workbook.xml")) {
                            parsed = org.openxmlformats.schemas.spreadsheetml.x2006.main.WorkbookDocument.Factory.parse(xml);
                        } else if (name.startsWith("xl/comments")) {
                            parsed = org.openxmlformats.schemas.spreadsheetml.x2006.main.CommentsDocument.Factory.parse(xml);
                        } else if (name.equals("xl/styles.xml") && input.equals(EXAMPLE)) {
                            parsed = org.openxmlformats.schemas.spreadsheetml.x2006.main.StyleSheetDocument.Factory.parse(xml);
                        } else {
                            continue;
                        }
                        List<org.apache.xmlbeans.XmlError> errors = new ArrayList<>();
                        parsed.validate(new org.apache.xmlbeans.XmlOptions().setErrorListener(errors));
                        errors.removeIf(e -> e.getMessage().contains("space@http://www.w3.org/XML/1998/namespace"));
                        errors.forEach(e -> invalid.add(name + ": " + e.getMessage()));
                    }
                    assertEquals(List.of(), invalid);
                }));
    }

    /** The example with some parts replaced or added, as another program might have saved it. */
    private Path exampleWith(String name, Map<String, byte[]> changed) throws Exception {
        Map<String, byte[]> parts = parts(Files.readAllBytes(EXAMPLE));
        parts.putAll(changed);
        Path file = temp.resolve(name);
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(part.getKey()));
                zip.write(part.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    @Test
    void readsAndWritesExcelsEscapedCharactersAsPoiDoes() throws Exception {
        Path input = TypedWorkbooks.write(Map.of("unit.name", "t:xã Vũ Muộn", "t.positive",
                "t:Mã _x0041_ và dòng\r\nmới", "note:1.1", "t:ghi _x005F_ chú"), temp.resolve("ky-tu.xlsx"));

        assertSameCompletion(input);
    }

    @Test
    void leavesAZipBombToPoiBeforeInflatingIt() throws Exception {
        Map<String, byte[]> zeros = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 8; i++) {
            zeros.put("xl/media/image" + i + ".bin", new byte[12 << 20]);
        }
        Path bomb = exampleWith("bomb.xlsx", zeros);

        assertEquals("part too large, too compressed or twice: xl/media/image0.bin",
                PatchedWorkbook.declined(bomb, CATALOGUE));
    }

    @Test
    void putsItsCommentsDrawingAfterADataBarRuleWhoseOwnExtensionComesFirst() throws Exception {
        String sheet = new String(parts(Files.readAllBytes(EXAMPLE)).get("xl/worksheets/sheet1.xml"),
                java.nio.charset.StandardCharsets.UTF_8);
        String dataBar = "<conditionalFormatting sqref=\"D9:D12\"><cfRule type=\"dataBar\" priority=\"1\"><dataBar>"
                + "<cfvo type=\"min\"/><cfvo type=\"max\"/><color rgb=\"FF638EC6\"/></dataBar><extLst><ext"
                + " uri=\"{B025F937-C7B1-47D3-B67F-A62EFF666E3E}\" xmlns:x14=\"http://schemas.microsoft.com/office/"
                + "spreadsheetml/2009/9/main\"><x14:id>{6A1F0E5B-0000-4000-8000-000000000001}</x14:id></ext></extLst>"
                + "</cfRule></conditionalFormatting>";
        int at = sheet.indexOf("<dataValidations");
        Path input = exampleWith("thanh-du-lieu.xlsx", Map.of("xl/worksheets/sheet1.xml",
                (sheet.substring(0, at) + dataBar + sheet.substring(at)).getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        String completed = new String(parts(complete(input).patched()).get("xl/worksheets/sheet1.xml"),
                java.nio.charset.StandardCharsets.UTF_8);

        assertTrue(completed.indexOf("<legacyDrawing") > completed.indexOf("</conditionalFormatting>"), completed);
        assertTrue(completed.indexOf("<legacyDrawing") > completed.indexOf("<pageSetup"), completed);
        assertSameCompletion(input);
    }

    private static Map<String, byte[]> parts(byte[] zip) throws Exception {
        Map<String, byte[]> parts = new java.util.LinkedHashMap<>();
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                parts.put(entry.getName(), in.readAllBytes());
            }
        }
        return parts;
    }
}
