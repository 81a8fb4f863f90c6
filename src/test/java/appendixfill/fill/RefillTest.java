package appendixfill.fill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import appendixfill.indicator.Catalogue;
import appendixfill.rule.RuleBook;
import appendixfill.fixtures.TypedWorkbooks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Filling a completed workbook again says what the first fill said: the ledger keeps what was typed. */
class RefillTest {

    @TempDir
    Path temp;

    private final FillJob job = new FillJob(Catalogue.standard(), RuleBook.standard());

    private String findingsOfTwoFills(Path input) throws Exception {
        Path once = Files.createDirectories(temp.resolve("once"));
        job.run(input, once);
        String first = Files.readString(once.resolve(FillJob.baseName(input) + ".findings.csv"), StandardCharsets.UTF_8);
        Path filled = once.resolve(FillJob.baseName(input) + ".filled.xlsx");
        Path twice = Files.createDirectories(temp.resolve("twice"));
        job.run(filled, twice);
        String second = Files.readString(twice.resolve(FillJob.baseName(filled) + ".findings.csv"), StandardCharsets.UTF_8);
        assertEquals(first, second, "the second fill's findings");
        return first;
    }

    @Test
    void numbersTypedAsTextAreReportedAgainAfterTheToolWroteThemAsNumbers() throws Exception {
        Path input = TypedWorkbooks.write(Map.of("1.2.1", "t:46 nhiệm vụ", "1.2.2", "n:46", "2.1", "t:1.234"),
                temp.resolve("so-go-chu.xlsx"));

        String findings = findingsOfTwoFills(input);

        assertEquals(1, findings.lines().filter(line -> line.contains(",input.number-with-text,1.2.1,")).count(), findings);
        assertEquals(1, findings.lines().filter(line -> line.contains(",input.text-to-number,2.1,")).count(), findings);
    }

    @Test
    void theExampleIsReportedAgainAsTheFirstFillReportedIt() throws Exception {
        findingsOfTwoFills(Path.of("workbook-templates/example/vu-muon-nam-2023.xlsx"));
    }
}
