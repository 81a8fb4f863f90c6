package appendixfill.report;

import java.util.regex.Pattern;

/**
 * How the narrative template tells the Word layout what it cannot say in plain text: where each part
 * of the report goes (the heading's cells, the body, the signature block, the appendix's table), how
 * a paragraph looks (a section heading), and which figures stand under an error finding. The marks
 * are characters of Unicode's private use area: the text report drops them, the Word report reads
 * them, and nothing an officer types can forge one ({@link #clean}).
 */
public final class Marks {

    /** Starts a flagged figure: its key, {@link #TEXT}, the figure as printed, {@link #END_FIGURE}. */
    static final char FIGURE = '\uE000';
    static final char TEXT = '\uE001';
    static final char END_FIGURE = '\uE002';
    /** Starts a line that names the part the following lines belong to: the part's name, {@link #END}. */
    static final char PART = '\uE003';
    /** Starts a paragraph of a given look: its style's name, {@link #END}, then the paragraph. */
    static final char STYLE = '\uE004';
    static final char END = '\uE005';

    private static final Pattern ANY = Pattern.compile("[\uE000-\uE005]");
    private static final Pattern PART_LINE = Pattern.compile("(?m)^\uE003[^\uE005\n]*\uE005\n?");
    private static final Pattern STYLE_OR_FIGURE_KEY = Pattern.compile("\uE004[^\uE005\n]*\uE005|\uE000[^\uE001\n]*\uE001");

    /** The one instance the templates see as {@code $mark}. */
    static final Marks INSTANCE = new Marks();

    private Marks() {
    }

    /** A line on its own: the lines that follow, up to the next part, belong to the part named. */
    public String part(String name) {
        return PART + name + END;
    }

    /** Put before a paragraph: the paragraph has the look named (a heading, a row of the table's header). */
    public String style(String name) {
        return STYLE + name + END;
    }

    /** A figure under an error finding, with the key of the findings that explain it. */
    static String figure(String key, String printed) {
        return FIGURE + key + TEXT + printed + END_FIGURE;
    }

    /** The report as plain text: part lines left out, every other mark removed. */
    static String plain(String marked) {
        String withoutParts = PART_LINE.matcher(marked).replaceAll("");
        return STYLE_OR_FIGURE_KEY.matcher(withoutParts).replaceAll("").replace(String.valueOf(END_FIGURE), "");
    }

    /** Text from a workbook, with any character that would read as a mark taken out. */
    static String clean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= FIGURE && c <= END) {
                return ANY.matcher(text).replaceAll("");
            }
        }
        return text;
    }
}
