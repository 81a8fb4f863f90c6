package appendixfill.workbook;

import appendixfill.workbook.StreamedWorkbook.RawCell;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Finds cells in a worksheet's XML by scanning its bytes for {@code <c } elements, several times
 * faster than a StAX parser over the whole sheet, which is most of the time of a consolidation.
 * It reads only what Excel, LibreOffice and POI write (unprefixed elements, attributes in double
 * or single quotes, the five XML entities and character references); on anything else it says
 * so and the caller falls back to StAX. It never resolves entities or DTDs.
 */
final class SheetScanner {

    private SheetScanner() {
    }

    /**
     * Collects the cells wanted (address → key; every cell under its address when {@code all}).
     *
     * @return false when the sheet is not in the form the scanner reads
     */
    static boolean scan(byte[] xml, Map<String, String> wanted, Map<String, RawCell> out, boolean all) {
        int remaining = all ? Integer.MAX_VALUE : wanted.size();
        int sheetData = indexOf(xml, "<sheetData", 0);
        if (sheetData < 0) {
            return false;
        }
        int i = sheetData;
        while (remaining > 0) {
            i = indexOf(xml, "<c", i);
            if (i < 0) {
                break;
            }
            byte next = i + 2 < xml.length ? xml[i + 2] : 0;
            if (next != ' ' && next != '>' && next != '/' && next != '\t' && next != '\n' && next != '\r') {
                i += 2;
                continue;
            }
            int tagEnd = indexOf(xml, ">", i);
            if (tagEnd < 0) {
                return false;
            }
            boolean empty = xml[tagEnd - 1] == '/';
            String attributes = new String(xml, i + 2, (empty ? tagEnd - 1 : tagEnd) - i - 2, StandardCharsets.UTF_8);
            String address = attribute(attributes, "r");
            if (address == null) {
                // Cells without their address are positional: left to the general reader.
                return false;
            }
            String key = all ? address : wanted.get(address);
            int close = empty ? tagEnd : indexOf(xml, "</c>", tagEnd);
            if (close < 0) {
                return false;
            }
            if (key != null) {
                String type = attribute(attributes, "t");
                String style = attribute(attributes, "s");
                String value = null;
                String formula = null;
                String inline = null;
                if (!empty) {
                    String body = new String(xml, tagEnd + 1, close - tagEnd - 1, StandardCharsets.UTF_8);
                    value = element(body, "v");
                    formula = element(body, "f");
                    int is = body.indexOf("<is");
                    if (is >= 0) {
                        inline = inlineText(body.substring(is));
                    }
                }
                out.put(key, new RawCell(type == null ? "n" : type, style == null ? 0 : Integer.parseInt(style.trim()),
                        value, formula, inline));
                remaining--;
            }
            i = close;
        }
        return true;
    }

    /** The text of the first child element of that name; "" for an empty one, null when absent. */
    private static String element(String body, String name) {
        int from = 0;
        while (true) {
            int start = body.indexOf("<" + name, from);
            if (start < 0) {
                return null;
            }
            int after = start + 1 + name.length();
            char c = after < body.length() ? body.charAt(after) : ' ';
            if (c != '>' && c != ' ' && c != '/') {
                from = after;
                continue;
            }
            int tagEnd = body.indexOf('>', after);
            if (tagEnd < 0) {
                return null;
            }
            if (body.charAt(tagEnd - 1) == '/') {
                return "";
            }
            int end = body.indexOf("</" + name + ">", tagEnd);
            return end < 0 ? null : unescape(body.substring(tagEnd + 1, end));
        }
    }

    /** The runs of an inline string, without phonetic runs. */
    private static String inlineText(String is) {
        StringBuilder text = new StringBuilder();
        int from = 0;
        int stop = is.indexOf("</is>");
        String scope = stop < 0 ? is : is.substring(0, stop);
        while (true) {
            int rph = scope.indexOf("<rPh", from);
            int t = scope.indexOf("<t", from);
            if (t < 0) {
                break;
            }
            if (rph >= 0 && rph < t) {
                int end = scope.indexOf("</rPh>", rph);
                from = end < 0 ? scope.length() : end + 6;
                continue;
            }
            char c = t + 2 < scope.length() ? scope.charAt(t + 2) : ' ';
            if (c != '>' && c != ' ' && c != '/') {
                from = t + 2;
                continue;
            }
            int tagEnd = scope.indexOf('>', t);
            if (scope.charAt(tagEnd - 1) == '/') {
                from = tagEnd + 1;
                continue;
            }
            int end = scope.indexOf("</t>", tagEnd);
            text.append(unescape(scope.substring(tagEnd + 1, end)));
            from = end + 4;
        }
        return text.toString();
    }

    private static String attribute(String attributes, String name) {
        int from = 0;
        while (true) {
            int at = attributes.indexOf(name, from);
            if (at < 0) {
                return null;
            }
            int eq = at + name.length();
            boolean startsName = at == 0 || Character.isWhitespace(attributes.charAt(at - 1));
            while (eq < attributes.length() && Character.isWhitespace(attributes.charAt(eq))) {
                eq++;
            }
            if (!startsName || eq >= attributes.length() || attributes.charAt(eq) != '=') {
                from = at + name.length();
                continue;
            }
            int open = eq + 1;
            while (open < attributes.length() && Character.isWhitespace(attributes.charAt(open))) {
                open++;
            }
            char quote = attributes.charAt(open);
            int close = attributes.indexOf(quote, open + 1);
            return unescape(attributes.substring(open + 1, close));
        }
    }

    /** The five entities and numeric character references; nothing else is ever expanded. */
    static String unescape(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int semi = c == '&' ? text.indexOf(';', i) : -1;
            if (semi < 0) {
                out.append(c);
                continue;
            }
            String entity = text.substring(i + 1, semi);
            switch (entity) {
                case "amp" -> out.append('&');
                case "lt" -> out.append('<');
                case "gt" -> out.append('>');
                case "quot" -> out.append('"');
                case "apos" -> out.append('\'');
                default -> {
                    if (entity.startsWith("#x") || entity.startsWith("#X")) {
                        out.appendCodePoint(Integer.parseInt(entity.substring(2), 16));
                    } else if (entity.startsWith("#")) {
                        out.appendCodePoint(Integer.parseInt(entity.substring(1)));
                    } else {
                        throw new IllegalArgumentException("undeclared entity &" + entity + ";");
                    }
                }
            }
            i = semi;
        }
        return out.toString();
    }

    private static int indexOf(byte[] xml, String ascii, int from) {
        byte first = (byte) ascii.charAt(0);
        int last = xml.length - ascii.length();
        outer:
        for (int i = Math.max(0, from); i <= last; i++) {
            if (xml[i] != first) {
                continue;
            }
            for (int j = 1; j < ascii.length(); j++) {
                if (xml[i + j] != (byte) ascii.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
