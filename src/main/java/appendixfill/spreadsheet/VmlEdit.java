package appendixfill.spreadsheet;


import appendixfill.ooxml.Markup;
import appendixfill.ooxml.PartText;
import appendixfill.ooxml.Unsupported;
import appendixfill.ooxml.Xml;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.namespace.NamespaceContext;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * The VML drawing that gives each comment of a sheet its box (Excel and LibreOffice show a
 * comment only with one): boxes of notes removed and added, every other shape kept as it was.
 */
public final class VmlEdit {

    /** The VML content type. */
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.vmlDrawing";

    static final String VML = "urn:schemas-microsoft-com:vml";
    static final String OFFICE = "urn:schemas-microsoft-com:office:office";
    static final String EXCEL = "urn:schemas-microsoft-com:office:excel";
    private static final String NOTE_SHAPE_TYPE = "_x0000_t202";
    private static final Pattern SHAPE_ID = Pattern.compile("_x0000_s(\\d+)");

    /** A shape: the cell it belongs to when it is a note's box (else -1), its number and its span. */
    private record Shape(int row, int column, int number, int start, int end) {
    }

    private final PartText text;
    private final List<Shape> shapes = new ArrayList<>();
    private final java.util.Set<Shape> removed = new java.util.HashSet<>();
    private final StringBuilder added = new StringBuilder();
    private NamespaceContext scope;
    private int contentEnd;
    private boolean hasNoteType;
    private int block;
    /** The next shape's number; 0 until the first note is added (numbered after the shapes kept). */
    private int nextShape;

    private VmlEdit(PartText text) {
        this.text = text;
    }

    /** A drawing as read. */
    public static VmlEdit of(PartText text) throws Unsupported {
        VmlEdit edit = new VmlEdit(text);
        edit.read();
        return edit;
    }

    /**
     * A new drawing.
     *
     * @param block the block of shape numbers it uses (1024 a block), distinct from every other drawing's
     */
    public static VmlEdit fresh(String part, int block) throws Unsupported {
        Markup markup = Markup.fresh().start("", "xml").start(OFFICE, "shapelayout").attribute(VML, "ext", "edit")
                .start(OFFICE, "idmap").attribute(VML, "ext", "edit").attribute("data", String.valueOf(block))
                .end(OFFICE, "idmap").end(OFFICE, "shapelayout").text("").end("", "xml");
        return of(PartText.fresh(part, markup.toString()));
    }

    private void read() throws Unsupported {
        XMLStreamReader2 xml = text.reader();
        try {
            scope = xml.getNonTransientNamespaceContext();
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    contentEnd = (int) xml.getLocationInfo().getStartingCharOffset();
                    break;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                int start = (int) xml.getLocationInfo().getStartingCharOffset();
                if (Xml.is(xml, OFFICE, "shapelayout")) {
                    while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                        if (Xml.is(xml, OFFICE, "idmap")) {
                            for (String number : String.valueOf(Xml.attribute(xml, "data")).split("[, ]+")) {
                                if (number.matches("\\d{1,6}")) {
                                    block = Math.max(block, Integer.parseInt(number));
                                }
                            }
                        }
                        Xml.skip(xml);
                    }
                    continue;
                }
                if (Xml.is(xml, VML, "shapetype") && NOTE_SHAPE_TYPE.equals(Xml.attribute(xml, "id"))) {
                    hasNoteType = true;
                }
                if (Xml.is(xml, VML, "shape")) {
                    Matcher id = SHAPE_ID.matcher(String.valueOf(Xml.attribute(xml, "id")));
                    int number = id.matches() && id.group(1).length() < 9 ? Integer.parseInt(id.group(1)) : 0;
                    int[] note = note(xml);
                    shapes.add(new Shape(note == null ? -1 : note[0], note == null ? -1 : note[1], number, start,
                            (int) xml.getLocationInfo().getEndingCharOffset()));
                    continue;
                }
                Xml.skip(xml);
            }
        } catch (XMLStreamException e) {
            throw Xml.failure(e, text.part());
        }
    }

    /** Reads a shape to its end: {row, column} when it is a note's box, else null. */
    private static int[] note(XMLStreamReader2 xml) throws XMLStreamException {
        boolean note = false;
        int row = -1;
        int column = -1;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (Xml.is(xml, EXCEL, "ClientData")) {
                    note = "Note".equals(Xml.attribute(xml, "ObjectType"));
                } else if (Xml.is(xml, EXCEL, "Row")) {
                    row = number(Xml.text(xml));
                    depth--;
                } else if (Xml.is(xml, EXCEL, "Column")) {
                    column = number(Xml.text(xml));
                    depth--;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return note && row >= 0 && column >= 0 ? new int[] {row, column} : null;
    }

    private static int number(String text) {
        return text.strip().matches("\\d{1,7}") ? Integer.parseInt(text.strip()) : -1;
    }

    /** The block of shape numbers of this drawing. */
    public int block() {
        return block;
    }

    /** Removes the box of the note at a cell, if it has one. */
    public void removeNote(int row, int column) {
        for (Shape shape : shapes) {
            if (shape.row() == row && shape.column() == column && removed.add(shape)) {
                text.replace(shape.start(), shape.end(), "");
            }
        }
    }

    /** Adds a hidden box for a note at a cell, spanning four columns to its right down to {@code lastRow}. */
    public void addNote(int row, int column, int lastRow) {
        if (nextShape == 0) {
            // After the shapes kept, so that completing a workbook again numbers its notes as before.
            nextShape = block * 1024;
            for (Shape shape : shapes) {
                if (!removed.contains(shape)) {
                    nextShape = Math.max(nextShape, shape.number());
                }
            }
            nextShape++;
        }
        if (!hasNoteType) {
            added.append(new Markup(scope).start(VML, "shapetype").attribute("id", NOTE_SHAPE_TYPE)
                    .attribute("coordsize", "21600,21600").attribute(OFFICE, "spt", "202")
                    .attribute("path", "m,l,21600r21600,l21600,xe").start(VML, "stroke").attribute("joinstyle", "miter")
                    .end(VML, "stroke").start(VML, "path").attribute("gradientshapeok", "t")
                    .attribute(OFFICE, "connecttype", "rect").end(VML, "path").end(VML, "shapetype"));
            hasNoteType = true;
        }
        added.append(new Markup(scope).start(VML, "shape").attribute("id", "_x0000_s" + nextShape++)
                .attribute("type", "#" + NOTE_SHAPE_TYPE).attribute("style", "position:absolute;visibility:hidden")
                .attribute("fillcolor", "#ffffe1").attribute(OFFICE, "insetmode", "auto")
                .start(VML, "fill").attribute("color2", "#ffffe1").end(VML, "fill")
                .start(VML, "shadow").attribute("on", "t").attribute("color", "black").attribute("obscured", "t")
                .end(VML, "shadow")
                .start(VML, "path").attribute(OFFICE, "connecttype", "none").end(VML, "path")
                .start(VML, "textbox").attribute("style", "mso-direction-alt:auto").end(VML, "textbox")
                .start(EXCEL, "ClientData").attribute("ObjectType", "Note")
                .start(EXCEL, "MoveWithCells").end(EXCEL, "MoveWithCells")
                .start(EXCEL, "SizeWithCells").end(EXCEL, "SizeWithCells")
                .start(EXCEL, "Anchor").text((column + 1) + ", 0, " + row + ", 0, " + (column + 5) + ", 0, " + lastRow
                        + ", 0").end(EXCEL, "Anchor")
                .start(EXCEL, "AutoFill").text("False").end(EXCEL, "AutoFill")
                .start(EXCEL, "Row").text(String.valueOf(row)).end(EXCEL, "Row")
                .start(EXCEL, "Column").text(String.valueOf(column)).end(EXCEL, "Column")
                .end(EXCEL, "ClientData").end(VML, "shape"));
    }

    /** The part's text with what was added. */
    public PartText apply() {
        if (added.length() > 0) {
            text.insert(contentEnd, added.toString());
            added.setLength(0);
        }
        return text;
    }
}
