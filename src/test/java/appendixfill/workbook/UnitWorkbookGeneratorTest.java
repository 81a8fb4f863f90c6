package appendixfill.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import appendixfill.indicator.Catalogue;
import appendixfill.input.Typed;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's generated workbooks are genuine forms: POI and the fast reader agree on them. */
class UnitWorkbookGeneratorTest {

    @TempDir
    Path folder;

    @Test
    void generatedWorkbooksReadTheSameWithBothReaders() throws Exception {
        UnitWorkbookGenerator generator = new UnitWorkbookGenerator();
        for (int unit = 1; unit <= 15; unit++) {
            Path file = folder.resolve(UnitWorkbookGenerator.fileName(unit));
            generator.write(generator.cells(unit, new Random(unit)), file);
            Map<String, Typed> streamed = StreamedWorkbook.read(file, Catalogue.standard(), Set.of()).typed();
            try (FormWorkbook form = FormWorkbook.open(file, Catalogue.standard())) {
                assertEquals(form.typed(), streamed, file.toString());
            }
        }
    }

    @Test
    void aTypedNumberIsWrittenAsANumberAndATextAsAnInlineString() throws Exception {
        UnitWorkbookGenerator generator = new UnitWorkbookGenerator();
        Path file = folder.resolve("one.xlsx");
        generator.write(Map.of("1.1", "n:46", "1.4", "t:Có", "1.2", "v:87"), file);
        Map<String, Typed> typed = StreamedWorkbook.read(file, Catalogue.standard(), Set.of()).typed();
        assertEquals(new Typed.Number(new java.math.BigDecimal("46.0"), false), typed.get("1.1"));
        assertEquals(new Typed.Text("Có"), typed.get("1.4"));
        assertEquals(new Typed.Number(new java.math.BigDecimal("87.0"), false), typed.get("1.2"));
    }
}
