package appendixfill.fill;

import appendixfill.CaseFolders;
import static org.junit.jupiter.api.Assertions.assertEquals;

import appendixfill.cli.Main;
import appendixfill.fixtures.PlainTables;
import appendixfill.fixtures.TypedWorkbooks;
import appendixfill.report.WordPackage;
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

    private void runCase(Path folder) throws Exception {
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
        // Which reader read it and which base the one writer completed: there is one of each, and
        // the completed workbook says which way it went (its own document property, read here by a
        // plain XML parser, not by the tool).
        CaseFolders.check(folder.resolve("expected.completed-from"),
                completedFrom(out.resolve(base + ".filled.xlsx")) + "\n");
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

    /** The completed workbook's appendix-fill.completed-from property. */
    static String completedFrom(Path workbook) throws Exception {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(workbook.toFile())) {
            javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            org.w3c.dom.NodeList properties = factory.newDocumentBuilder()
                    .parse(zip.getInputStream(zip.getEntry("docProps/custom.xml")))
                    .getElementsByTagNameNS("http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
                            "property");
            for (int i = 0; i < properties.getLength(); i++) {
                org.w3c.dom.Element property = (org.w3c.dom.Element) properties.item(i);
                if (property.getAttribute("name").equals("appendix-fill.completed-from")) {
                    return property.getTextContent().strip();
                }
            }
            return "(none)";
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
