package appendixfill.ooxml;

/**
 * One attribute of an element's start tag changed, the rest of the element's text kept as it is.
 * The element has been read by the XML reader, so its start tag is well-formed: its attributes
 * are found by the grammar of a start tag (name, =, a quoted value), never by searching the text.
 * Only attributes without a prefix (so without a namespace) are changed.
 */
public final class StartTag {

    private StartTag() {
    }

    /** The element's text with the attribute set (added before the end of the start tag when absent). */
    public static String with(String element, String attribute, String value) {
        int[] span = valueSpan(element, attribute);
        String escaped = Xml.escapeAttribute(value);
        if (span != null) {
            return element.substring(0, span[0]) + escaped + element.substring(span[1]);
        }
        int end = startTagEnd(element);
        int insertAt = element.charAt(end - 1) == '/' ? end - 1 : end;
        return element.substring(0, insertAt) + " " + attribute + "=\"" + escaped + "\"" + element.substring(insertAt);
    }

    /** An unprefixed attribute's value as written between its quotes (entities not read); null when absent. */
    public static String value(String element, String attribute) {
        int[] span = valueSpan(element, attribute);
        return span == null ? null : element.substring(span[0], span[1]);
    }

    /** The element's text without the attribute. */
    public static String without(String element, String attribute) {
        int[] span = attributeSpan(element, attribute);
        return span == null ? element : element.substring(0, span[0]) + element.substring(span[1]);
    }

    /** Where the start tag ends: the offset of its closing '>'. */
    static int startTagEnd(String element) {
        int at = nameEnd(element);
        while (true) {
            at = skipSpace(element, at);
            char c = element.charAt(at);
            if (c == '>') {
                return at;
            }
            if (c == '/') {
                return at + 1;
            }
            at = attributeEnd(element, at);
        }
    }

    /** [start of the value, end of the value) of an unprefixed attribute; null when absent. */
    private static int[] valueSpan(String element, String attribute) {
        int[] whole = attributeSpan(element, attribute);
        if (whole == null) {
            return null;
        }
        int open = element.indexOf('=', whole[0]);
        open = skipSpace(element, open + 1);
        return new int[] {open + 1, whole[1] - 1};
    }

    /** [the space before the attribute, the end of its closing quote); null when absent. */
    private static int[] attributeSpan(String element, String attribute) {
        int at = nameEnd(element);
        while (true) {
            int before = at;
            at = skipSpace(element, at);
            char c = element.charAt(at);
            if (c == '>' || c == '/') {
                return null;
            }
            int nameEnd = at;
            while (!isSpace(element.charAt(nameEnd)) && element.charAt(nameEnd) != '=') {
                nameEnd++;
            }
            int end = attributeEnd(element, at);
            if (element.substring(at, nameEnd).equals(attribute)) {
                return new int[] {before, end};
            }
            at = end;
        }
    }

    /** The end of the attribute starting at {@code at}: past its closing quote. */
    private static int attributeEnd(String element, int at) {
        int equals = element.indexOf('=', at);
        int quote = skipSpace(element, equals + 1);
        char mark = element.charAt(quote);
        if (mark != '"' && mark != '\'') {
            throw new IllegalArgumentException("not a start tag read by an XML reader: " + element);
        }
        return element.indexOf(mark, quote + 1) + 1;
    }

    private static int nameEnd(String element) {
        if (element.isEmpty() || element.charAt(0) != '<') {
            throw new IllegalArgumentException("not an element: " + element);
        }
        int at = 1;
        while (at < element.length() && !isSpace(element.charAt(at)) && element.charAt(at) != '>'
                && element.charAt(at) != '/') {
            at++;
        }
        return at;
    }

    private static int skipSpace(String text, int at) {
        while (isSpace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
