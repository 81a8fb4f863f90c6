package appendixfill.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;

/**
 * Not a command for people: the launcher's training run for the class-data archive (JDK 17–24) or
 * the ahead-of-time cache (JDK 25+). One fill of the bundled example in each format it comes in
 * (.xlsx, and as LibreOffice saves it, .xls and .ods) and one consolidation of its folder, in one
 * process, so that the archive holds the classes of every reader and both commands.
 *
 * <p>{@code java -cp appendix-fill.jar appendixfill.cli.Training EXAMPLE.xlsx WORK_FOLDER}
 */
public final class Training {

    private Training() {
    }

    public static void main(String[] args) {
        PrintWriter quiet = new PrintWriter(Writer.nullWriter());
        Path example = Path.of(args[0]);
        Path work = Path.of(args[1]);
        Main.run(new String[] {example.toString(), "--out", work.toString()}, quiet, quiet);
        String base = example.getFileName().toString().replaceFirst("\\.xlsx$", "");
        for (String other : new String[] {".xls", ".ods"}) {
            Path copy = example.resolveSibling(base + other);
            if (java.nio.file.Files.isRegularFile(copy)) {
                Main.run(new String[] {copy.toString(), "--out", work.resolve(other.substring(1)).toString()}, quiet,
                        quiet);
            }
        }
        Main.run(new String[] {"consolidate", example.toAbsolutePath().getParent().toString(), "--out",
            work.resolve("tong-hop.xlsx").toString()}, quiet, quiet);
        System.exit(0);
    }
}
