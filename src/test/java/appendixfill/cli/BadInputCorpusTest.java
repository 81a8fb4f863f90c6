package appendixfill.cli;

import appendixfill.CaseFolders;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus: one folder per case under src/test/resources/bad-input (its README says
 * the format). Every case must exit with its code and its exact message, leave every file it was
 * given byte-identical, and write nothing: no output, no temporary file.
 */
class BadInputCorpusTest {

    static final Path CASES = Path.of("src/test/resources/bad-input");

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> everyCaseIsRefusedWithItsMessageAndLosesNothing() throws IOException {
        return CaseFolders.each(CASES, this::runCase);
    }

    private void runCase(Path caseFolder) throws Exception {
        Properties properties = CaseFolders.properties(caseFolder);
        String requires = properties.getProperty("requires", "");
        Path folder = Files.createDirectories(work.resolve(caseFolder.getFileName().toString()).resolve("thư mục"));
        Path input = folder.resolve(properties.getProperty("input"));
        String source = properties.getProperty("source");
        String build = properties.getProperty("build");
        try {
            if (source != null) {
                Files.copy(caseFolder.resolve(source), input);
            } else if (build != null) {
                BadInputs.build(build, input);
            }
            run(caseFolder, properties, folder, input);
        } finally {
            BadInputs.cleanUp(build, input);
        }
    }

    private void run(Path caseFolder, Properties properties, Path folder, Path input) throws IOException {
        Map<String, String> placeholders = new LinkedHashMap<>();
        placeholders.put("{input}", input.toString());
        placeholders.put("{folder}", folder.toString());
        String[] args = Arrays.stream(properties.getProperty("args", "{input}").split("\\|"))
                .map(arg -> substitute(arg, placeholders)).toArray(String[]::new);
        Map<Path, byte[]> before = snapshot(folder);
        if (properties.getProperty("requires", "").equals("unwritable-folder")) {
            Assumptions.assumeTrue(BadInputs.unwritable(folder.resolve("kết quả")),
                    "neither permissions nor chattr +i make a folder unwritable here");
        }
        for (String language : List.of("vi", "en")) {
            String[] withLanguage = Stream.concat(Arrays.stream(args), Stream.of("--lang", language)).toArray(String[]::new);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Main.run(withLanguage, new PrintWriter(out), new PrintWriter(err));

            Path expectedFile = caseFolder.resolve(language.equals("vi") ? "expected.txt" : "expected.en.txt");
            if (Boolean.getBoolean("regenerate")) {
                // Only on purpose, after reading the difference: paths go back to their placeholders.
                Files.writeString(expectedFile, err.toString().replace(input.toString(), "{input}")
                        .replace(folder.toString(), "{folder}"), StandardCharsets.UTF_8);
            }
            String expected = substitute(Files.readString(expectedFile, StandardCharsets.UTF_8), placeholders);
            assertEquals(Integer.parseInt(Files.readString(caseFolder.resolve("expected.exit")).strip()), exit);
            assertEquals(expected, err.toString());
            assertEquals("", out.toString());
            Map<Path, byte[]> after = snapshot(folder);
            assertEquals(before.keySet(), after.keySet(), "no output and no temporary file appeared");
            for (Map.Entry<Path, byte[]> file : before.entrySet()) {
                assertArrayEquals(file.getValue(), after.get(file.getKey()), file.getKey() + " is byte-identical");
            }
        }
    }

    private static String substitute(String text, Map<String, String> placeholders) {
        String result = text;
        for (Map.Entry<String, String> entry : placeholders.entrySet()) {
            result = result.replace(entry.getKey(), entry.getValue());
        }
        return result;
    }

    /** Every file under the folder with its bytes (folders listed with no bytes). */
    private static Map<Path, byte[]> snapshot(Path folder) throws IOException {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted().forEach(paths::add);
        }
        for (Path path : paths) {
            files.put(path, Files.isRegularFile(path) && Files.isReadable(path) ? Files.readAllBytes(path) : new byte[0]);
        }
        return files;
    }
}
