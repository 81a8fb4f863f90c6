package appendixfill.workbook;

import appendixfill.input.Typed;
import appendixfill.input.UnusableInput;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Reads an OpenDocument spreadsheet (.ods) into a {@link Grid}, straight from its content.xml.
 *
 * <p>Why no library: the form needs only cell values, hidden rows, merged cells and named cells,
 * about 200 lines of StAX; a library such as SODS would add a dependency that builds a whole
 * document model, and would not apply the limits this tool keeps for every format. Here the zip is
 * opened through POI's {@link ZipSecureFile} (the same zip-bomb limits as .xlsx) and the XML with
 * DTDs and external entities refused (the same as POI's parsers).
 */
final class OdsGrid {

    private static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static final String CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0";

    /** Past this many rows or columns a repeated empty range is only counted, never stored. */
    private static final int MAX_ROWS = 1_048_576;
    private static final int MAX_COLUMNS = 16_384;

    private static final Pattern ADDRESS = Pattern.compile("\\$?'?((?:[^'.]|'')+)'?\\.\\$?([A-Z]+)\\$?(\\d+)");

    private OdsGrid() {
    }

    static Grid read(Path file, String shown) throws UnusableInput {
        try (ZipSecureFile zip = new ZipSecureFile(file.toFile())) {
            ZipArchiveEntry content = zip.getEntry("content.xml");
            if (content == null) {
                throw new IOException("content.xml missing");
            }
            // The stream below enforces the same limits while reading, but only past its first 100 kB:
            // a bomb that is not even XML would fail as "damaged" first. Its declared sizes say so at once.
            if (content.getSize() > 100_000 && (double) content.getCompressedSize() / content.getSize()
                    < ZipSecureFile.getMinInflateRatio()) {
                throw new IOException("Zip bomb detected: content.xml inflates " + content.getSize() + " bytes from "
                        + content.getCompressedSize());
            }
            try (InputStream in = zip.getInputStream(content)) {
                return parse(in);
            }
        } catch (IOException | XMLStreamException | RuntimeException e) {
            throw FormWorkbook.unreadable(shown, "LibreOffice (.ods)", e);
        }
    }

    /** Parses content.xml. */
    static Grid parse(InputStream in) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        // Decoded here, strictly: the JDK's parser would print "[Fatal Error]" on standard error
        // for a malformed byte before throwing, beside the one message the officer should see.
        java.io.Reader reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT));
        XMLStreamReader xml = factory.createXMLStreamReader(reader);
        try {
            return new Parser(xml).parse();
        } finally {
            xml.close();
        }
    }

    /** One pass over content.xml, keeping the sheet, row and column it is at. */
    private static final class Parser {
        private final XMLStreamReader xml;
        private final List<Grid.Page> pages = new ArrayList<>();
        private final Map<String, Grid.Spot> names = new HashMap<>();

        private String sheet;
        private NavigableMap<Integer, NavigableMap<Integer, Typed>> rows;
        private Set<Integer> hiddenRows;
        private List<Grid.Merge> merges;
        private int row;

        Parser(XMLStreamReader xml) {
            this.xml = xml;
        }

        Grid parse() throws XMLStreamException {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new XMLStreamException("DOCTYPE is not allowed in content.xml");
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    if (event == XMLStreamConstants.END_ELEMENT && is(TABLE, "table") && sheet != null) {
                        pages.add(new Grid.Page(sheet, false, rows, hiddenRows, merges));
                        sheet = null;
                    }
                    continue;
                }
                if (is(TABLE, "table")) {
                    sheet = attribute(TABLE, "name", "Sheet" + (pages.size() + 1));
                    rows = new TreeMap<>();
                    hiddenRows = new HashSet<>();
                    merges = new ArrayList<>();
                    row = 0;
                } else if (is(TABLE, "table-row") && sheet != null) {
                    readRow();
                } else if (is(TABLE, "named-range")) {
                    name(attribute(TABLE, "name", ""), attribute(TABLE, "cell-range-address", ""));
                }
            }
            return new Grid(pages, names);
        }

        private void readRow() throws XMLStreamException {
            int repeated = Math.max(1, Math.min(MAX_ROWS, number(attribute(TABLE, "number-rows-repeated", "1"))));
            boolean hidden = !attribute(TABLE, "visibility", "visible").equals("visible");
            Map<Integer, Typed> cells = new TreeMap<>();
            int column = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT && is(TABLE, "table-row")) {
                    break;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                boolean covered = is(TABLE, "covered-table-cell");
                if (!covered && !is(TABLE, "table-cell")) {
                    continue;
                }
                int columns = Math.max(1, Math.min(MAX_COLUMNS, number(attribute(TABLE, "number-columns-repeated", "1"))));
                int spanColumns = number(attribute(TABLE, "number-columns-spanned", "1"));
                int spanRows = number(attribute(TABLE, "number-rows-spanned", "1"));
                if (!covered && (spanColumns > 1 || spanRows > 1)) {
                    merges.add(new Grid.Merge(row, row + Math.min(spanRows, MAX_ROWS) - 1, column,
                            column + Math.min(spanColumns, MAX_COLUMNS) - 1));
                }
                Typed typed = covered ? Typed.BLANK : cell();
                if (!(typed instanceof Typed.Blank)) {
                    // A value repeated across many columns is stored for the first few only: no form needs more.
                    for (int c = 0; c < Math.min(columns, 64); c++) {
                        cells.put(column + c, typed);
                    }
                }
                column = Math.min(MAX_COLUMNS, column + columns);
            }
            if (!cells.isEmpty()) {
                for (int r = 0; r < Math.min(repeated, 64); r++) {
                    rows.put(row + r, new TreeMap<>(cells));
                    if (hidden) {
                        hiddenRows.add(row + r);
                    }
                }
            }
            row = Math.min(MAX_ROWS, row + repeated);
        }

        /** The cell the reader stands on, read to its end. */
        private Typed cell() throws XMLStreamException {
            String type = attribute(OFFICE, "value-type", "");
            String calcType = attribute(CALCEXT, "value-type", "");
            String value = attribute(OFFICE, "value", "");
            String date = attribute(OFFICE, "date-value", "");
            String bool = attribute(OFFICE, "boolean-value", "");
            String formula = attribute(TABLE, "formula", "");
            String text = text();
            Typed typed;
            if (calcType.equals("error") || formula.length() > 0 && type.isEmpty() && text.startsWith("#")) {
                typed = new Typed.Error(text.isEmpty() ? "#VALUE!" : text);
            } else {
                typed = switch (type) {
                    case "float", "currency" -> new Typed.Number(new BigDecimal(value), false);
                    case "percentage" -> new Typed.Number(new BigDecimal(value), true);
                    case "date" -> new Typed.Date(LocalDate.parse(date.length() > 10 ? date.substring(0, 10) : date));
                    case "boolean" -> new Typed.Bool(bool.equals("true"));
                    case "string" -> text.isEmpty() ? Typed.BLANK : new Typed.Text(text);
                    default -> text.isEmpty() ? Typed.BLANK : new Typed.Text(text);
                };
            }
            return formula.isEmpty() ? typed : new Typed.Formula(formula, typed);
        }

        /** The cell's text: its paragraphs joined by line breaks, text:s as spaces. */
        private String text() throws XMLStreamException {
            StringBuilder out = new StringBuilder();
            int depth = 1;
            int paragraphs = 0;
            while (depth > 0 && xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (is(TEXT, "p") && paragraphs++ > 0) {
                        out.append('\n');
                    } else if (is(TEXT, "s")) {
                        out.append(" ".repeat(Math.max(1, Math.min(1000, number(attribute(TEXT, "c", "1"))))));
                    } else if (is(TEXT, "tab")) {
                        out.append('\t');
                    } else if (is(TEXT, "line-break")) {
                        out.append('\n');
                    } else if (is(OFFICE, "annotation")) {
                        skip();
                        depth--;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                } else if (depth > 1 && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE)) {
                    // Only inside a paragraph: white space between a cell's elements is layout, not text.
                    out.append(xml.getText());
                } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new XMLStreamException("entity reference &" + xml.getLocalName() + "; is not allowed");
                }
            }
            return out.toString();
        }

        /** Skips the element the reader stands on (a comment attached to a cell). */
        private void skip() throws XMLStreamException {
            int depth = 1;
            while (depth > 0 && xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        }

        private void name(String name, String address) {
            Matcher m = ADDRESS.matcher(address);
            if (!name.isEmpty() && m.matches()) {
                int column = org.apache.poi.ss.util.CellReference.convertColStringToIndex(m.group(2));
                names.put(name, new Grid.Spot(m.group(1).replace("''", "'"), Integer.parseInt(m.group(3)) - 1, column));
            }
        }

        private boolean is(String namespace, String local) {
            return local.equals(xml.getLocalName()) && namespace.equals(xml.getNamespaceURI());
        }

        private String attribute(String namespace, String local, String otherwise) {
            String value = xml.getAttributeValue(namespace, local);
            return value == null ? otherwise : value;
        }

        private static int number(String text) {
            try {
                return Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                return 1;
            }
        }
    }
}
