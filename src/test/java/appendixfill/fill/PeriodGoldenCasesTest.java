package appendixfill.fill;

import appendixfill.CaseFolders;

import appendixfill.cli.Main;
import appendixfill.fixtures.TypedWorkbooks;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden cases across periods: one folder each under src/test/resources/golden-periods (its
 * README says the format): a unit's workbooks of successive periods, each filled with the completed
 * workbook of the one before as {@code --previous}. Expected files change only on purpose:
 * {@code mvn test -Dtest=PeriodGoldenCasesTest -Dregenerate=true}.
 */
class PeriodGoldenCasesTest {

    static final Path CASES = Path.of("src/test/resources/golden-periods");

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> everySeriesGivesItsExpectedFindings() throws IOException {
        return CaseFolders.each(CASES, this::runCase);
    }

    private void runCase(Path folder) throws Exception {
        List<String> steps = List.of(CaseFolders.properties(folder).getProperty("steps").split(","));
        Path out = Files.createDirectories(work.resolve(folder.getFileName()));
        Path previous = null;
        for (String step : steps) {
            Path input = TypedWorkbooks.write(TypedWorkbooks.readTyped(folder.resolve(step + ".typed.tsv")),
                    out.resolve(step + ".xlsx"));
            List<String> args = new ArrayList<>(List.of(input.toString(), "--out", out.toString()));
            if (previous != null) {
                args.addAll(List.of("--previous", previous.toString()));
            }
            StringWriter stdout = new StringWriter();
            StringWriter stderr = new StringWriter();
            int exit = Main.run(args.toArray(String[]::new), new PrintWriter(stdout), new PrintWriter(stderr));
            String compared = String.join("\n", Files.readAllLines(out.resolve(step + ".report.txt")).stream()
                    .filter(line -> line.contains("kỳ trước")).toList());
            String said = "exit " + exit + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr + "--- findings.csv\n"
                    + Files.readString(out.resolve(step + ".findings.csv")).replace("\r\n", "\n")
                    + "--- report.txt, the lines comparing with the earlier period\n" + compared + "\n";
            CaseFolders.check(folder.resolve("expected." + step + ".txt"), said.replace(out.toString(), "<DIR>"));
            previous = out.resolve(step + ".filled.xlsx");
        }
    }
}
