package appendixfill.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import appendixfill.indicator.Catalogue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The catalogue codes a Velocity template names: $v["CODE"], $v.difference("A", "B"), $c.note("CODE"). */
public final class TemplateCodes {

    private static final Pattern REFERENCE = Pattern.compile(
            "\\$v\\[[\"']([^\"']+)[\"']\\]|(?:difference|note)\\(\"([^\"]+)\"(?:,\\s*\"([^\"]+)\")?\\)");

    private TemplateCodes() {
    }

    /** Every code the template names, comments (##) left out. */
    public static Set<String> usedIn(Path template) throws IOException {
        String text = Files.readString(template, StandardCharsets.UTF_8).replaceAll("(?m)##.*$", "");
        Matcher references = REFERENCE.matcher(text);
        Set<String> used = new TreeSet<>();
        while (references.find()) {
            for (int group = 1; group <= references.groupCount(); group++) {
                if (references.group(group) != null) {
                    used.add(references.group(group));
                }
            }
        }
        return used;
    }

    /** Asserts the template names at least {@code minimum} codes, every one of them in the catalogue. */
    public static void assertAllInCatalogue(Path template, int minimum) throws IOException {
        Set<String> used = usedIn(template);
        assertTrue(used.size() >= minimum, template + " uses the table: " + used);
        for (String code : used) {
            assertTrue(Catalogue.standard().find(code).isPresent(), template + " uses " + code
                    + ", which is not in the catalogue");
        }
    }
}
