package appendixfill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each package is a room with its own doors: what it may use of the others. Dependencies point one
 * way, from the command line down to the zip, so a change has one place to go.
 */
class PackageRoomsTest {

    /** The packages each package may use; a package not listed here may not exist. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("ooxml", Set.of()),
            Map.entry("input", Set.of()),
            Map.entry("indicator", Set.of()),
            Map.entry("spreadsheet", Set.of("ooxml", "input")),
            Map.entry("rule", Set.of("indicator", "input")),
            Map.entry("revision", Set.of("indicator")),
            Map.entry("form", Set.of("ooxml", "spreadsheet", "indicator", "input", "rule", "revision")),
            Map.entry("template", Set.of("form", "indicator")),
            Map.entry("consolidate", Set.of("form", "spreadsheet", "indicator", "rule", "revision")),
            Map.entry("report", Set.of("ooxml", "consolidate", "indicator", "rule", "input", "revision")),
            Map.entry("fill", Set.of("form", "consolidate", "report", "indicator", "input", "rule", "revision")),
            Map.entry("cli", Set.of("fill", "template", "consolidate", "indicator", "input", "rule", "revision")));

    private static final Pattern USE = Pattern.compile("\\bappendixfill\\.([a-z]+)\\.[A-Z]");

    @Test
    void everyPackageUsesOnlyThePackagesBelowIt() throws IOException {
        Map<String, Set<String>> used = new TreeMap<>();
        Path root = Path.of("src/main/java/appendixfill");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String room = root.relativize(file).getName(0).toString();
                Set<String> uses = used.computeIfAbsent(room, r -> new TreeSet<>());
                Matcher use = USE.matcher(Files.readString(file));
                while (use.find()) {
                    if (!use.group(1).equals(room)) {
                        uses.add(use.group(1));
                    }
                }
            }
        }
        Map<String, Set<String>> beyond = new TreeMap<>();
        used.forEach((room, uses) -> {
            Set<String> extra = new TreeSet<>(uses);
            extra.removeAll(ALLOWED.getOrDefault(room, Set.of("(no such room)")));
            if (!extra.isEmpty() || !ALLOWED.containsKey(room)) {
                beyond.put(room, extra);
            }
        });
        assertEquals(Map.of(), beyond, "packages using what their room does not allow (or rooms not listed)");
    }
}
