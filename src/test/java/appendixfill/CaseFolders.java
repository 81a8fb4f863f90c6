package appendixfill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * Test cases kept as folders, one case each, found by listing their root: the golden cases, the
 * consolidation cases and the bad-input corpus. Expected files are rewritten only on purpose, with
 * {@code -Dregenerate=true}.
 */
public final class CaseFolders {

    private CaseFolders() {
    }

    /** One dynamic test per case folder under root, named by the folder, in name order. */
    public static Stream<DynamicTest> each(Path root, ThrowingConsumer<Path> test) throws IOException {
        List<Path> cases;
        try (Stream<Path> listing = Files.list(root)) {
            cases = listing.filter(Files::isDirectory).sorted().toList();
        }
        return cases.stream().map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(),
                () -> test.accept(folder)));
    }

    /** The case's case.properties. */
    public static Properties properties(Path folder) throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(folder.resolve("case.properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    /** Compares with an expected file; with -Dregenerate=true, rewrites it first. */
    public static void check(Path expected, String actual) throws IOException {
        if (Boolean.getBoolean("regenerate")) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual, expected.toString());
    }
}
