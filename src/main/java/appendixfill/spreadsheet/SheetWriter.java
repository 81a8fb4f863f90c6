package appendixfill.spreadsheet;

import appendixfill.ooxml.Xml;
import appendixfill.spreadsheet.ExcelText;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.util.CellReference;

/**
 * Writes a plain .xlsx straight as SpreadsheetML, row by row, into its zip: for the consolidated
 * workbook, whose hundreds of thousands of cells (a column per commune) POI's writers take
 * seconds and much memory to write. Texts are inline strings; the few cell looks are fixed in
 * {@link Look}. The zip entries carry a fixed time, so the same input gives the same bytes.
 */
public final class SheetWriter implements AutoCloseable {

    /**
     * The cell looks of styles.xml. Texts wrap in their cells (the row's height is the caller's to
     * give); numbers shrink to fit rather than show ###; every look but the first three is boxed.
     */
    public enum Look {
        /** Nothing set: the hidden sheet's text. */
        DEFAULT(0, 0, 0, 0, null),
        /** A title: bold, centred, wrapped (in cells merged across the table). */
        TITLE(0, 1, 0, 0, "horizontal=\"center\" vertical=\"center\" wrapText=\"1\""),
        /** A line of explanation under a title, wrapped. */
        PLAIN(0, 0, 0, 0, "vertical=\"top\" wrapText=\"1\""),
        /** A column's title: bold, centred, wrapped. */
        HEADER(0, 1, 0, 1, "horizontal=\"center\" vertical=\"center\" wrapText=\"1\""),
        CELL(0, 0, 0, 1, "vertical=\"top\" wrapText=\"1\""),
        /** A short text centred: an STT, a unit of measure. */
        CENTRED_CELL(0, 0, 0, 1, "horizontal=\"center\" vertical=\"top\" wrapText=\"1\""),
        BOLD_CELL(0, 1, 0, 1, "vertical=\"top\" wrapText=\"1\""),
        COUNT(3, 0, 0, 1, "vertical=\"top\" shrinkToFit=\"1\""),
        RATE(164, 0, 0, 1, "vertical=\"top\" shrinkToFit=\"1\""),
        TOTAL_COUNT(3, 1, 2, 1, "vertical=\"top\" shrinkToFit=\"1\""),
        TOTAL_RATE(164, 1, 2, 1, "vertical=\"top\" shrinkToFit=\"1\""),
        TOTAL_CELL(0, 1, 2, 1, "vertical=\"top\" wrapText=\"1\"");

        private final int format;
        private final int font;
        private final int fill;
        private final int border;
        private final String alignment;

        Look(int format, int font, int fill, int border, String alignment) {
            this.format = format;
            this.font = font;
            this.fill = fill;
            this.border = border;
            this.alignment = alignment;
        }
    }

    /**
     * A cell's background where it needs the reader's eye, in the colours of a completed
     * workbook's findings (form.Completion.Shade, indices of Excel's legacy palette): rose for an
     * error, light yellow for a doubt, pale blue for what is only to be known. It replaces a
     * look's own grey.
     */
    public enum Shade {
        NONE(-1), ERROR(45), WARNING(43), INFO(41);

        private final int colour;

        Shade(int colour) {
            this.colour = colour;
        }
    }

    /**
     * How a sheet prints: on A4, landscape or portrait, either fitted to the page's width
     * ({@code scale} 0) or at a fixed scale in percent, its first {@code repeatedColumns} columns
     * and its rows {@code firstRepeatedRow}..{@code lastRepeatedRow} (0-based; -1 for none)
     * repeated on every page, pages numbered in the footer and ordered across, then down.
     */
    public record Page(boolean landscape, int scale, int repeatedColumns, int firstRepeatedRow, int lastRepeatedRow) {

        /** The defaults of a sheet nobody prints (a hidden one). */
        public static final Page NONE = new Page(false, 100, 0, -1, -1);

        public Page {
            if (scale != 0 && (scale < 10 || scale > 400)) {
                throw new IllegalArgumentException("a print scale lies in 10–400 %, or is 0 (fit to width): " + scale);
            }
            if (lastRepeatedRow < firstRepeatedRow || firstRepeatedRow < -1 || (firstRepeatedRow == -1) != (lastRepeatedRow == -1)) {
                throw new IllegalArgumentException("repeated rows are a first and a last row, or none: "
                        + firstRepeatedRow + ".." + lastRepeatedRow);
            }
        }

        /** Fitted to the page's width, as many pages tall as it takes; {@code headerRow} repeated on each. */
        public static Page fittedToWidth(boolean landscape, int repeatedColumns, int headerRow) {
            return new Page(landscape, 0, repeatedColumns, headerRow, headerRow);
        }

        /** At a fixed scale, as many pages wide and tall as it takes; {@code headerRow} repeated on each. */
        public static Page scaled(boolean landscape, int scale, int repeatedColumns, int headerRow) {
            return new Page(landscape, scale, repeatedColumns, headerRow, headerRow);
        }
    }

    /** The footer of every printed page: «Trang 2/5», centred, in the font of official documents (as form.Layout's). */
    static final String FOOTER = "&C&\"Times New Roman,Regular\"&10Trang &P/&N";

    /** One sheet to be listed in workbook.xml, with what it repeats on every printed page. */
    private record SheetEntry(String name, boolean veryHidden, Page page) {
    }

    private static final long FIXED_TIME = 1_700_000_000_000L;

    private final ZipOutputStream zip;
    private final List<SheetEntry> sheets = new ArrayList<>();
    /**
     * The sheet's XML, encoded here rather than by a Writer: hundreds of thousands of cells are
     * mostly fixed ASCII pieces, copied as bytes prepared once.
     */
    private final byte[] buffer = new byte[1 << 16];
    private int buffered;
    private int rowOpen = -1;
    private String rowNumber = "";
    private byte[] rowBytes = new byte[0];
    private final List<String> columnLetters = new ArrayList<>();
    private final List<byte[]> columnBytes = new ArrayList<>();
    private final List<String> merges = new ArrayList<>();
    private Page page = Page.NONE;

    public SheetWriter(OutputStream out) {
        // The deflater hands its output on in pieces of 512 bytes: not one system call each.
        zip = new ZipOutputStream(new java.io.BufferedOutputStream(out, 1 << 16), StandardCharsets.UTF_8);
        // Speed over size: the zip is written once and read by a spreadsheet.
        zip.setLevel(Deflater.BEST_SPEED);
    }

    /**
     * Starts a sheet. {@code widths} are column widths in characters, then {@code defaultWidth}
     * from column {@code defaultWidthFrom} (0-based) up to {@code columns}; {@code frozenColumns}
     * and {@code frozenRows} freeze the top-left panes.
     */
    public void startSheet(String name, boolean veryHidden, int[] widths, int defaultWidthFrom, int defaultWidth,
            int columns, int frozenColumns, int frozenRows, Page page) throws IOException {
        sheets.add(new SheetEntry(name, veryHidden, page));
        this.page = page;
        merges.clear();
        entry("xl/worksheets/sheet" + sheets.size() + ".xml");
        write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + MAIN
                + "\" xmlns:r=\"" + REL + "\">" + (page.scale() == 0
                ? "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>" : "")
                + "<sheetViews><sheetView workbookViewId=\"0\"" + (sheets.size() == 1 ? " tabSelected=\"1\"" : "") + ">");
        if (frozenColumns > 0 || frozenRows > 0) {
            String topLeft = CellReference.convertNumToColString(frozenColumns) + (frozenRows + 1);
            write("<pane" + (frozenColumns > 0 ? " xSplit=\"" + frozenColumns + "\"" : "")
                    + (frozenRows > 0 ? " ySplit=\"" + frozenRows + "\"" : "") + " topLeftCell=\"" + topLeft
                    + "\" activePane=\"bottomRight\" state=\"frozen\"/>");
        }
        write("</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><cols>");
        for (int i = 0; i < widths.length; i++) {
            write("<col min=\"" + (i + 1) + "\" max=\"" + (i + 1) + "\" width=\"" + widths[i]
                    + "\" customWidth=\"1\"/>");
        }
        if (columns > defaultWidthFrom) {
            write("<col min=\"" + (defaultWidthFrom + 1) + "\" max=\"" + columns + "\" width=\"" + defaultWidth
                    + "\" customWidth=\"1\"/>");
        }
        if (widths.length == 0 && columns <= defaultWidthFrom) {
            write("<col min=\"1\" max=\"1\" width=\"10\"/>");
        }
        write("</cols><sheetData>");
    }

    /** Starts row {@code row} (0-based); rows must come in order. */
    public void row(int row) throws IOException {
        row(row, 0);
    }

    /** Starts a row of the given height in points (0: the default), for wrapped text. */
    public void row(int row, float height) throws IOException {
        endRow();
        rowNumber = String.valueOf(row + 1);
        rowBytes = rowNumber.getBytes(StandardCharsets.US_ASCII);
        write("<row r=\"" + rowNumber + "\"" + (height > 0 ? " ht=\"" + height + "\" customHeight=\"1\"" : "")
                + ">");
        rowOpen = row;
    }

    /** Cells {@code first}..{@code last} of the current row shown as one (a title across the table). */
    public void merge(int first, int last) {
        merges.add(columnName(first) + rowNumber + ":" + columnName(last) + rowNumber);
    }

    public void text(int column, String text, Look look) throws IOException {
        text(column, text, look, Shade.NONE);
    }

    public void text(int column, String text, Look look, Shade shade) throws IOException {
        start(column, look, shade);
        if (text.isEmpty()) {
            write(EMPTY_END);
            return;
        }
        write(INLINE_START);
        write(Xml.escape(ExcelText.encode(text)));
        write(INLINE_END);
    }

    public void number(int column, String plainNumber, Look look) throws IOException {
        number(column, plainNumber, look, Shade.NONE);
    }

    public void number(int column, String plainNumber, Look look, Shade shade) throws IOException {
        start(column, look, shade);
        write(VALUE_START);
        write(plainNumber);
        write(VALUE_END);
    }

    /** A formula and the number it evaluates to, saved with it. */
    public void formula(int column, String formula, String plainNumber, Look look, Shade shade) throws IOException {
        write("<c r=\"" + address(column) + "\" s=\"" + style(look, shade) + "\"><f>");
        escape(formula);
        write("</f><v>" + plainNumber + "</v></c>");
    }

    /** A formula whose saved result is a text (possibly empty: a missing total). */
    public void formulaText(int column, String formula, String text, Look look, Shade shade) throws IOException {
        write("<c r=\"" + address(column) + "\" s=\"" + style(look, shade) + "\" t=\"str\"><f>");
        escape(formula);
        write("</f><v>");
        write(Xml.escape(ExcelText.encode(text)));
        write("</v></c>");
    }

    public void endSheet() throws IOException {
        endRow();
        write("</sheetData>");
        if (!merges.isEmpty()) {
            write("<mergeCells count=\"" + merges.size() + "\">");
            for (String merge : merges) {
                write("<mergeCell ref=\"" + merge + "\"/>");
            }
            write("</mergeCells>");
        }
        if (page.equals(Page.NONE)) {
            write("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>");
        } else {
            // Narrow margins, as official tables print: a little more on the left, for binding.
            write("<printOptions horizontalCentered=\"1\"/><pageMargins left=\"0.5\" right=\"0.35\" top=\"0.5\""
                    + " bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/><pageSetup paperSize=\"9\""
                    + (page.scale() == 0 ? " fitToWidth=\"1\" fitToHeight=\"0\"" : " scale=\"" + page.scale() + "\"")
                    + " pageOrder=\"overThenDown\" orientation=\"" + (page.landscape() ? "landscape" : "portrait")
                    + "\"/><headerFooter><oddFooter>" + escaped(FOOTER) + "</oddFooter></headerFooter>");
        }
        write("</worksheet>");
        flush();
        zip.closeEntry();
    }

    /** Writes the parts that list the sheets, the styles and the document's properties (custom ones as text). */
    public void finish(String title, java.util.Map<String, String> properties) throws IOException {
        part("[Content_Types].xml", contentTypes());
        part("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\""
                + PKG_REL + "\"><Relationship Id=\"rId1\" Type=\"" + REL + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/"
                + "metadata/core-properties\" Target=\"docProps/core.xml\"/><Relationship Id=\"rId3\" Type=\"" + REL
                + "/extended-properties\" Target=\"docProps/app.xml\"/><Relationship Id=\"rId4\" Type=\"" + REL
                + "/custom-properties\" Target=\"docProps/custom.xml\"/></Relationships>");
        part("docProps/core.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties"
                + " xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>appendix-fill</dc:creator><dc:title>"
                + escaped(title) + "</dc:title></cp:coreProperties>");
        part("docProps/app.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Properties xmlns=\""
                + "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>appendix-fill"
                + "</Application></Properties>");
        part("docProps/custom.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Properties xmlns=\""
                + "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" xmlns:vt=\""
                + "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
                + customProperties(properties) + "</Properties>");
        StringBuilder workbook = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL + "\"><bookViews><workbookView activeTab=\"0\"/>"
                + "</bookViews><sheets>");
        StringBuilder rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"" + PKG_REL + "\">");
        for (int i = 0; i < sheets.size(); i++) {
            workbook.append("<sheet name=\"").append(escaped(sheets.get(i).name())).append("\" sheetId=\"").append(i + 1)
                    .append(sheets.get(i).veryHidden() ? "\" state=\"veryHidden" : "").append("\" r:id=\"rId")
                    .append(i + 1).append("\"/>");
            rels.append("<Relationship Id=\"rId").append(i + 1).append("\" Type=\"").append(REL)
                    .append("/worksheet\" Target=\"worksheets/sheet").append(i + 1).append(".xml\"/>");
        }
        workbook.append("</sheets>");
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < sheets.size(); i++) {
            Page page = sheets.get(i).page();
            String quoted = "'" + sheets.get(i).name().replace("'", "''") + "'!";
            List<String> titles = new ArrayList<>();
            if (page.repeatedColumns() > 0) {
                titles.add(quoted + "$A:$" + columnName(page.repeatedColumns() - 1));
            }
            if (page.firstRepeatedRow() >= 0) {
                titles.add(quoted + "$" + (page.firstRepeatedRow() + 1) + ":$" + (page.lastRepeatedRow() + 1));
            }
            if (!titles.isEmpty()) {
                names.append("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"").append(i).append("\">")
                        .append(escaped(String.join(",", titles))).append("</definedName>");
            }
        }
        if (names.length() > 0) {
            workbook.append("<definedNames>").append(names).append("</definedNames>");
        }
        workbook.append("</workbook>");
        rels.append("<Relationship Id=\"rId").append(sheets.size() + 1).append("\" Type=\"").append(REL)
                .append("/styles\" Target=\"styles.xml\"/></Relationships>");
        part("xl/workbook.xml", workbook.toString());
        part("xl/_rels/workbook.xml.rels", rels.toString());
        part("xl/styles.xml", STYLES);
    }

    @Override
    public void close() throws IOException {
        zip.finish();
        zip.flush();
    }

    private void endRow() throws IOException {
        if (rowOpen >= 0) {
            write("</row>");
            rowOpen = -1;
        }
    }

    /** {@code <c r="G12" s="6"}: hundreds of thousands of cells, so written in pieces, not concatenated. */
    private void start(int column, Look look, Shade shade) throws IOException {
        letters(column);
        write(CELL_START);
        write(columnBytes.get(column));
        write(rowBytes);
        write(STYLE_ATTRIBUTES[style(look, shade)]);
    }

    /** The index in cellXfs of a look in a shade: the looks unshaded, then the looks in each shade. */
    private static int style(Look look, Shade shade) {
        return shade.ordinal() * LOOKS.length + look.ordinal();
    }

    private static final Look[] LOOKS = Look.values();

    private static final byte[] CELL_START = ascii("<c r=\"");
    private static final byte[] EMPTY_END = ascii("/>");
    private static final byte[] INLINE_START = ascii(" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
    private static final byte[] INLINE_END = ascii("</t></is></c>");
    private static final byte[] VALUE_START = ascii("><v>");
    private static final byte[] VALUE_END = ascii("</v></c>");
    private static final byte[][] STYLE_ATTRIBUTES = java.util.stream.IntStream
            .range(0, Look.values().length * Shade.values().length)
            .mapToObj(style -> ascii("\" s=\"" + style + "\"")).toArray(byte[][]::new);

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private String address(int column) {
        return columnName(column) + rowNumber;
    }

    private String columnName(int column) {
        letters(column);
        return columnLetters.get(column);
    }

    /** Thousands of unit columns, a hundred rows each: the letters are worked out once per column. */
    private void letters(int column) {
        while (columnLetters.size() <= column) {
            String letters = CellReference.convertNumToColString(columnLetters.size());
            columnLetters.add(letters);
            columnBytes.add(ascii(letters));
        }
    }

    private void write(byte[] bytes) throws IOException {
        if (buffer.length - buffered < bytes.length) {
            flush();
            if (bytes.length > buffer.length) {
                zip.write(bytes);
                return;
            }
        }
        System.arraycopy(bytes, 0, buffer, buffered, bytes.length);
        buffered += bytes.length;
    }

    /** Encodes as UTF-8, as an OutputStreamWriter would (a lone surrogate becomes '?'). */
    private void write(String text) throws IOException {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (buffer.length - buffered < 4) {
                flush();
            }
            char c = text.charAt(i);
            if (c < 0x80) {
                buffer[buffered++] = (byte) c;
            } else if (c < 0x800) {
                buffer[buffered++] = (byte) (0xC0 | c >> 6);
                buffer[buffered++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                int point = Character.toCodePoint(c, text.charAt(++i));
                buffer[buffered++] = (byte) (0xF0 | point >> 18);
                buffer[buffered++] = (byte) (0x80 | point >> 12 & 0x3F);
                buffer[buffered++] = (byte) (0x80 | point >> 6 & 0x3F);
                buffer[buffered++] = (byte) (0x80 | point & 0x3F);
            } else if (Character.isSurrogate(c)) {
                buffer[buffered++] = '?';
            } else {
                buffer[buffered++] = (byte) (0xE0 | c >> 12);
                buffer[buffered++] = (byte) (0x80 | c >> 6 & 0x3F);
                buffer[buffered++] = (byte) (0x80 | c & 0x3F);
            }
        }
    }

    private static String customProperties(java.util.Map<String, String> properties) {
        StringBuilder xml = new StringBuilder();
        int id = 2;
        for (java.util.Map.Entry<String, String> property : properties.entrySet()) {
            xml.append(property(id++, property.getKey(), property.getValue()));
        }
        return xml.toString();
    }

    private void flush() throws IOException {
        zip.write(buffer, 0, buffered);
        buffered = 0;
    }

    private void escape(String text) throws IOException {
        write(escaped(text));
    }

    /** XML-escaped for an attribute or an element's text. */
    static String escaped(String text) {
        return Xml.escapeAttribute(text);
    }

    private void entry(String name) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(FIXED_TIME);
        zip.putNextEntry(entry);
    }

    private void part(String name, String xml) throws IOException {
        entry(name);
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private String contentTypes() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
                + "spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
                + "spreadsheetml.styles+xml\"/>"
                + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package."
                + "core-properties+xml\"/>"
                + "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
                + "extended-properties+xml\"/>"
                + "<Override PartName=\"/docProps/custom.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
                + "custom-properties+xml\"/>");
        for (int i = 1; i <= sheets.size(); i++) {
            xml.append("<Override PartName=\"/xl/worksheets/sheet").append(i).append(".xml\" ContentType=\""
                    + "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }
        return xml.append("</Types>").toString();
    }

    private static String property(int id, String name, String value) {
        return "<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"" + id + "\" name=\"" + escaped(name)
                + "\"><vt:lpwstr>" + escaped(value) + "</vt:lpwstr></property>";
    }

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

    /**
     * The styles of {@link Look} in each {@link Shade}, in their order: fonts 0 normal, 1 bold;
     * fills 0 none, 1 gray125 (both required), 2 grey, then one per shade; border 1 thin.
     */
    private static final String STYLES = styles();

    private static String styles() {
        StringBuilder fills = new StringBuilder("<fill><patternFill patternType=\"none\"/></fill><fill><patternFill"
                + " patternType=\"gray125\"/></fill>" + solidFill(GREY));
        for (Shade shade : Shade.values()) {
            if (shade != Shade.NONE) {
                fills.append(solidFill(shade.colour));
            }
        }
        StringBuilder xfs = new StringBuilder();
        for (Shade shade : Shade.values()) {
            for (Look look : Look.values()) {
                int fill = shade == Shade.NONE ? look.fill : 2 + shade.ordinal();
                xfs.append(look.alignment == null && shade == Shade.NONE
                        ? "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
                        : xf(look.format, look.font, fill, look.border, look.alignment == null ? "" : look.alignment));
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<styleSheet xmlns=\"" + MAIN + "\">"
                + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"0.00\"/></numFmts>"
                + "<fonts count=\"2\"><font><sz val=\"12\"/><name val=\"Times New Roman\"/></font>"
                + "<font><b/><sz val=\"12\"/><name val=\"Times New Roman\"/></font></fonts>"
                + "<fills count=\"" + (2 + Shade.values().length) + "\">" + fills + "</fills>"
                + "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style=\"thin\"/>"
                + "<right style=\"thin\"/><top style=\"thin\"/><bottom style=\"thin\"/><diagonal/></border></borders>"
                + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
                + "<cellXfs count=\"" + Look.values().length * Shade.values().length + "\">" + xfs + "</cellXfs>"
                + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
                + "</styleSheet>";
    }

    /** The grey of a total's cell, as of a derived rate's in the form: index 22 of the legacy palette. */
    private static final int GREY = 22;

    private static String solidFill(int colour) {
        return "<fill><patternFill patternType=\"solid\"><fgColor indexed=\"" + colour + "\"/><bgColor indexed=\"64\"/>"
                + "</patternFill></fill>";
    }

    private static String xf(int format, int font, int fill, int border, String alignment) {
        return "<xf numFmtId=\"" + format + "\" fontId=\"" + font + "\" fillId=\"" + fill + "\" borderId=\"" + border
                + "\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\""
                + " applyAlignment=\"1\"><alignment " + alignment + "/></xf>";
    }
}
