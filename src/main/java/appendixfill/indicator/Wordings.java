package appendixfill.indicator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The wordings by which a row of Phụ lục I is recognised in an officer's own table: the
 * catalogue's, and the known variants of other versions of the form (the alias table).
 */
public final class Wordings {

    /** The classpath resource the build copies from {@code workbook-templates/}. */
    public static final String RESOURCE = "/workbook-templates/phu-luc-i.aliases.tsv";

    private static final Pattern PARENTHESES = Pattern.compile("\\([^()]*\\)");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** A wording that stands for an indicator; {@code source} is empty for the catalogue's own. */
    public record Variant(String code, String wording, String source) {
    }

    private static Wordings standard;

    private final Catalogue catalogue;
    private final Map<String, List<Variant>> byKey;

    public Wordings(Catalogue catalogue, List<Variant> aliases) {
        this.catalogue = catalogue;
        Map<String, List<Variant>> map = new LinkedHashMap<>();
        List<Variant> all = new ArrayList<>();
        for (Indicator indicator : catalogue.indicators()) {
            all.add(new Variant(indicator.code(), indicator.wording(), ""));
        }
        for (Variant alias : aliases) {
            catalogue.require(alias.code());
            all.add(alias);
        }
        for (Variant variant : all) {
            for (String key : List.of(key(variant.wording()), key(withoutParentheses(variant.wording())))) {
                if (!key.isEmpty()) {
                    List<Variant> list = map.computeIfAbsent(key, k -> new ArrayList<>());
                    if (list.stream().noneMatch(v -> v.code().equals(variant.code()))) {
                        list.add(variant);
                    }
                }
            }
        }
        this.byKey = map;
    }

    /** The catalogue's wordings and the alias table shipped with the tool, read once. */
    public static synchronized Wordings standard() {
        if (standard == null) {
            try (InputStream in = Wordings.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
                }
                standard = new Wordings(Catalogue.standard(), parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return standard;
    }

    /** Reads an alias table: tab-separated code, wording, source; one header line; # comments. */
    public static List<Variant> parse(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<Variant> variants = new ArrayList<>();
        boolean header = true;
        for (String line; (line = reader.readLine()) != null; ) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (header) {
                if (!List.of(cells).equals(List.of("code", "wording", "source"))) {
                    throw new IllegalArgumentException("alias table header must be code, wording, source");
                }
                header = false;
                continue;
            }
            if (cells.length != 3) {
                throw new IllegalArgumentException("alias line has " + cells.length + " columns, expected 3: " + line);
            }
            variants.add(new Variant(cells[0], cells[1], cells[2]));
        }
        return variants;
    }

    /**
     * The variants a typed wording stands for, among the indicators {@code allowed} accepts: first
     * by the whole wording, then with the parenthesised explanations left out of both.
     */
    public List<Variant> find(String typed, java.util.function.Predicate<Indicator> allowed) {
        for (String key : List.of(key(typed), key(withoutParentheses(typed)))) {
            List<Variant> found = byKey.getOrDefault(key, List.of()).stream()
                    .filter(v -> allowed.test(catalogue.require(v.code()))).toList();
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    /** The one variant of a given indicator the typed wording matches, if it does. */
    public Optional<Variant> match(String typed, Indicator indicator) {
        return find(typed, i -> i.code().equals(indicator.code())).stream().findFirst();
    }

    /**
     * The wording as matching sees it: NFC, lower case, punctuation and runs of spaces as one
     * space, so that "Số cán bộ bị kỷ luật." and "số cán bộ bị kỷ luật" are the same row.
     */
    public static String key(String text) {
        String nfc = Unicode.nfc(text).toLowerCase(Locale.ROOT);
        return NOT_A_WORD.matcher(nfc).replaceAll(" ").strip();
    }

    private static String withoutParentheses(String text) {
        return PARENTHESES.matcher(text).replaceAll(" ");
    }
}
