package appendixfill.indicator;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A unit's name (tên đơn vị) as officers and lists write it: often with its level in front
 * («xã Yên Thượng», «Xã  xã Yên Thượng»), which the form asks for in a cell of its own.
 */
public final class UnitName {

    /** The levels of a commune-level unit, as a name may begin with them. */
    public static final List<String> LEVELS = List.of("xã", "phường", "thị trấn", "đặc khu");

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0]+");
    private static final Pattern MARK = Pattern.compile("\\p{M}");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

    private UnitName() {
    }

    /**
     * The name with every level typed in front of it taken off, in any case and spacing
     * («Xã  xã Yên Thượng» → «Yên Thượng»), white space folded; a name that is nothing but a
     * level is left as it is, since then there is nothing else to call the unit.
     */
    public static String withoutLevel(String name) {
        String clean = SPACES.matcher(Unicode.nfc(name)).replaceAll(" ").strip();
        String rest = clean;
        for (boolean found = true; found; ) {
            found = false;
            for (String level : LEVELS) {
                if (rest.length() > level.length() && rest.charAt(level.length()) == ' '
                        && rest.regionMatches(true, 0, level, 0, level.length())) {
                    rest = rest.substring(level.length() + 1);
                    found = true;
                }
            }
        }
        return rest.isEmpty() ? clean : rest;
    }

    /** What {@link #withoutLevel} takes off the front of the name, as typed but for spacing; empty if nothing. */
    public static String level(String name) {
        String clean = SPACES.matcher(Unicode.nfc(name)).replaceAll(" ").strip();
        String rest = withoutLevel(clean);
        return clean.substring(0, clean.length() - rest.length()).strip();
    }

    /** The name matched against another: without its level, case or spacing («Xã  Vũ Muộn» = «vũ muộn»). */
    public static String key(String name) {
        return withoutLevel(name).toLowerCase(VIETNAMESE);
    }

    /**
     * The name as a file name may carry it: lower-case Latin letters and digits, without
     * diacritics or separators («xã Nghĩa Tá» → «nghiata», as nghia-ta.xlsx does).
     */
    public static String folded(String name) {
        String decomposed = Normalizer.normalize(name.toLowerCase(VIETNAMESE), Normalizer.Form.NFD);
        return SEPARATORS.matcher(MARK.matcher(decomposed).replaceAll("").replace('đ', 'd')).replaceAll("");
    }
}
