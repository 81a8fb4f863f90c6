package appendixfill.spreadsheet;

import appendixfill.ooxml.Markup;
import appendixfill.ooxml.PartText;
import appendixfill.ooxml.StartTag;
import appendixfill.ooxml.Unsupported;
import appendixfill.ooxml.Unsupported.Reason;
import appendixfill.ooxml.Xml;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.namespace.NamespaceContext;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.LocationInfo;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * A worksheet part whose cells are rewritten by splicing: each cell written replaces its own
 * element, or goes into its row in column order, or into a new row in row order; every other
 * byte of the part stays as it was.
 */
public final class SheetEdit {

    /** The worksheet's children that the schema puts after legacyDrawing. */
    private static final Set<String> AFTER_LEGACY_DRAWING = Set.of("legacyDrawingHF", "drawingHF", "picture",
            "oleObjects", "controls", "webPublishItems", "tableParts", "extLst");

    /** A cell element: its span, start tag and what its formula is. */
    private record Cell(int column, int start, int end, String startTag, String formulaType, boolean formulaRange) {
    }

    /**
     * A row element: its span, where its content ends, the namespaces inside it, its cells by column,
     * its height in points (0 when it has the sheet's default).
     */
    private record Row(int number, int start, int contentStart, int contentEnd, int end, boolean empty,
            NamespaceContext scope, TreeMap<Integer, Cell> cells, float height) {
    }

    /** A cell to write: its content and style. */
    private record Write(CellContent content, int style) {
    }

    private final PartText text;
    private final TreeMap<Integer, Row> rows = new TreeMap<>();
    private final TreeMap<Integer, TreeMap<Integer, Write>> writes = new TreeMap<>();
    /** Column widths as the sheet's {@code cols} give them, in characters, by column (0-based). */
    private final TreeMap<Integer, Double> widths = new TreeMap<>();
    /** Rows to make taller: row → height in points. */
    private final TreeMap<Integer, Float> heights = new TreeMap<>();
    private NamespaceContext dataScope;
    private int dataStart;
    private int dataContentEnd;
    private int dataEnd;
    private boolean dataEmpty;
    private NamespaceContext rootScope;
    /** The root's children after which a legacyDrawing may not come: where it goes when added. */
    private int legacyDrawingPlace = -1;
    private String legacyDrawing;

    private SheetEdit(PartText text) {
        this.text = text;
    }

    /** Reads where every row and cell of the worksheet is. */
    public static SheetEdit of(PartText text) throws Unsupported {
        SheetEdit sheet = new SheetEdit(text);
        sheet.read();
        return sheet;
    }

    public String part() {
        return text.part();
    }

    private void read() throws Unsupported {
        XMLStreamReader2 xml = text.reader();
        String part = text.part();
        try {
            if (!Xml.is(xml, Xml.MAIN, "worksheet")) {
                throw new Unsupported(Reason.MALFORMED_XML, part, "the root is not a worksheet");
            }
            rootScope = xml.getNonTransientNamespaceContext();
            boolean seenData = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    if (legacyDrawingPlace < 0) {
                        legacyDrawingPlace = offsets(xml)[0];
                    }
                    break; // the root's end
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                int start = offsets(xml)[0];
                if (seenData && legacyDrawingPlace < 0 && isAfterLegacyDrawing(xml)) {
                    legacyDrawingPlace = start;
                }
                if (Xml.is(xml, Xml.MAIN, "sheetData")) {
                    seenData = true;
                    readData(xml);
                    continue;
                }
                if (Xml.is(xml, Xml.MAIN, "legacyDrawing")) {
                    legacyDrawing = Xml.attribute(xml, Xml.RELATIONSHIPS, "id");
                }
                if (Xml.is(xml, Xml.MAIN, "cols")) {
                    readColumns(xml);
                    continue;
                }
                Xml.skip(xml);
            }
            if (!seenData) {
                throw new Unsupported(Reason.MALFORMED_XML, part, "a worksheet without sheetData");
            }
        } catch (XMLStreamException e) {
            throw Xml.failure(e, part);
        }
    }

    /** True for a child of the worksheet the schema puts after legacyDrawing (looking into mc:AlternateContent). */
    private static boolean isAfterLegacyDrawing(XMLStreamReader2 xml) throws XMLStreamException {
        if (Xml.canonical(xml.getNamespaceURI()).equals(Xml.MAIN)) {
            return AFTER_LEGACY_DRAWING.contains(xml.getLocalName());
        }
        // Excel wraps controls and OLE objects in mc:AlternateContent: judged by what it wraps. The
        // reader is left on the wrapper's start, so the caller still skips it whole.
        return Xml.is(xml, Xml.MARKUP_COMPATIBILITY, "AlternateContent");
    }

    /** The widths of {@code <cols>}; the reader ends on its end tag. */
    private void readColumns(XMLStreamReader2 xml) throws XMLStreamException, Unsupported {
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (Xml.is(xml, Xml.MAIN, "col")) {
                int min = number(Xml.attribute(xml, "min"), 0);
                int max = number(Xml.attribute(xml, "max"), min);
                String width = Xml.attribute(xml, "width");
                if (min > 0 && width != null && max - min < 16_384) {
                    try {
                        double characters = Double.parseDouble(width);
                        for (int column = min; column <= max; column++) {
                            widths.put(column - 1, characters);
                        }
                    } catch (NumberFormatException e) {
                        // A width that is not a number: the column keeps no known width.
                    }
                }
            }
            Xml.skip(xml);
        }
    }

    private void readData(XMLStreamReader2 xml) throws XMLStreamException, Unsupported {
        int[] span = offsets(xml);
        dataStart = span[0];
        dataScope = xml.getNonTransientNamespaceContext();
        int previousRow = 0;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                int[] end = offsets(xml);
                dataEmpty = end[0] == dataStart;
                dataContentEnd = end[0];
                dataEnd = end[1];
                return;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (!Xml.is(xml, Xml.MAIN, "row")) {
                Xml.skip(xml);
                continue;
            }
            int[] rowStart = offsets(xml);
            int number = number(Xml.attribute(xml, "r"), previousRow + 1);
            float height = height(Xml.attribute(xml, "ht"));
            previousRow = number;
            NamespaceContext scope = xml.getNamespaceCount() > 0 ? xml.getNonTransientNamespaceContext() : dataScope;
            TreeMap<Integer, Cell> cells = new TreeMap<>();
            int previousColumn = -1;
            while (true) {
                int inner = xml.next();
                if (inner == XMLStreamConstants.END_ELEMENT) {
                    break;
                }
                if (inner != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (!Xml.is(xml, Xml.MAIN, "c")) {
                    Xml.skip(xml);
                    continue;
                }
                int[] cellStart = offsets(xml);
                String address = Xml.attribute(xml, "r");
                int column = address == null ? previousColumn + 1 : CellRef.parse(address).map(rc -> rc[1])
                        .orElseThrow(() -> new Unsupported(Reason.MALFORMED_XML, text.part(), "a cell address «"
                                + address + "»"));
                previousColumn = column;
                String formulaType = null;
                boolean formulaRange = false;
                int depth = 1;
                while (depth > 0) {
                    int e = xml.next();
                    if (e == XMLStreamConstants.START_ELEMENT) {
                        if (depth == 1 && Xml.is(xml, Xml.MAIN, "f")) {
                            formulaType = String.valueOf(Xml.attribute(xml, "t"));
                            formulaRange = Xml.attribute(xml, "ref") != null;
                        }
                        depth++;
                    } else if (e == XMLStreamConstants.END_ELEMENT) {
                        depth--;
                    }
                }
                int cellEnd = offsets(xml)[1];
                String cellText = text.text().substring(cellStart[0], cellEnd);
                cells.put(column, new Cell(column, cellStart[0], cellEnd,
                        cellText.substring(0, cellStart[1] - cellStart[0]), formulaType, formulaRange));
            }
            int[] rowEnd = offsets(xml);
            boolean empty = rowEnd[0] == rowStart[0];
            rows.put(number - 1, new Row(number, rowStart[0], rowStart[1], empty ? rowStart[1] : rowEnd[0], rowEnd[1],
                    empty, scope, cells, height));
        }
    }

    private static float height(String ht) {
        try {
            return ht == null ? 0 : Float.parseFloat(ht);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** [start, end) of the event the reader stands on, as offsets of the text. */
    private static int[] offsets(XMLStreamReader2 xml) throws XMLStreamException {
        LocationInfo location = xml.getLocationInfo();
        return new int[] {(int) location.getStartingCharOffset(), (int) location.getEndingCharOffset()};
    }

    private int number(String value, int otherwise) throws Unsupported {
        if (value == null) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < 1 || number > CellRef.MAX_ROWS) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new Unsupported(Reason.MALFORMED_XML, text.part(), "a row number «" + value + "»");
        }
    }

    /** The style of the cell as the worksheet has it; 0 when it has no element or no style. */
    public int style(int row, int column) {
        Cell cell = cell(row, column);
        if (cell == null) {
            return 0;
        }
        String s = StartTag.value(cell.startTag(), "s");
        try {
            return s == null ? 0 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * True when the cell's formula is the first of a shared formula, an array or a data table: its
     * element cannot be replaced without breaking the cells that follow from it.
     */
    public boolean anchorsAFormulaRange(int row, int column) {
        Cell cell = cell(row, column);
        return cell != null && cell.formulaRange();
    }

    /** The r:id of the sheet's legacyDrawing (the VML of its comments), if it has one. */
    public Optional<String> legacyDrawing() {
        return Optional.ofNullable(legacyDrawing);
    }

    /** Adds a legacyDrawing pointing at the relationship given, where the schema puts it. */
    public void addLegacyDrawing(String relationship) {
        if (legacyDrawing != null) {
            throw new IllegalStateException(text.part() + " has a legacyDrawing already");
        }
        legacyDrawing = relationship;
        String element = new Markup(rootScope).start(Xml.MAIN, "legacyDrawing")
                .attribute(Xml.RELATIONSHIPS, "id", relationship).end(Xml.MAIN, "legacyDrawing").toString();
        text.insert(legacyDrawingPlace, element);
    }

    /** Writes a cell (when {@link #apply} is called). */
    public void set(int row, int column, CellContent content, int style) {
        if (content instanceof CellContent.Keep && cell(row, column) == null) {
            content = new CellContent.Blank();
        }
        writes.computeIfAbsent(row, r -> new TreeMap<>()).put(column, new Write(content, style));
    }

    /** The column's width in characters, when the sheet gives one. */
    public OptionalDouble columnWidth(int column) {
        Double width = widths.get(column);
        return width == null ? OptionalDouble.empty() : OptionalDouble.of(width);
    }

    /**
     * Makes a row at least so tall (in points), as a fixed height: only a row that exists with
     * cells in it, and only taller, never shorter than the officer made it.
     */
    public void fitHeight(int row, float points) {
        Row found = rows.get(row);
        if (found != null && !found.empty() && points > Math.max(found.height(), DEFAULT_HEIGHT)) {
            heights.merge(row, points, Math::max);
        }
    }

    /** Excel's height of a row of Calibri 11, where the sheet gives none. */
    private static final float DEFAULT_HEIGHT = 15;

    /** Splices every cell written into the part's text. */
    public void apply() {
        for (Map.Entry<Integer, Float> height : heights.entrySet()) {
            Row row = rows.get(height.getKey());
            String startTag = text.text().substring(row.start(), row.contentStart());
            text.replace(row.start(), row.contentStart(), StartTag.with(StartTag.with(startTag, "ht",
                    new BigDecimal(height.getValue()).setScale(2, RoundingMode.HALF_UP)
                            .stripTrailingZeros().toPlainString()), "customHeight", "1"));
        }
        heights.clear();
        // New rows, by where they go: before the first existing row below them, or at the data's end.
        TreeMap<Integer, Markup> newRows = new TreeMap<>();
        for (Map.Entry<Integer, TreeMap<Integer, Write>> rowWrites : writes.entrySet()) {
            Row row = rows.get(rowWrites.getKey());
            if (row == null) {
                Map.Entry<Integer, Row> below = rows.higherEntry(rowWrites.getKey());
                int at = dataEmpty ? -1 : below == null ? dataContentEnd : below.getValue().start();
                newRow(newRows.computeIfAbsent(at, a -> new Markup(dataScope)), rowWrites.getKey(),
                        rowWrites.getValue());
                continue;
            }
            List<Map.Entry<Integer, Write>> added = new ArrayList<>();
            for (Map.Entry<Integer, Write> write : rowWrites.getValue().entrySet()) {
                Cell cell = row.cells().get(write.getKey());
                if (cell == null) {
                    added.add(write);
                    continue;
                }
                String replacement;
                if (write.getValue().content() instanceof CellContent.Keep) {
                    String element = text.text().substring(cell.start(), cell.end());
                    String tag = write.getValue().style() == 0 ? StartTag.without(cell.startTag(), "s")
                            : StartTag.with(cell.startTag(), "s", String.valueOf(write.getValue().style()));
                    replacement = tag + element.substring(cell.startTag().length());
                } else {
                    Markup markup = new Markup(row.scope());
                    CellContent.write(markup, CellRef.address(rowWrites.getKey(), write.getKey()),
                            write.getValue().style(), write.getValue().content());
                    replacement = markup.toString();
                }
                text.replace(cell.start(), cell.end(), replacement);
            }
            insertCells(row, added);
        }
        for (Map.Entry<Integer, Markup> inserted : newRows.entrySet()) {
            if (inserted.getKey() < 0) {
                // <sheetData/>: written again as a start tag, the rows, an end tag.
                String element = text.text().substring(dataStart, dataEnd);
                String startTag = element.substring(0, element.lastIndexOf("/>")) + ">";
                String name = element.substring(1).split("[\\s/>]", 2)[0];
                text.replace(dataStart, dataEnd, startTag + inserted.getValue() + "</" + name + ">");
            } else {
                text.insert(inserted.getKey(), inserted.getValue().toString());
            }
        }
        writes.clear();
    }

    /** New cells of an existing row, each before the first cell to its right. */
    private void insertCells(Row row, List<Map.Entry<Integer, Write>> added) {
        if (added.isEmpty()) {
            return;
        }
        if (row.empty()) {
            // <row r="5"/>: written again as a start tag, the cells, an end tag.
            String element = text.text().substring(row.start(), row.end());
            String startTag = element.substring(0, element.lastIndexOf("/>")) + ">";
            String name = element.substring(1).split("[\\s/>]", 2)[0];
            Markup markup = new Markup(row.scope());
            for (Map.Entry<Integer, Write> write : added) {
                CellContent.write(markup, CellRef.address(row.number() - 1, write.getKey()), write.getValue().style(),
                        write.getValue().content());
            }
            text.replace(row.start(), row.end(), startTag + markup + "</" + name + ">");
            return;
        }
        for (Map.Entry<Integer, Write> write : added) {
            Map.Entry<Integer, Cell> right = row.cells().higherEntry(write.getKey());
            int at = right == null ? row.contentEnd() : right.getValue().start();
            Markup markup = new Markup(row.scope());
            CellContent.write(markup, CellRef.address(row.number() - 1, write.getKey()), write.getValue().style(),
                    write.getValue().content());
            text.insert(at, markup.toString());
        }
    }

    /** A new row with its cells. */
    private static void newRow(Markup markup, int row, TreeMap<Integer, Write> cells) {
        markup.start(Xml.MAIN, "row").attribute("r", String.valueOf(row + 1));
        for (Map.Entry<Integer, Write> write : cells.entrySet()) {
            CellContent.write(markup, CellRef.address(row, write.getKey()), write.getValue().style(),
                    write.getValue().content() instanceof CellContent.Keep ? new CellContent.Blank()
                            : write.getValue().content());
        }
        markup.end(Xml.MAIN, "row");
    }

    private Cell cell(int row, int column) {
        Row found = rows.get(row);
        return found == null ? null : found.cells().get(column);
    }
}
