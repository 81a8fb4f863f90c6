package appendixfill.fill;

import appendixfill.CaseFolders;
import static org.junit.jupiter.api.Assertions.assertEquals;

import appendixfill.cli.Main;
import appendixfill.fixtures.TypedWorkbooks;
import appendixfill.report.WordPackage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden consolidation cases: one folder each under src/test/resources/golden-consolidate (its
 * README says the format). Expected files change only on purpose:
 * {@code mvn test -Dtest=ConsolidationGoldenCasesTest -Dregenerate=true}.
 */
class ConsolidationGoldenCasesTest {

    static final Path CASES = Path.of("src/test/resources/golden-consolidate");
    static final List<String> OUTPUTS = List.of("values.csv", "units.csv", "report.txt");

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> everyCaseGivesItsExpectedOutputs() throws IOException {
        return CaseFolders.each(CASES, this::runCase);
    }

    private void runCase(Path folder) throws IOException {
        Properties properties = CaseFolders.properties(folder);
        Path received = Files.createDirectories(work.resolve(folder.getFileName()).resolve("in"));
        Path inputs = folder.resolve(properties.getProperty("inputs-of", ".")).resolve("in");
        try (Stream<Path> listing = Files.list(inputs)) {
            for (Path file : listing.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".typed.tsv")) {
                    TypedWorkbooks.write(TypedWorkbooks.readTyped(file),
                            received.resolve(name.replace(".typed.tsv", ".xlsx")));
                } else if (name.endsWith(".bytes")) {
                    Files.copy(file, received.resolve(name.substring(0, name.length() - ".bytes".length())));
                }
            }
        }
        Path out = received.resolveSibling("tong-hop.xlsx");
        List<String> args = new ArrayList<>(List.of("consolidate", received.toString(), "--out", out.toString(),
                "--name", properties.getProperty("name")));
        if (properties.getProperty("period") != null) {
            args.addAll(List.of("--period", properties.getProperty("period")));
        }
        Path units = inputs.resolveSibling("units.csv");
        if (Files.exists(units)) {
            args.addAll(List.of("--units", units.toString()));
        }
        if (Boolean.parseBoolean(properties.getProperty("without-errors"))) {
            args.add("--without-errors");
        }
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int exit = Main.run(args.toArray(String[]::new), new PrintWriter(stdout), new PrintWriter(stderr));

        assertEquals("", stderr.toString());
        CaseFolders.check(folder.resolve("expected.exit"), exit + "\n");
        for (String output : OUTPUTS) {
            String text = Files.readString(out.resolveSibling("tong-hop." + output), StandardCharsets.UTF_8)
                    .replace(received.toString(), "<DIR>");
            CaseFolders.check(folder.resolve("expected." + output), text);
        }
        assertEquals(WordPackage.paragraphs(Files.readString(out.resolveSibling("tong-hop.report.txt"))),
                WordPackage.paragraphs(Files.readAllBytes(out.resolveSibling("tong-hop.report.docx"))),
                "the Word report says what the text report says, paragraph for paragraph");
    }

}
