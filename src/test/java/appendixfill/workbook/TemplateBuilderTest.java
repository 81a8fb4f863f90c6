package appendixfill.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        String template = Files.readString(Path.of("velocity/bao-cao.vm"), StandardCharsets.UTF_8)
                .replaceAll("(?m)##.*$", "");
        Matcher references = Pattern.compile("\\$v\\[[\"']([^\"']+)[\"']\\]|difference\\(\"([^\"]+)\",\\s*\"([^\"]+)\"\\)")
                .matcher(template);
        Set<String> used = new TreeSet<>();
        while (references.find()) {
            for (int group = 1; group <= 3; group++) {
                if (references.group(group) != null) {
                    used.add(references.group(group));
                }
            }
        }
        assertTrue(used.size() > 50, "the narrative uses the table: " + used);
        for (String code : used) {
            assertTrue(CATALOGUE.find(code).isPresent(), "velocity/bao-cao.vm uses " + code
                    + ", which is not in the catalogue");
        }
    }
}
