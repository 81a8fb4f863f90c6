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
}
