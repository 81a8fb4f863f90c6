package appendixfill.workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The little XML the in-place patcher needs, on text it has already judged to be of the form
 * Excel, LibreOffice and POI write (unprefixed SpreadsheetML elements): finding elements and
 * writing escaped text. Nothing here resolves an entity or a DTD.
 */
final class XmlText {

    private XmlText() {
    }

    /** An element of a part: where it starts and ends (exclusive), its start tag's attributes. */
    record Span(int start, int end, Map<String, String> attributes) {
        String in(String xml) {
            return xml.substring(start, end);
        }
    }

    /** Every element of that name between {@code from} and {@code to}, not nested in one another. */
    static List<Span> elements(String xml, String name, int from, int to) {
        List<Span> found = new ArrayList<>();
        int i = from;
        while (true) {
            Span span = element(xml, name, i, to);
            if (span == null) {
                return found;
            }
            found.add(span);
            i = span.end();
        }
    }

    /** The first element of that name between {@code from} and {@code to}, or null. */
    static Span element(String xml, String name, int from, int to) {
        String open = "<" + name;
        int i = from;
        while (true) {
            i = xml.indexOf(open, i);
            if (i < 0 || i >= to) {
                return null;
            }
            int after = i + open.length();
            char next = after < xml.length() ? xml.charAt(after) : ' ';
            if (next != '>' && next != '/' && !Character.isWhitespace(next)) {
                i = after;
                continue;
            }
            int tagEnd = xml.indexOf('>', after);
            if (tagEnd < 0) {
                return null;
            }
            boolean empty = xml.charAt(tagEnd - 1) == '/';
            Map<String, String> attributes = SheetScanner.attributes(xml.substring(after, empty ? tagEnd - 1 : tagEnd));
            if (empty) {
                return new Span(i, tagEnd + 1, attributes);
            }
            int close = xml.indexOf("</" + name + ">", tagEnd);
            if (close < 0) {
                return null;
            }
            return new Span(i, close + name.length() + 3, attributes);
        }
    }

    /**
     * The element with one attribute of its start tag set (added when missing), the rest as it was.
     * The value is escaped here.
     */
    static String withAttribute(String element, String name, String value) {
        int tagEnd = element.indexOf('>');
        int bodyEnd = element.charAt(tagEnd - 1) == '/' ? tagEnd - 1 : tagEnd;
        String set = " " + name + "=\"" + attribute(value) + "\"";
        int from = 0;
        while (true) {
            int at = element.indexOf(name, from);
            if (at < 0 || at >= bodyEnd) {
                return element.substring(0, bodyEnd) + set + element.substring(bodyEnd);
            }
            from = at + name.length();
            int i = skipSpace(element, from, bodyEnd);
            if (!Character.isWhitespace(element.charAt(at - 1)) || i >= bodyEnd || element.charAt(i) != '=') {
                continue;
            }
            i = skipSpace(element, i + 1, bodyEnd);
            char quote = i < bodyEnd ? element.charAt(i) : ' ';
            int close = quote == '"' || quote == '\'' ? element.indexOf(quote, i + 1) : -1;
            if (close > 0) {
                return element.substring(0, at - 1) + set + element.substring(close + 1);
            }
        }
    }

    private static int skipSpace(String text, int from, int to) {
        int i = from;
        while (i < to && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static final java.util.regex.Pattern EXCEL_ESCAPE = java.util.regex.Pattern.compile("_x([0-9A-Fa-f]{4})_");
    private static final java.util.regex.Pattern EXCEL_ESCAPE_START = java.util.regex.Pattern.compile(
            "_(?=x[0-9A-Fa-f]{4}_)");

    /**
     * Text as Excel and POI read it: _xHHHH_ is the character HHHH (Excel writes control characters
     * so, and _x005F_ for an underscore that would otherwise start one).
     */
    static String decodeExcel(String text) {
        if (text == null || text.indexOf("_x") < 0) {
            return text;
        }
        java.util.regex.Matcher escape = EXCEL_ESCAPE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (escape.find()) {
            escape.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(
                    String.valueOf((char) Integer.parseInt(escape.group(1), 16))));
        }
        return escape.appendTail(out).toString();
    }

    /** Text for an element's content. */
    static String text(String text) {
        return escape(text, false);
    }

    /** Text for an attribute's value in double quotes. */
    static String attribute(String text) {
        return escape(text, true);
    }

    /**
     * Escapes the markup characters; a control character XML cannot hold is written as Excel
     * writes it, _xHHHH_.
     */
    private static String escape(String given, boolean attribute) {
        // Cell text that reads like Excel's own escape keeps its underscore: «_x0041_» stays, not «A».
        String text = attribute || given.indexOf("_x") < 0 ? given
                : EXCEL_ESCAPE_START.matcher(given).replaceAll("_x005F_");
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> attribute ? "&quot;" : null;
                case '\n' -> attribute ? "&#10;" : null;
                // An XML reader turns a carriage return in text into a line feed: Excel writes it escaped.
                case '\r' -> attribute ? "&#13;" : "_x000D_";
                case '\t' -> attribute ? "&#9;" : null;
                default -> c < 0x20 || c == 0xFFFE || c == 0xFFFF ? String.format("_x%04X_", (int) c) : null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
