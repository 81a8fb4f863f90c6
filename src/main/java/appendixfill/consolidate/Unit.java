package appendixfill.consolidate;

import appendixfill.indicator.UnitName;
import java.util.Objects;

/**
 * A unit expected to report (đơn vị), one line of units.csv.
 *
 * @param code the unit's code (e.g. the commune's code in the national list)
 * @param name its name as the list writes it, with or without its level ("xã Vũ Muộn", "Vũ Muộn")
 * @param parent the unit it reports through, if any (a group, a cluster), else empty
 */
public record Unit(String code, String name, String parent) {

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

    /** "Xã  Vũ Muộn", "xã xã Vũ Muộn" and "vũ muộn" give the same key; so does decomposed Vietnamese. */
    public static String key(String name) {
        return UnitName.key(name);
    }
}
