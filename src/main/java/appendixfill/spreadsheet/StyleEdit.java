package appendixfill.spreadsheet;

import appendixfill.ooxml.Markup;
import appendixfill.ooxml.PartText;
import appendixfill.ooxml.StartTag;
import appendixfill.ooxml.Unsupported;
import appendixfill.ooxml.Unsupported.Reason;
import appendixfill.ooxml.Xml;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.NamespaceContext;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * The styles part with the few styles a fill adds: a cell's own style with another fill or number
 * format, a font and a style of the tool's own sheets. Every style there keeps its index; a style
 * added that is there already (a workbook the tool completed before) is used again, not repeated.
 */
public final class StyleEdit {

    /** A fill: none, or a solid colour of Excel's legacy palette. */
    public record Fill(boolean solid, int indexedColour) {
        public static final Fill NONE = new Fill(false, 64);
    }

    /** One list of the styles part (fonts, fills, cellXfs): its elements' text, what is added, and where it ends. */
    private static final class Section {
        final String name;
        final List<String> elements = new ArrayList<>();
        final List<String> added = new ArrayList<>();
        final Map<String, Integer> index = new HashMap<>();
        int start;
        int startTagEnd;
        int contentEnd;
        NamespaceContext scope;

        Section(String name) {
            this.name = name;
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
    }

    private final PartText text;
    private final Section fonts = new Section("fonts");
    private final Section fills = new Section("fills");
    private final Section cellXfs = new Section("cellXfs");
    private boolean cellStyleXfs;
    private final Map<String, Integer> derived = new HashMap<>();

    private StyleEdit(PartText text) {
        this.text = text;
    }

    /** Reads the styles part; one without fonts, fills or cell styles is not one a fill can add to. */
    public static StyleEdit of(PartText text) throws Unsupported {
        StyleEdit styles = new StyleEdit(text);
        styles.read();
        return styles;
    }

    private void read() throws Unsupported {
        XMLStreamReader2 xml = text.reader();
        try {
            if (!Xml.is(xml, Xml.MAIN, "styleSheet")) {
                throw new Unsupported(Reason.MALFORMED_XML, text.part(), "the root is not a styleSheet");
            }
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                Section section = Xml.is(xml, Xml.MAIN, "fonts") ? fonts : Xml.is(xml, Xml.MAIN, "fills") ? fills
                        : Xml.is(xml, Xml.MAIN, "cellXfs") ? cellXfs : null;
                if (Xml.is(xml, Xml.MAIN, "cellStyleXfs")) {
                    cellStyleXfs = true;
                }
                if (section == null) {
                    Xml.skip(xml);
                    continue;
                }
                section.start = (int) xml.getLocationInfo().getStartingCharOffset();
                section.startTagEnd = (int) xml.getLocationInfo().getEndingCharOffset();
                section.scope = xml.getNonTransientNamespaceContext();
                while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                    int start = (int) xml.getLocationInfo().getStartingCharOffset();
                    Xml.skip(xml);
                    String element = text.text().substring(start, (int) xml.getLocationInfo().getEndingCharOffset());
                    section.index.putIfAbsent(element, section.elements.size());
                    section.elements.add(element);
                }
                section.contentEnd = (int) xml.getLocationInfo().getStartingCharOffset();
                if (section.contentEnd == section.start) {
                    throw new Unsupported(Reason.MALFORMED_XML, text.part(), "an empty <" + section.name + "/>");
                }
            }
        } catch (XMLStreamException e) {
            throw Xml.failure(e, text.part());
        }
        for (Section section : List.of(fonts, fills, cellXfs)) {
            if (section.scope == null || section.elements.isEmpty()) {
                throw new Unsupported(Reason.MALFORMED_XML, text.part(), "no <" + section.name + ">");
            }
        }
    }

    /** How many cell styles there are: a cell's s attribute must be below it. */
    public int count() {
        return cellXfs.elements.size();
    }

    /** A cell style with another fill: the same index when it has that fill already. */
    public int withFill(int style, Fill fill) {
        return derived.computeIfAbsent(style + "/fill/" + fill.solid() + "/" + fill.indexedColour(), key -> {
            int fillId = fill(fill);
            String xf = cellXfs.elements.get(style < cellXfs.elements.size() ? style : 0);
            String current = StartTag.value(xf, "fillId");
            if (String.valueOf(fillId).equals(current == null ? "0" : current.strip())) {
                return style;
            }
            return cellXfs.add(StartTag.with(StartTag.with(xf, "fillId", String.valueOf(fillId)), "applyFill", "1"));
        });
    }

    /** A cell style with another number format (a built-in one, by id). */
    public int withNumberFormat(int style, int numberFormat) {
        return derived.computeIfAbsent(style + "/format/" + numberFormat, key -> {
            String xf = cellXfs.elements.get(style < cellXfs.elements.size() ? style : 0);
            return cellXfs.add(StartTag.with(StartTag.with(xf, "numFmtId", String.valueOf(numberFormat)),
                    "applyNumberFormat", "1"));
        });
    }

    private int fill(Fill fill) {
        if (!fill.solid()) {
            String first = fills.elements.get(0);
            if (first.equals(noFill(fills.scope))) {
                return 0;
            }
            return fills.add(noFill(fills.scope));
        }
        return fills.add(new Markup(fills.scope).start(Xml.MAIN, "fill").start(Xml.MAIN, "patternFill")
                .attribute("patternType", "solid").start(Xml.MAIN, "fgColor")
                .attribute("indexed", String.valueOf(fill.indexedColour())).end(Xml.MAIN, "fgColor")
                .end(Xml.MAIN, "patternFill").end(Xml.MAIN, "fill").toString());
    }

    private static String noFill(NamespaceContext scope) {
        return new Markup(scope).start(Xml.MAIN, "fill").start(Xml.MAIN, "patternFill").attribute("patternType", "none")
                .end(Xml.MAIN, "patternFill").end(Xml.MAIN, "fill").toString();
    }

    /**
     * A cell style of the tool's own sheets: a font (bold or not, size, name), wrapped and at the
     * top when asked, an optional fill.
     */
    public int style(boolean bold, int points, String fontName, boolean wrapped, Fill fill) {
        Markup font = new Markup(fonts.scope).start(Xml.MAIN, "font");
        if (bold) {
            font.start(Xml.MAIN, "b").end(Xml.MAIN, "b");
        }
        font.start(Xml.MAIN, "sz").attribute("val", String.valueOf(points)).end(Xml.MAIN, "sz")
                .start(Xml.MAIN, "name").attribute("val", fontName).end(Xml.MAIN, "name").end(Xml.MAIN, "font");
        int fontId = fonts.add(font.toString());
        int fillId = fill == null ? 0 : fill(fill);
        Markup xf = new Markup(cellXfs.scope).start(Xml.MAIN, "xf").attribute("numFmtId", "0")
                .attribute("fontId", String.valueOf(fontId)).attribute("fillId", String.valueOf(fillId))
                .attribute("borderId", "0");
        if (cellStyleXfs) {
            xf.attribute("xfId", "0");
        }
        xf.attribute("applyFont", "1");
        if (fillId != 0) {
            xf.attribute("applyFill", "1");
        }
        if (wrapped) {
            xf.attribute("applyAlignment", "1").start(Xml.MAIN, "alignment").attribute("vertical", "top")
                    .attribute("wrapText", "1").end(Xml.MAIN, "alignment");
        }
        return cellXfs.add(xf.end(Xml.MAIN, "xf").toString());
    }

    /** Splices what was added into the part, with the lists' counts. */
    public void apply() {
        for (Section section : List.of(fonts, fills, cellXfs)) {
            if (section.added.isEmpty()) {
                continue;
            }
            String startTag = text.text().substring(section.start, section.startTagEnd);
            text.replace(section.start, section.startTagEnd, StartTag.with(startTag, "count",
                    String.valueOf(section.elements.size())));
            text.insert(section.contentEnd, String.join("", section.added));
            section.added.clear();
        }
    }
}
