package appendixfill.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Kind;
import appendixfill.report.TemplateCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The template, the catalogue and the narrative template agree with each other. */
class TemplateBuilderTest {

    private static final Catalogue CATALOGUE = Catalogue.standard();

    @Test
    void everyIndicatorHasANamedCellRatesAreLockedFormulasAndInputsAreUnlocked() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(GeneratedFilesTest.TEMPLATE))) {
            for (Indicator indicator : CATALOGUE.indicators()) {
                if (indicator.kind() == Kind.HEADING) {
                    continue;
                }
                assertNotNull(workbook.getName(indicator.name()), indicator.name());
                Cell cell = TemplateBuilder.cellOf(workbook, indicator.name());
                if (indicator.kind() == Kind.RATE) {
                    assertEquals(CellType.FORMULA, cell.getCellType(), indicator.code());
                    assertTrue(cell.getCellStyle().getLocked(), indicator.code());
                    assertTrue(cell.getCellFormula().contains("không phát sinh"), cell.getCellFormula());
                } else {
                    assertFalse(cell.getCellStyle().getLocked(), indicator.code() + " is typed, so unlocked");
                }
                String font = workbook.getFontAt(cell.getCellStyle().getFontIndex()).getFontName();
                assertEquals("Times New Roman", font);
            }
        }
    }

    @Test
    void inputsAreValidatedAndSheetsAreProtectedA4WithFrozenHeaders() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(GeneratedFilesTest.TEMPLATE))) {
            XSSFSheet appendix = workbook.getSheet("Phụ lục I");
            long typedOnAppendix = CATALOGUE.on(appendixfill.indicator.Sheet.APPENDIX).stream()
                    .filter(i -> i.kind().isTyped()).count();
            assertEquals(typedOnAppendix, appendix.getDataValidations().size());
            DataValidation first = appendix.getDataValidations().get(0);
            assertTrue(first.getShowPromptBox());
            assertTrue(appendix.getProtect());
            assertEquals(PrintSetup.A4_PAPERSIZE, appendix.getPrintSetup().getPaperSize());
            assertEquals(7, appendix.getPaneInformation().getHorizontalSplitPosition());
            assertEquals("cchc-phu-luc-i", workbook.getProperties().getCustomProperties()
                    .getProperty("appendix-fill.template").getLpwstr());
        }
    }

    @Test
    void theNarrativeTemplateUsesOnlyCodesOfTheCatalogue() throws IOException {
        TemplateCodes.assertAllInCatalogue(Path.of("velocity/bao-cao.vm"), 50);
    }

    @Test
    void promptTitlesSayWhatTheCellHoldsNumbersNamesParagraphs() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(GeneratedFilesTest.TEMPLATE))) {
            java.util.Map<String, String> titles = new java.util.TreeMap<>();
            for (String sheet : List.of("Phụ lục I", "Thông tin báo cáo")) {
                for (DataValidation validation : workbook.getSheet(sheet).getDataValidations()) {
                    var region = validation.getRegions().getCellRangeAddress(0);
                    titles.put(sheet + "!" + new org.apache.poi.ss.util.CellReference(region.getFirstRow(),
                            region.getFirstColumn()).formatAsString(), validation.getPromptBoxTitle());
                }
            }
            java.util.Map<String, String> byCode = new java.util.LinkedHashMap<>();
            for (String code : List.of("1.2.1", "2.2.1.a", "5.1.a", "unit.level", "unit.name", "year", "report.date",
                    "request", "recipients", "t.procedure", "x.news")) {
                var ref = new org.apache.poi.ss.util.CellReference(workbook.getName(CATALOGUE.require(code).name())
                        .getRefersToFormula());
                byCode.put(code, titles.get(ref.getSheetName() + "!" + new org.apache.poi.ss.util.CellReference(
                        ref.getRow(), ref.getCol()).formatAsString()));
            }
            assertEquals(java.util.Map.ofEntries(
                    java.util.Map.entry("1.2.1", "Chỉ tiêu 1.2.1"),
                    java.util.Map.entry("2.2.1.a", "Nhập số liệu"),
                    java.util.Map.entry("5.1.a", "Nhập tỷ lệ phần trăm"),
                    java.util.Map.entry("unit.level", "Chọn cấp đơn vị"),
                    java.util.Map.entry("unit.name", "Tên đơn vị (không ghi cấp)"),
                    java.util.Map.entry("year", "Nhập năm"),
                    java.util.Map.entry("report.date", "Nhập ngày"),
                    java.util.Map.entry("request", "Văn bản yêu cầu báo cáo"),
                    java.util.Map.entry("recipients", "Nơi nhận (mỗi nơi một dòng)"),
                    java.util.Map.entry("t.procedure", "Viết nội dung, mỗi ý một dòng"),
                    java.util.Map.entry("x.news", "Nhập số liệu")), byCode);
            for (String title : titles.values()) {
                // Excel shows no more of a prompt's title.
                assertTrue(title.length() <= 32, title);
            }
        }
    }

    @Test
    void bothSheetsPrintWithPageNumbersTheDetailsInLandscapeWithTheirHeaderRepeated() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(GeneratedFilesTest.TEMPLATE))) {
            XSSFSheet appendix = workbook.getSheet("Phụ lục I");
            XSSFSheet details = workbook.getSheet("Thông tin báo cáo");
            assertEquals(List.of("&\"Times New Roman,Regular\"&10Trang &P/&N", "&\"Times New Roman,Regular\"&10Trang &P/&N"),
                    List.of(appendix.getFooter().getCenter(), details.getFooter().getCenter()));
            assertEquals(List.of(false, true), List.of(appendix.getPrintSetup().getLandscape(),
                    details.getPrintSetup().getLandscape()));
            assertEquals("3:3", details.getRepeatingRows().formatAsString());
        }
    }
}
