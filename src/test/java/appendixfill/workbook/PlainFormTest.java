package appendixfill.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import appendixfill.fill.FillJob;
import appendixfill.indicator.Catalogue;
import appendixfill.rule.RuleBook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plain Phụ lucc I, read as the named template with the same data. */
class PlainFormTest {

    static final Path SEED = Path.of("workbook-templates/example/vu-muon-nam-2023.typed.tsv");

    @TempDir
    Path folder;

    /** The seed's appendix rows only: a plain table has no sheet Thông tin báo cáo. */
    static Map<String, String> seedAppendix(boolean numbersAsText) throws IOException {
        Catalogue catalogue = Catalogue.standard();
        Map<String, String> typed = new LinkedHashMap<>();
        TypedWorkbooks.readTyped(SEED).forEach((code, content) -> {
            String plain = code.startsWith("note:") ? code.substring(5) : code;
            if (catalogue.require(plain).sheet() == appendixfill.indicator.Sheet.APPENDIX) {
                typed.put(code, numbersAsText && content.startsWith("n:")
                        ? "t:" + content.substring(2).replaceFirst("\\.0$", "") : content);
            }
        });
        return typed;
    }

    @Test
    void aShiftedPlainCopyOnSheet1WithNumbersAsTextGivesTheNamedTemplatesValuesAndFindings() throws Exception {
        Path named = TypedWorkbooks.write(seedAppendix(true), folder.resolve("named.xlsx"));
        Path plain = PlainTables.write(seedAppendix(false), new PlainTables.Shape("Sheet1", 2, true, Map.of()),
                folder.resolve("plain.xlsx"));
        FillJob job = new FillJob(Catalogue.standard(), RuleBook.standard());

        job.run(named, folder);
        job.run(plain, folder);

        if (Boolean.getBoolean("show")) { System.out.println(Files.readString(folder.resolve("plain.findings.csv"))); }
        assertEquals(Files.readString(folder.resolve("named.values.csv")), Files.readString(folder.resolve("plain.values.csv")));
        assertEquals(Files.readString(folder.resolve("named.findings.csv")),
                withoutReadingFindings(Files.readString(folder.resolve("plain.findings.csv"))));
        assertEquals(Files.readString(folder.resolve("named.report.txt")), Files.readString(folder.resolve("plain.report.txt")));
    }

    private static String withoutReadingFindings(String csv) {
        return csv.lines().filter(line -> !line.matches("^[a-z]+,form\\..*")).collect(Collectors.joining("\r\n", "", "\r\n"));
    }
}
