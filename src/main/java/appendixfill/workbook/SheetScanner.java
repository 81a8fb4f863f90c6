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

    /** What {@link #scan} asks of its caller. */
    enum Outcome {
        /** Every cell wanted is found, or the sheet's data is over: no more bytes are needed. */
        DONE,
        /** The bytes so far end inside the sheet's data: give more and call again. */
        MORE,
        /** Not a sheet the scanner reads: the caller falls back to StAX. */
        UNREADABLE
    }

    private final Map<String, String> wanted;
    private final Map<String, RawCell> out;
    private final boolean all;
    /** The first letters of the addresses wanted (the form's value column): any other cell is passed over. */
    private final boolean[] firstLetters = new boolean[128];
    private int remaining;
    /** Where the scan goes on from; -1 until {@code <sheetData} is found. */
    private int position = -1;

    /**
     * A scan collecting the cells wanted (address → key; every cell under its address when
     * {@code all}) into {@code out}.
     */
    SheetScanner(Map<String, String> wanted, Map<String, RawCell> out, boolean all) {
        this.wanted = wanted;
        this.out = out;
        this.all = all;
        this.remaining = all ? Integer.MAX_VALUE : wanted.size();
        if (!all) {
            for (String address : wanted.keySet()) {
                firstLetters[address.charAt(0) & 0x7F] = true;
            }
        }
    }

    /** Collects the cells wanted from a whole sheet; false when the sheet is not in the form the scanner reads. */
    static boolean scan(byte[] xml, Map<String, String> wanted, Map<String, RawCell> out, boolean all) {
        return new SheetScanner(wanted, out, all).scan(xml, xml.length, true) != Outcome.UNREADABLE;
    }

    /**
     * Goes on scanning the first {@code limit} bytes of the sheet (the same array, grown, from one
     * call to the next). A sheet is read only as far as needed: up to its last cell wanted, or to
     * the end of its data, not through the validations and formatting that follow it.
     *
     * @param complete whether these are all the sheet's bytes
     */
    Outcome scan(byte[] xml, int limit, boolean complete) {
        if (position < 0) {
            int sheetData = indexOf(xml, SHEET_DATA, 0, limit);
            if (sheetData < 0) {
                return complete ? Outcome.UNREADABLE : Outcome.MORE;
            }
            position = sheetData + SHEET_DATA.length;
        }
        int i = position;
        while (remaining > 0) {
            int open = indexOf(xml, (byte) '<', i, limit);
            if (open < 0) {
                position = limit;
                return complete ? Outcome.DONE : Outcome.MORE;
            }
            if (!complete && open + SHEET_DATA_END.length > limit) {
                // Too few bytes after '<' to tell a cell or the end of the data.
                position = open;
                return Outcome.MORE;
            }
            byte second = open + 1 < limit ? xml[open + 1] : 0;
            if (second == '/' && startsWith(xml, open, limit, SHEET_DATA_END)) {
                return Outcome.DONE;
            }
            if (second != 'c') {
                i = open + 1;
                continue;
            }
            byte next = open + 2 < limit ? xml[open + 2] : 0;
            if (next != ' ' && next != '>' && next != '/' && next != '\t' && next != '\n' && next != '\r') {
                i = open + 2;
                continue;
            }
            int tagEnd = indexOf(xml, (byte) '>', open, limit);
            if (tagEnd < 0) {
                return incomplete(open, complete);
            }
            boolean empty = xml[tagEnd - 1] == '/';
            int at = addressStart(xml, open + 2, tagEnd);
            if (at < 0) {
                // Cells without their address are positional: left to the general reader.
                return Outcome.UNREADABLE;
            }
            if (!all && (xml[at] < 0 || !firstLetters[xml[at]])) {
                i = tagEnd;
                continue;
            }
            String address = address(xml, open + 2, tagEnd);
            String key = all ? address : wanted.get(address);
            if (key == null) {
                // A cell's children (<f>, <v>, <is>) hold no "<c": the scan goes on from its tag.
                i = tagEnd;
                continue;
            }
            int close = empty ? tagEnd : indexOf(xml, CELL_END, tagEnd, limit);
            if (close < 0) {
                return incomplete(open, complete);
            }
            String attributes = new String(xml, open + 2, (empty ? tagEnd - 1 : tagEnd) - open - 2,
                    StandardCharsets.UTF_8);
            String type = attribute(attributes, "t");
            String style = attribute(attributes, "s");
            String value = null;
            String formula = null;
            String inline = null;
            if (!empty) {
                String body = new String(xml, tagEnd + 1, close - tagEnd - 1, StandardCharsets.UTF_8);
                value = element(body, "v", "<v", "</v>");
                formula = element(body, "f", "<f", "</f>");
                int is = body.indexOf("<is");
                if (is >= 0) {
                    inline = inlineText(body.substring(is));
                }
            }
            out.put(key, new RawCell(type == null ? "n" : type, style == null ? 0 : Integer.parseInt(style.trim()),
                    value, formula, inline));
            remaining--;
            i = close;
        }
        return Outcome.DONE;
    }

    /** A cell cut off by the end of the bytes: more are coming, or the sheet is broken. */
    private Outcome incomplete(int cellStart, boolean complete) {
        if (complete) {
            return Outcome.UNREADABLE;
        }
        position = cellStart;
        return Outcome.MORE;
    }

    /** An element found by {@link #elements}: its attributes and its text, tags inside stripped. */
    record Element(Map<String, String> attributes, String text) {
        String attribute(String name) {
            return attributes.get(name);
        }
    }

    /**
     * Every element of that (unprefixed) name between {@code from} and {@code to}, for the small
     * parts of a workbook (workbook.xml, styles.xml, custom.xml). Attribute names keep their
     * prefix ({@code r:id}).
     */
    static java.util.List<Element> elements(byte[] xml, String name, int from, int to) {
        byte[] open = ("<" + name).getBytes(StandardCharsets.US_ASCII);
        byte[] close = ("</" + name + ">").getBytes(StandardCharsets.US_ASCII);
        java.util.List<Element> found = new java.util.ArrayList<>();
        int i = from;
        while (true) {
            i = indexOf(xml, open, i);
            if (i < 0 || i >= to) {
                return found;
            }
            int after = i + open.length;
            byte next = after < xml.length ? xml[after] : 0;
            if (next != ' ' && next != '>' && next != '/' && next != '\t' && next != '\n' && next != '\r') {
                i = after;
                continue;
            }
            int tagEnd = indexOf(xml, TAG_END, after);
            boolean empty = xml[tagEnd - 1] == '/';
            String tag = new String(xml, after, (empty ? tagEnd - 1 : tagEnd) - after, StandardCharsets.UTF_8);
            Map<String, String> attributes = attributes(tag);
            String text = "";
            int end = tagEnd;
            if (!empty) {
                end = indexOf(xml, close, tagEnd);
                if (end < 0) {
                    return found;
                }
                text = unescape(stripTags(new String(xml, tagEnd + 1, end - tagEnd - 1, StandardCharsets.UTF_8)));
            }
            found.add(new Element(attributes, text));
            i = end;
        }
    }

    /** name="value" or name='value' pairs of a tag. */
    static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new java.util.HashMap<>();
        int i = 0;
        int n = tag.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(tag.charAt(i))) {
                i++;
            }
            int nameStart = i;
            while (i < n && tag.charAt(i) != '=' && !Character.isWhitespace(tag.charAt(i))) {
                i++;
            }
            String name = tag.substring(nameStart, i);
            while (i < n && (Character.isWhitespace(tag.charAt(i)) || tag.charAt(i) == '=')) {
                i++;
            }
            if (i >= n || name.isEmpty()) {
                break;
            }
            char quote = tag.charAt(i);
            if (quote != '"' && quote != '\'') {
                break;
            }
            int close = tag.indexOf(quote, i + 1);
            if (close < 0) {
                break;
            }
            attributes.put(name, unescape(tag.substring(i + 1, close)));
            i = close + 1;
        }
        return attributes;
    }

    private static String stripTags(String text) {
        if (text.indexOf('<') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean inTag = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<') {
                inTag = true;
            } else if (c == '>') {
                inTag = false;
            } else if (!inTag) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Where an ASCII text starts in the bytes, or -1. */
    static int find(byte[] xml, String ascii, int from) {
        return indexOf(xml, ascii.getBytes(StandardCharsets.US_ASCII), from);
    }

    /** Where the value of a cell tag's r attribute starts; -1 without one. */
    private static int addressStart(byte[] xml, int from, int tagEnd) {
        for (int i = from; i < tagEnd - 3; i++) {
            byte before = xml[i];
            if ((before == ' ' || before == '\t' || before == '\n' || before == '\r') && xml[i + 1] == 'r'
                    && xml[i + 2] == '=' && (xml[i + 3] == '"' || xml[i + 3] == '\'')) {
                return i + 4;
            }
        }
        return -1;
    }

    /** The r attribute of a cell's tag, read from the bytes (an address is ASCII); null without one. */
    private static String address(byte[] xml, int from, int tagEnd) {
        for (int i = from; i < tagEnd - 3; i++) {
            byte before = xml[i];
            if ((before == ' ' || before == '\t' || before == '\n' || before == '\r') && xml[i + 1] == 'r'
                    && xml[i + 2] == '=' && (xml[i + 3] == '"' || xml[i + 3] == '\'')) {
                int start = i + 4;
                int end = start;
                while (end < tagEnd && xml[end] != xml[i + 3]) {
                    end++;
                }
                return new String(xml, start, end - start, StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    /**
     * The text of the first child element of that name; "" for an empty one, null when absent.
     * {@code open} and {@code close} are "<name" and "</name>", made once rather than per cell.
     */
    private static String element(String body, String name, String open, String close) {
        int from = 0;
        while (true) {
            int start = body.indexOf(open, from);
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
            int end = body.indexOf(close, tagEnd);
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

    private static final byte[] SHEET_DATA = "<sheetData".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHEET_DATA_END = "</sheetData".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TAG_END = ">".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CELL_END = "</c>".getBytes(StandardCharsets.US_ASCII);

    private static int indexOf(byte[] xml, byte[] pattern, int from) {
        return indexOf(xml, pattern, from, xml.length);
    }

    /** Where the pattern starts in the first {@code limit} bytes, from {@code from}; -1 when it does not. */
    private static int indexOf(byte[] xml, byte[] pattern, int from, int limit) {
        byte first = pattern[0];
        int last = limit - pattern.length;
        outer:
        for (int i = Math.max(0, from); i <= last; i++) {
            if (xml[i] != first) {
                continue;
            }
            for (int j = 1; j < pattern.length; j++) {
                if (xml[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int indexOf(byte[] xml, byte b, int from, int limit) {
        for (int i = Math.max(0, from); i < limit; i++) {
            if (xml[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] xml, int at, int limit, byte[] pattern) {
        if (at + pattern.length > limit) {
            return false;
        }
        for (int j = 0; j < pattern.length; j++) {
            if (xml[at + j] != pattern[j]) {
                return false;
            }
        }
        return true;
    }
}
