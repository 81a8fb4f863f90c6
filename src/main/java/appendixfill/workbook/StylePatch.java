package appendixfill.workbook;

import appendixfill.form.Layout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The styles part of a workbook with the few styles a fill adds: a cell's own style with another
 * fill, and the two styles of the findings sheet. Every existing style keeps its index; an added
 * style that is already there (a workbook the tool completed before) is used again, not repeated.
 */
final class StylePatch {

    /** One list of a styles part (fonts, fills, cellXfs): its elements as written, and those added. */
    private static final class Section {
        final String name;
        final XmlText.Span span;
        final List<String> elements = new ArrayList<>();
        final List<String> added = new ArrayList<>();
        final Map<String, Integer> index = new HashMap<>();

        Section(String xml, String name, String child) throws PatchedWorkbook.Declined {
            this.name = name;
            this.span = XmlText.element(xml, name, 0, xml.length());
            if (span == null || xml.charAt(span.end() - 2) == '/') {
                throw new PatchedWorkbook.Declined("styles without <" + name + ">");
            }
            for (XmlText.Span element : XmlText.elements(xml, child, span.start() + name.length() + 1, span.end())) {
                String text = element.in(xml);
                index.putIfAbsent(text, elements.size());
                elements.add(text);
            }
        }

        int add(String element) {
            Integer known = index.get(element);
            if (known != null) {
                return known;
            }
            int at = elements.size();
            elements.add(element);
            added.add(element);
            index.put(element, at);
            return at;
        }

        String patched(String xml) {
            String section = span.in(xml);
            int close = section.lastIndexOf("</" + name + ">");
            String open = XmlText.withAttribute(section.substring(0, section.indexOf('>') + 1), "count",
                    String.valueOf(elements.size()));
            return open + section.substring(section.indexOf('>') + 1, close) + String.join("", added)
                    + section.substring(close);
        }
    }

    private final String xml;
    private final Section fonts;
    private final Section fills;
    private final Section cellXfs;
    private final boolean cellStyleXfs;
    private final Map<Long, Integer> shaded = new HashMap<>();

    StylePatch(String xml) throws PatchedWorkbook.Declined {
        this.xml = xml;
        this.fonts = new Section(xml, "fonts", "font");
        this.fills = new Section(xml, "fills", "fill");
        this.cellXfs = new Section(xml, "cellXfs", "xf");
        this.cellStyleXfs = XmlText.element(xml, "cellStyleXfs", 0, xml.length()) != null;
        if (fonts.span.start() > fills.span.start() || fills.span.start() > cellXfs.span.start()) {
            throw new PatchedWorkbook.Declined("styles out of order");
        }
    }

    /** How many cell styles the part has: a cell's s attribute must be below it. */
    int styles() {
        return cellXfs.elements.size();
    }

    /** The cell style {@code base} with the fill of a shade: the same index when it has it already. */
    int shaded(int base, Completion.Shade shade) {
        return shaded.computeIfAbsent(((long) base << 8) | shade.ordinal(), key -> {
            int fill = fill(shade);
            String xf = cellXfs.elements.get(base < cellXfs.elements.size() ? base : 0);
            String fillId = XmlText.element(xf, "xf", 0, xf.length()).attributes().getOrDefault("fillId", "0");
            if (fillId.equals(String.valueOf(fill))) {
                return base;
            }
            return cellXfs.add(XmlText.withAttribute(XmlText.withAttribute(xf, "fillId", String.valueOf(fill)),
                    "applyFill", "1"));
        });
    }

    private int fill(Completion.Shade shade) {
        if (!shade.solid) {
            String first = fills.elements.isEmpty() ? "" : fills.elements.get(0);
            if (first.contains("patternType=\"none\"") && !first.contains("Color")) {
                return 0;
            }
            return fills.add("<fill><patternFill patternType=\"none\"/></fill>");
        }
        return fills.add("<fill><patternFill patternType=\"solid\"><fgColor indexed=\"" + shade.colour
                + "\"/></patternFill></fill>");
    }

    /** The findings sheet's heading style: bold. */
    int bold() {
        int font = fonts.add("<font><b val=\"true\"/><sz val=\"12\"/><name val=\"" + Layout.FONT + "\"/></font>");
        return cellXfs.add("<xf numFmtId=\"0\" fontId=\"" + font + "\" fillId=\"0\" borderId=\"0\"" + xfId()
                + " applyFont=\"1\"/>");
    }

    /** The findings sheet's body style: wrapped, at the top of the row. */
    int wrapped() {
        int font = fonts.add("<font><sz val=\"12\"/><name val=\"" + Layout.FONT + "\"/></font>");
        return cellXfs.add("<xf numFmtId=\"0\" fontId=\"" + font + "\" fillId=\"0\" borderId=\"0\"" + xfId()
                + " applyFont=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>");
    }

    private String xfId() {
        return cellStyleXfs ? " xfId=\"0\"" : "";
    }

    /** The part with what was added. */
    String patched() {
        if (fonts.added.isEmpty() && fills.added.isEmpty() && cellXfs.added.isEmpty()) {
            return xml;
        }
        return xml.substring(0, fonts.span.start()) + fonts.patched(xml)
                + xml.substring(fonts.span.end(), fills.span.start()) + fills.patched(xml)
                + xml.substring(fills.span.end(), cellXfs.span.start()) + cellXfs.patched(xml)
                + xml.substring(cellXfs.span.end());
    }
}
