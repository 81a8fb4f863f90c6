package appendixfill.form;

import appendixfill.fixtures.PlainTables;
import appendixfill.fixtures.TypedWorkbooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import appendixfill.fill.FillJob;
import appendixfill.indicator.Catalogue;
import appendixfill.rule.RuleBook;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every format is told by its content, and each gives the values of the named .xlsx template. */
class FormatsTest {

    static final Path REFERENCE = Path.of("src/test/resources/golden/seed-appendix-named");

    @TempDir
    Path folder;

    private String valuesOf(Path input) throws Exception {
        new FillJob(Catalogue.standard(), RuleBook.standard()).run(input, folder);
        String base = input.getFileName().toString().replaceFirst("\\.[a-z]+$", "");
        return Files.readString(folder.resolve(base + ".values.csv"));
    }

    private static String expected() throws Exception {
        return Files.readString(REFERENCE.resolve("expected.values.csv"));
    }

    @ParameterizedTest(name = "{0} named {1}")
    @CsvSource(textBlock = """
            src/test/resources/golden/plain-ods/input.ods,  bieu-ods.xlsx
            src/test/resources/golden/named-ods/input.ods,  bieu-ods.xls
            src/test/resources/golden/plain-ods/input.ods,  bieu-ods
            """)
    void theFormatIsToldByContentNotByTheFileName(String source, String name) throws Exception {
        Path input = Files.copy(Path.of(source), folder.resolve(name));

        assertEquals(expected(), valuesOf(input));
    }

    @Test
    void anXlsSavedUnderAnXlsxNameIsReadAsXls() throws Exception {
        Path xls = PlainTables.write(TypedWorkbooks.readTyped(REFERENCE.resolve("typed.tsv")),
                new PlainTables.Shape("Sheet1", 0, false, Map.of()), folder.resolve("plain.xls"));
        Path input = Files.move(xls, folder.resolve("plain-as.xlsx"));

        assertEquals(expected(), valuesOf(input));
    }

    @Test
    void aMacroWorkbookOfTheTemplateIsFilledIntoAPlainXlsxTemplate() throws Exception {
        Path input = folder.resolve("bieu.xlsm");
        try (XSSFWorkbook workbook = TypedWorkbooks.build(TypedWorkbooks.readTyped(REFERENCE.resolve("typed.tsv")));
                OutputStream out = Files.newOutputStream(input)) {
            workbook.setWorkbookType(XSSFWorkbookType.XLSM);
            workbook.write(out);
        }

        assertEquals(expected(), valuesOf(input));
        try (XSSFWorkbook filled = new XSSFWorkbook(Files.newInputStream(folder.resolve("bieu.filled.xlsx")))) {
            assertTrue(!filled.isMacroEnabled(), "the completed workbook is a plain .xlsx");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            vu-muon-nam-2023.xls
            vu-muon-nam-2023.ods
            """)
    void theBundledExampleSavedByLibreOfficeInTheOtherFormatsGivesTheSameValuesAndFindings(String name)
            throws Exception {
        Path example = Path.of("workbook-templates/example");
        Path xlsx = Files.createDirectories(folder.resolve("xlsx"));
        Path other = Files.createDirectories(folder.resolve("other"));
        FillJob job = new FillJob(Catalogue.standard(), RuleBook.standard());

        job.run(example.resolve("vu-muon-nam-2023.xlsx"), xlsx);
        job.run(example.resolve(name), other);

        for (String output : new String[] {"values.csv", "findings.csv", "report.txt"}) {
            assertEquals(Files.readString(xlsx.resolve("vu-muon-nam-2023." + output)),
                    Files.readString(other.resolve("vu-muon-nam-2023." + output)), name + " " + output);
        }
    }
}
