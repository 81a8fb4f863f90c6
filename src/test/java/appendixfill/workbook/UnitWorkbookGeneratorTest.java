package appendixfill.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import appendixfill.form.FormFile;
import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Kind;
import appendixfill.input.Typed;
import appendixfill.rule.Assessment;
import appendixfill.rule.RuleBook;
import appendixfill.rule.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's generated workbooks are genuine forms: POI and the tool's reader agree on them. */
class UnitWorkbookGeneratorTest {

    @TempDir
    Path folder;

    @Test
    void generatedWorkbooksReadAsPoiReadsThem() throws Exception {
        UnitWorkbookGenerator generator = new UnitWorkbookGenerator();
        Catalogue catalogue = Catalogue.standard();
        for (int unit = 1; unit <= 15; unit++) {
            Path file = folder.resolve(UnitWorkbookGenerator.fileName(unit));
            generator.write(generator.cells(unit, new Random(unit)), file);
            Map<String, Typed> read = typed(file);
            try (XSSFWorkbook poi = new XSSFWorkbook(file.toFile())) {
                for (Indicator indicator : catalogue.indicators()) {
                    if (indicator.kind() != Kind.HEADING) {
                        Cell cell = PoiCells.cell(poi, new CellReference(poi.getName(indicator.name()).getRefersToFormula()));
                        assertEquals(PoiCells.read(cell), read.get(indicator.code()), file + " " + indicator.code());
                    }
                }
            }
        }
    }

    /** The cells as a consolidation reads them. */
    private static Map<String, Typed> typed(Path file) throws Exception {
        return FormFile.open(file, Catalogue.standard(), FormFile.Purpose.CONSOLIDATE).typed();
    }

    /** The findings of a generated unit's workbook, as a consolidation assesses it. */
    private Assessment assess(UnitWorkbookGenerator generator, Map<String, String> cells, String name) throws Exception {
        Path file = folder.resolve(name);
        generator.write(cells, file);
        return Assessment.of(Catalogue.standard(), RuleBook.standard(), typed(file));
    }

    @Test
    void eachProfileGivesTheFindingsItPromises() throws Exception {
        UnitWorkbookGenerator generator = new UnitWorkbookGenerator();
        for (UnitWorkbookGenerator.Profile profile : UnitWorkbookGenerator.Profile.values()) {
            for (int unit = 1; unit <= 40; unit++) {
                Assessment assessment = assess(generator, generator.cells(unit, new Random(unit), profile),
                        profile + "-" + unit + ".xlsx");
                long errors = assessment.count(Severity.ERROR);
                long warnings = assessment.count(Severity.WARNING);
                String said = profile + " " + unit + ": " + assessment.findings();
                switch (profile) {
                    case CLEAN -> assertEquals(0, errors + warnings, said);
                    case WARNINGS -> assertTrue(errors == 0 && warnings > 0, said);
                    case ERRORS -> assertTrue(errors > 0, said);
                }
            }
        }
    }

    @Test
    void mostUnitsAreCleanSomeHaveWarningsOnlyAFewHaveErrors() {
        Map<UnitWorkbookGenerator.Profile, Long> profiles = IntStream.rangeClosed(1, 3321)
                .mapToObj(unit -> UnitWorkbookGenerator.profile(new Random(2025L * 100_003 + unit)))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        long clean = profiles.get(UnitWorkbookGenerator.Profile.CLEAN);
        long warnings = profiles.get(UnitWorkbookGenerator.Profile.WARNINGS);
        long errors = profiles.get(UnitWorkbookGenerator.Profile.ERRORS);
        assertTrue(clean >= 0.80 * 3321 && clean <= 0.90 * 3321, profiles.toString());
        assertTrue(warnings > errors && errors > 0, profiles.toString());
    }

    @Test
    void cleanUnitsStillHaveBlanksAndRatesOfZeroOverZero() throws Exception {
        UnitWorkbookGenerator generator = new UnitWorkbookGenerator();
        List<Map<String, String>> units = IntStream.rangeClosed(1, 100).mapToObj(unit -> generator.cells(unit,
                new Random(unit), UnitWorkbookGenerator.Profile.CLEAN)).toList();
        assertTrue(units.stream().anyMatch(cells -> cells.containsValue("")), "a blank cell");
        assertTrue(units.stream().anyMatch(cells -> "n:0".equals(cells.get("3.4.1")) && "n:0".equals(cells.get("3.4.2"))),
                "a 0 ÷ 0 rate");
    }

    @Test
    void theSameUnitAndSeedGiveTheSameCells() throws Exception {
        UnitWorkbookGenerator generator = new UnitWorkbookGenerator();
        assertEquals(generator.cells(7, new Random(42)), generator.cells(7, new Random(42)));
    }

    @Test
    void aTypedNumberIsWrittenAsANumberAndATextAsAnInlineString() throws Exception {
        UnitWorkbookGenerator generator = new UnitWorkbookGenerator();
        Path file = folder.resolve("one.xlsx");
        generator.write(Map.of("1.1", "n:46", "1.4", "t:Có", "1.2", "v:87"), file);
        Map<String, Typed> typed = typed(file);
        assertEquals(new Typed.Number(new java.math.BigDecimal("46.0"), false), typed.get("1.1"));
        assertEquals(new Typed.Text("Có"), typed.get("1.4"));
        assertEquals(new Typed.Number(new java.math.BigDecimal("87.0"), false), typed.get("1.2"));
    }
}
