package appendixfill.spreadsheet;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How SpreadsheetML keeps characters XML cannot hold in a cell's text: _xHHHH_ (a carriage return
 * is _x000D_), and _x005F_ before an underscore that would otherwise start such an escape.
 */
public final class ExcelText {

    private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    private ExcelText() {
    }

    /** The text a cell holds, its escapes read. */
    public static String decode(String stored) {
        if (stored.indexOf("_x") < 0) {
            return stored;
        }
        Matcher escape = ESCAPE.matcher(stored);
        StringBuilder out = new StringBuilder(stored.length());
        while (escape.find()) {
            escape.appendReplacement(out, Matcher.quoteReplacement(
                    String.valueOf((char) Integer.parseInt(escape.group(1), 16))));
        }
        return escape.appendTail(out).toString();
    }

    /** The text as a cell stores it: what XML cannot hold, and what reads like an escape, escaped. */
    public static String encode(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = null;
            if (c == '_' && ESCAPE.matcher(text).region(i, text.length()).lookingAt()) {
                replacement = "_x005F_";
            } else if (c == '\r' || c < 0x20 && c != '\n' && c != '\t' || c == 0xFFFE || c == 0xFFFF) {
                replacement = "_x" + String.format("%04X", (int) c) + "_";
            }
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                out.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }
}
