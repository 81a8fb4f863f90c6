package appendixfill.fill;

import appendixfill.CaseFolders;
import static org.junit.jupiter.api.Assertions.assertEquals;

import appendixfill.cli.Main;
import appendixfill.report.WordPackage;
import appendixfill.workbook.PlainTables;
import appendixfill.workbook.TypedWorkbooks;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden end-to-end cases: one folder each under src/test/resources/golden (its README says
 * the format). Expected files change only on purpose: {@code mvn test -Dtest=GoldenCasesTest -Dregenerate=true}.
 */
class GoldenCasesTest {

    static final Path CASES = Path.of("src/test/resources/golden");
    static final List<String> OUTPUTS = List.of("values.csv", "findings.csv", "report.txt");

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> everyCaseGivesItsExpectedOutputs() throws IOException {
        return CaseFolders.each(CASES, this::runCase);
    }

    private void runCase(Path folder) throws IOException {
        Properties properties = CaseFolders.properties(folder);
        Path out = Files.createDirectories(work.resolve(folder.getFileName()));
        Path input = input(folder, properties, out);

        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int exit = Main.run(new String[] {input.toString(), "--out", out.toString()}, new PrintWriter(stdout),
                new PrintWriter(stderr));

        String base = input.getFileName().toString().replaceFirst("\\.[a-z]+$", "");
        CaseFolders.check(folder.resolve("expected.exit"), exit + "\n");
        for (String output : OUTPUTS) {
            CaseFolders.check(folder.resolve("expected." + output), Files.readString(out.resolve(base + "." + output)));
        }
        assertEquals("", stderr.toString());
        assertEquals(WordPackage.paragraphs(Files.readString(out.resolve(base + ".report.txt"))),
                WordPackage.paragraphs(Files.readAllBytes(out.resolve(base + ".report.docx"))),
                "the Word report says what the text report says, paragraph for paragraph");
        String sameValuesAs = properties.getProperty("same-values-as");
        if (sameValuesAs != null) {
            assertEquals(Files.readString(CASES.resolve(sameValuesAs).resolve("expected.values.csv")),
                    Files.readString(folder.resolve("expected.values.csv")),
                    "a plain form gives the same values.csv as the named template with the same data");
        }
    }

    private static Path input(Path folder, Properties properties, Path out) throws IOException {
        String workbook = properties.getProperty("input");
        if (workbook != null) {
            return Path.of(workbook);
        }
        Path typed = folder.resolve(properties.getProperty("typed", "typed.tsv"));
        String plain = properties.getProperty("plain");
        if (plain != null) {
            PlainTables.Shape shape = PlainTables.Shape.parse(plain).with(properties);
            return PlainTables.write(TypedWorkbooks.readTyped(typed), shape,
                    out.resolve("input." + properties.getProperty("format", "xlsx")));
        }
        return TypedWorkbooks.write(TypedWorkbooks.readTyped(typed), out.resolve("input.xlsx"));
    }

}
