package appendixfill.consolidate;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period (kỳ báo cáo): one of the form's periods and a year.
 *
 * @param name the period as the form lists it: quý I…IV, 6 tháng, 9 tháng, năm
 * @param year the year
 */
public record Period(String name, int year) {

    /** The periods of the form, as the catalogue's choices for {@code period} list them. */
    public static final List<String> NAMES = List.of("quý I", "quý II", "quý III", "quý IV", "6 tháng", "9 tháng", "năm");

    private static final Pattern TEXT = Pattern.compile("(.*?)\\s*(?:năm\\s*)?[/ ]?\\s*(\\d{4})");

    public Period {
        Objects.requireNonNull(name);
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown period '" + name + "'; valid: " + NAMES);
        }
    }

    /** Reads "năm 2023", "quý III 2024", "quý III năm 2024", "6 tháng/2025" (any case). */
    public static Optional<Period> parse(String text) {
        String clean = Normalizer.normalize(text, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ")
                .toLowerCase(Locale.forLanguageTag("vi"));
        Matcher m = TEXT.matcher(clean);
        if (!m.matches()) {
            return Optional.empty();
        }
        String name = m.group(1).strip();
        if (name.isEmpty()) {
            name = "năm";
        }
        for (String candidate : NAMES) {
            if (candidate.toLowerCase(Locale.ROOT).equals(name.replace("quí", "quý"))) {
                return Optional.of(new Period(candidate, Integer.parseInt(m.group(2))));
            }
        }
        return Optional.empty();
    }

    /** Where no workbook read names the period: "(chưa rõ kỳ báo cáo)", never an empty space. */
    public static final String UNKNOWN = "(chưa rõ kỳ báo cáo)";

    /** The period of a consolidation as its outputs name it: "năm 2023", or {@link #UNKNOWN}. */
    public static String shown(Optional<Period> period) {
        return period.map(Period::toString).orElse(UNKNOWN);
    }

    /** "năm 2023", "quý III năm 2024", "6 tháng đầu năm 2025", as the report prints it. */
    @Override
    public String toString() {
        return switch (name) {
            case "năm" -> "năm " + year;
            case "6 tháng" -> "6 tháng đầu năm " + year;
            default -> name + " năm " + year;
        };
    }
}
