package appendixfill.spreadsheet;

import appendixfill.ooxml.Unsupported;
import appendixfill.ooxml.Unsupported.Reason;
import appendixfill.ooxml.Xml;
import appendixfill.ooxml.ZipArchive;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import appendixfill.ooxml.XmlScanner;

/**
 * Reads an OpenDocument spreadsheet (.ods) into a {@link Grid}, straight from its content.xml,
 * through the same zip limits and XML layer as an .xlsx.
 *
 * <p>Why no library: the form needs only cell values, hidden rows, merged cells and named cells,
 * a couple of hundred lines of StAX; a library such as SODS would build a whole document model
 * and not apply this tool's limits.
 */
final class OdsReader {

    private static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static final String CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0";

    /** $'Phụ lục I'.$D$9, or $Sheet1.$D$9. */
    private static final Pattern ADDRESS = Pattern.compile("\\$?('(?:[^']|'')+'|[^.]+)\\.(\\$?[A-Za-z]+\\$?\\d+)");

    /** A value repeated across many columns or rows is stored for the first few only: no form needs more. */
    private static final int REPEATS_KEPT = 64;

    private OdsReader() {
    }

    static Grid read(ZipArchive zip) throws Unsupported {
        String part = zip.find("content.xml").orElseThrow(() -> new Unsupported(Reason.MISSING_PART, "content.xml",
                "an OpenDocument file without its content"));
        XmlScanner xml = XmlScanner.of(zip.read(part), part);
        Grid grid = new Parser(xml).parse();
        return grid;
    }

    /** One pass over content.xml, keeping the sheet, row and column it is at. */
    private static final class Parser {
        private final XmlScanner xml;
        private final List<Grid.Page> pages = new ArrayList<>();
        private final List<Grid.DefinedName> names = new ArrayList<>();

        private String sheet;
        private NavigableMap<Integer, NavigableMap<Integer, RawCell>> rows;
        private Set<Integer> hiddenRows;
        private List<Grid.Merge> merges;
        private int row;

        Parser(XmlScanner xml) {
            this.xml = xml;
        }

        Grid parse() throws Unsupported {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XmlScanner.END_ELEMENT) {
                    if (xml.is(TABLE, "table") && sheet != null) {
                        pages.add(new Grid.Page(sheet, false, rows, hiddenRows, merges, false));
                        sheet = null;
                    }
                    continue;
                }
                if (event != XmlScanner.START_ELEMENT) {
                    continue;
                }
                if (xml.is(TABLE, "table")) {
                    sheet = attribute(TABLE, "name", "Sheet" + (pages.size() + 1));
                    rows = new TreeMap<>();
                    hiddenRows = new HashSet<>();
                    merges = new ArrayList<>();
                    row = 0;
                } else if (xml.is(TABLE, "table-row") && sheet != null) {
                    readRow();
                } else if (xml.is(TABLE, "named-range")) {
                    // Inside a table, a name of that sheet alone; else the document's.
                    names.add(new Grid.DefinedName(attribute(TABLE, "name", ""), sheet == null ? -1 : pages.size(),
                            reference(attribute(TABLE, "cell-range-address", ""))));
                }
            }
            return new Grid(pages, names, false);
        }

        private void readRow() throws Unsupported {
            int repeated = Math.max(1, Math.min(CellRef.MAX_ROWS, number(attribute(TABLE, "number-rows-repeated", "1"))));
            boolean hidden = !attribute(TABLE, "visibility", "visible").equals("visible");
            NavigableMap<Integer, RawCell> cells = new TreeMap<>();
            int column = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XmlScanner.END_ELEMENT && xml.is(TABLE, "table-row")) {
                    break;
                }
                if (event != XmlScanner.START_ELEMENT) {
                    continue;
                }
                boolean covered = xml.is(TABLE, "covered-table-cell");
                if (!covered && !xml.is(TABLE, "table-cell")) {
                    continue;
                }
                int columns = Math.max(1, Math.min(CellRef.MAX_COLUMNS,
                        number(attribute(TABLE, "number-columns-repeated", "1"))));
                int spanColumns = number(attribute(TABLE, "number-columns-spanned", "1"));
                int spanRows = number(attribute(TABLE, "number-rows-spanned", "1"));
                if (!covered && (spanColumns > 1 || spanRows > 1)) {
                    merges.add(new Grid.Merge(row, row + Math.min(spanRows, CellRef.MAX_ROWS) - 1, column,
                            column + Math.min(spanColumns, CellRef.MAX_COLUMNS) - 1));
                }
                RawCell cell = covered ? null : cell();
                if (covered) {
                    xml.skip();
                }
                if (cell != null && !cell.isEmpty()) {
                    for (int c = 0; c < Math.min(columns, REPEATS_KEPT); c++) {
                        cells.put(column + c, cell);
                    }
                }
                column = Math.min(CellRef.MAX_COLUMNS, column + columns);
            }
            if (!cells.isEmpty()) {
                for (int r = 0; r < Math.min(repeated, REPEATS_KEPT); r++) {
                    rows.put(row + r, new TreeMap<>(cells));
                    if (hidden) {
                        hiddenRows.add(row + r);
                    }
                }
            }
            row = Math.min(CellRef.MAX_ROWS, row + repeated);
        }

        /** The cell the reader stands on, read to its end. */
        private RawCell cell() throws Unsupported {
            String type = attribute(OFFICE, "value-type", "");
            String calcType = attribute(CALCEXT, "value-type", "");
            String value = attribute(OFFICE, "value", "");
            String date = attribute(OFFICE, "date-value", "");
            String bool = attribute(OFFICE, "boolean-value", "");
            String formula = attribute(TABLE, "formula", "");
            String text = text();
            String shownFormula = formula.isEmpty() ? null : formula;
            if (calcType.equals("error") || !formula.isEmpty() && type.isEmpty() && text.startsWith("#")) {
                return new RawCell(RawCell.Kind.ERROR, text.isEmpty() ? "#VALUE!" : text, shownFormula, RawCell.GENERAL);
            }
            return switch (type) {
                case "float", "currency" -> new RawCell(RawCell.Kind.NUMBER, value, shownFormula, RawCell.GENERAL);
                case "percentage" -> new RawCell(RawCell.Kind.NUMBER, value, shownFormula, "0%");
                case "date" -> new RawCell(RawCell.Kind.DATE, date, shownFormula, RawCell.GENERAL);
                case "boolean" -> new RawCell(RawCell.Kind.BOOLEAN, bool.equals("true") ? "1" : "0", shownFormula,
                        RawCell.GENERAL);
                default -> new RawCell(text.isEmpty() && shownFormula != null ? RawCell.Kind.EMPTY : RawCell.Kind.TEXT,
                        text, shownFormula, RawCell.GENERAL);
            };
        }

        /** The cell's text: its paragraphs joined by line breaks, text:s as spaces; its comment left out. */
        private String text() throws Unsupported {
            StringBuilder out = new StringBuilder();
            int depth = 1;
            int paragraphs = 0;
            while (depth > 0 && xml.hasNext()) {
                int event = xml.next();
                if (event == XmlScanner.START_ELEMENT) {
                    depth++;
                    if (xml.is(TEXT, "p") && paragraphs++ > 0) {
                        out.append('\n');
                    } else if (xml.is(TEXT, "s")) {
                        out.append(" ".repeat(Math.max(1, Math.min(1000, number(attribute(TEXT, "c", "1"))))));
                    } else if (xml.is(TEXT, "tab")) {
                        out.append('\t');
                    } else if (xml.is(TEXT, "line-break")) {
                        out.append('\n');
                    } else if (xml.is(OFFICE, "annotation")) {
                        xml.skip();
                        depth--;
                    }
                } else if (event == XmlScanner.END_ELEMENT) {
                    depth--;
                } else if (depth > 1 && event == XmlScanner.CHARACTERS) {
                    // Only inside a paragraph: white space between a cell's elements is layout, not text.
                    out.append(xml.getText());
                }
            }
            return out.toString();
        }

        /** An OpenDocument address as a spreadsheet formula names it: $'Phụ lục I'.$D$9 → 'Phụ lục I'!$D$9. */
        private static String reference(String address) {
            Matcher m = ADDRESS.matcher(address.strip());
            if (!m.matches()) {
                return address;
            }
            String sheet = m.group(1);
            if (!sheet.startsWith("'")) {
                sheet = "'" + sheet.replace("'", "''") + "'";
            }
            return sheet + "!" + m.group(2);
        }

        private String attribute(String namespace, String local, String otherwise) throws Unsupported {
            String value = xml.attribute(namespace, local);
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
