package appendixfill.producers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import appendixfill.cli.Main;
import appendixfill.fixtures.TypedWorkbooks;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The consolidated workbook is valid SpreadsheetML: its print set-up, merged titles, defined names
 * and styles in the order and form the ECMA-376 schemas require, fitted (few units) and scaled.
 */
class ConsolidatedWorkbookSchemaTest {

    @TempDir
    Path work;

    @Test
    void theConsolidatedWorkbookIsValidAgainstTheSchemasFittedOrScaled() throws IOException {
        for (int units : List.of(2, 13)) {
            Path in = Files.createDirectories(work.resolve("in" + units));
            for (int i = 1; i <= units; i++) {
                // The second unit's 1.2.2 is over its whole: a rose cell, a yellow total.
                TypedWorkbooks.write(Map.of("unit.level", "t:xã", "unit.name", "t:Xã " + i, "period", "t:năm", "year",
                        "n:2023", "1.2.1", "n:10", "1.2.2", i == 2 ? "n:12" : "n:9"), in.resolve(i + ".xlsx"));
            }
            Files.writeString(work.resolve("units.csv"), "code,name\n99,xã Vắng\n");
            Path out = work.resolve("tong-hop-" + units + ".xlsx");
            Main.run(new String[] {"consolidate", in.toString(), "--out", out.toString(), "--units",
                work.resolve("units.csv").toString()}, new PrintWriter(new StringWriter()),
                    new PrintWriter(new StringWriter()));

            assertEquals(List.of(), List.copyOf(SchemaCheck.errors(PackageView.of(out))), out.toString());
        }
    }
}
