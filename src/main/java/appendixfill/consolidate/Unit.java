package appendixfill.consolidate;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * A unit expected to report (đơn vị), one line of units.csv.
 *
 * @param code the unit's code (e.g. the commune's code in the national list)
 * @param name its name as the list writes it, with or without its level ("xã Vũ Muộn", "Vũ Muộn")
 * @param parent the unit it reports through, if any (a group, a cluster), else empty
 */
public record Unit(String code, String name, String parent) {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    public Unit {
        Objects.requireNonNull(code);
        Objects.requireNonNull(parent);
        if (name.isBlank()) {
            throw new IllegalArgumentException("unit " + code + " has no name");
        }
    }

    /** The name matched against a workbook's, without its level, case or spacing. */
    public String key() {
        return key(name);
    }

    /** "Xã  Vũ Muộn" and "vũ muộn" give the same key; so does decomposed Vietnamese. */
    public static String key(String name) {
        String clean = Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ")
                .toLowerCase(VIETNAMESE);
        for (String level : new String[] {"xã ", "phường ", "đặc khu ", "thị trấn "}) {
            if (clean.startsWith(level)) {
                return clean.substring(level.length());
            }
        }
        return clean;
    }
}
