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

    /**
     * The report as plain text: part lines left out, every other mark removed, no more than one blank
     * line in a row, none at the start or the end, and one line end after the last line. One pass over
     * the text, not a chain of regular expressions: a batch renders hundreds of reports.
     */
    static String plain(String marked) {
        StringBuilder text = new StringBuilder(marked.length());
        int newlines = 0; // line ends held back: at most two are written, none before the first line
        int i = 0;
        while (i < marked.length()) {
            char c = marked.charAt(i);
            int end;
            if (c == PART && (i == 0 || marked.charAt(i - 1) == '\n') && (end = closing(marked, i, END)) >= 0) {
                i = end + 1 < marked.length() && marked.charAt(end + 1) == '\n' ? end + 2 : end + 1;
            } else if (c == STYLE && (end = closing(marked, i, END)) >= 0
                    || c == FIGURE && (end = closing(marked, i, TEXT)) >= 0) {
                i = end + 1;
            } else if (c == END_FIGURE) {
                i++;
            } else if (c == '\n') {
                newlines++;
                i++;
            } else {
                if (newlines > 0 && text.length() > 0) {
                    text.append(newlines == 1 ? "\n" : "\n\n");
                }
                newlines = 0;
                text.append(c);
                i++;
            }
        }
        return text.append('\n').toString();
    }

    /** Where the mark opened at {@code start} is closed by {@code close} on the same line; -1 when it is not. */
    private static int closing(String marked, int start, char close) {
        for (int i = start + 1; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == close) {
                return i;
            }
            if (c == '\n') {
                return -1;
            }
        }
        return -1;
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
