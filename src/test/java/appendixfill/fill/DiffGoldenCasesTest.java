package appendixfill.fill;

import appendixfill.CaseFolders;
import appendixfill.cli.Main;
import appendixfill.fixtures.TypedWorkbooks;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden diff cases: one folder each under src/test/resources/golden-diff (its README says the
 * format). Expected files change only on purpose: {@code mvn test -Dtest=DiffGoldenCasesTest -Dregenerate=true}.
 */
class DiffGoldenCasesTest {

    static final Path CASES = Path.of("src/test/resources/golden-diff");

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> everyCaseListsExactlyTheChangedCells() throws IOException {
        return CaseFolders.each(CASES, this::runCase);
    }

    private void runCase(Path folder) throws Exception {
        Path out = Files.createDirectories(work.resolve(folder.getFileName()));
        Path older = TypedWorkbooks.write(TypedWorkbooks.readTyped(folder.resolve("old.typed.tsv")), out.resolve("cu.xlsx"));
        Path newer = TypedWorkbooks.write(TypedWorkbooks.readTyped(folder.resolve("new.typed.tsv")),
                out.resolve("gui-lai.xlsx"));
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int exit = Main.run(new String[] {"diff", older.toString(), newer.toString(), "--out",
            out.resolve("diff.csv").toString()}, new PrintWriter(stdout), new PrintWriter(stderr));
        String said = "exit " + exit + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr + "--- diff.csv\n"
                + Files.readString(out.resolve("diff.csv")).replace("\r\n", "\n");
        CaseFolders.check(folder.resolve("expected.txt"), said.replace(out.toString(), "<DIR>"));
    }
}
