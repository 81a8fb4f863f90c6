package appendixfill.spreadsheet;

import appendixfill.ooxml.Markup;
import appendixfill.ooxml.Xml;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A worksheet the tool writes whole, small enough to hold in memory (the findings of one workbook,
 * its ledger): rows of text cells with their styles and heights, column widths, frozen rows, an
 * autofilter, links to cells, and its print set-up.
 */
public final class NewSheet {

    /** A cell of text with its style; a style of 0 is the default one. */
    public record TextCell(String text, int style) {
    }

    private record Row(int index, double height, List<TextCell> cells) {
    }

    private record Link(String ref, String location) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private int[] widths = new int[0];
    private int frozenRows;
    private String autoFilter;
    private boolean landscape;
    private boolean fitToWidth;
    private String footer;

    /** Column widths, in characters, from column A. */
    public NewSheet columns(int... widths) {
        this.widths = widths.clone();
        return this;
    }

    /** Keeps the first rows in view when scrolling. */
    public NewSheet frozenRows(int rows) {
        this.frozenRows = rows;
        return this;
    }

    /**
     * A row of text cells from column A.
     *
     * @param index the row, from 0
     * @param height its height in points; 0 for the default
     */
    public NewSheet row(int index, double height, List<TextCell> cells) {
        rows.add(new Row(index, height, List.copyOf(cells)));
        return this;
    }

    /** A link from a cell (D4) to a place in the workbook ('Phụ lục I'!D40). */
    public NewSheet link(String ref, String location) {
        links.add(new Link(ref, location));
        return this;
    }

    /** An autofilter over a range (A3:F40). */
    public NewSheet autoFilter(String range) {
        this.autoFilter = range;
        return this;
    }

    /** Printed on A4, landscape or not, fitted to the page's width or not, with a footer (Excel's codes, &P…). */
    public NewSheet print(boolean landscape, boolean fitToWidth, String footer) {
        this.landscape = landscape;
        this.fitToWidth = fitToWidth;
        this.footer = footer;
        return this;
    }

    /** The worksheet part, UTF-8. */
    public byte[] xml() {
        Markup xml = Markup.fresh().start(Xml.MAIN, "worksheet");
        // The relationships namespace is used by no element here: declared for a reader's sake only when needed.
        if (fitToWidth) {
            xml.start(Xml.MAIN, "sheetPr").start(Xml.MAIN, "pageSetUpPr").attribute("fitToPage", "1")
                    .end(Xml.MAIN, "pageSetUpPr").end(Xml.MAIN, "sheetPr");
        }
        int lastRow = rows.stream().mapToInt(Row::index).max().orElse(0);
        int lastColumn = Math.max(widths.length, rows.stream().mapToInt(r -> r.cells().size()).max().orElse(1)) - 1;
        xml.start(Xml.MAIN, "dimension").attribute("ref", "A1:" + CellRef.address(lastRow, Math.max(0, lastColumn)))
                .end(Xml.MAIN, "dimension");
        xml.start(Xml.MAIN, "sheetViews").start(Xml.MAIN, "sheetView").attribute("workbookViewId", "0");
        if (frozenRows > 0) {
            xml.start(Xml.MAIN, "pane").attribute("ySplit", String.valueOf(frozenRows))
                    .attribute("topLeftCell", CellRef.address(frozenRows, 0)).attribute("activePane", "bottomLeft")
                    .attribute("state", "frozen").end(Xml.MAIN, "pane")
                    .start(Xml.MAIN, "selection").attribute("pane", "bottomLeft").end(Xml.MAIN, "selection");
        }
        xml.end(Xml.MAIN, "sheetView").end(Xml.MAIN, "sheetViews");
        xml.start(Xml.MAIN, "sheetFormatPr").attribute("defaultRowHeight", "15").end(Xml.MAIN, "sheetFormatPr");
        if (widths.length > 0) {
            xml.start(Xml.MAIN, "cols");
            for (int i = 0; i < widths.length; i++) {
                xml.start(Xml.MAIN, "col").attribute("min", String.valueOf(i + 1)).attribute("max", String.valueOf(i + 1))
                        .attribute("width", String.valueOf(widths[i])).attribute("customWidth", "1").end(Xml.MAIN, "col");
            }
            xml.end(Xml.MAIN, "cols");
        }
        xml.start(Xml.MAIN, "sheetData");
        for (Row row : rows) {
            xml.start(Xml.MAIN, "row").attribute("r", String.valueOf(row.index() + 1));
            if (row.height() > 0) {
                xml.attribute("ht", String.valueOf(row.height())).attribute("customHeight", "1");
            }
            for (int c = 0; c < row.cells().size(); c++) {
                TextCell cell = row.cells().get(c);
                CellContent.write(xml, CellRef.address(row.index(), c), cell.style(), new CellContent.Text(cell.text()));
            }
            xml.end(Xml.MAIN, "row");
        }
        xml.text("").end(Xml.MAIN, "sheetData");
        if (autoFilter != null) {
            xml.start(Xml.MAIN, "autoFilter").attribute("ref", autoFilter).end(Xml.MAIN, "autoFilter");
        }
        if (!links.isEmpty()) {
            xml.start(Xml.MAIN, "hyperlinks");
            for (Link link : links) {
                xml.start(Xml.MAIN, "hyperlink").attribute("ref", link.ref()).attribute("location", link.location())
                        .attribute("display", link.location()).end(Xml.MAIN, "hyperlink");
            }
            xml.end(Xml.MAIN, "hyperlinks");
        }
        xml.start(Xml.MAIN, "pageMargins").attribute("left", "0.7").attribute("right", "0.7").attribute("top", "0.75")
                .attribute("bottom", "0.75").attribute("header", "0.3").attribute("footer", "0.3")
                .end(Xml.MAIN, "pageMargins");
        xml.start(Xml.MAIN, "pageSetup").attribute("paperSize", "9");
        if (fitToWidth) {
            xml.attribute("fitToWidth", "1").attribute("fitToHeight", "0");
        }
        xml.attribute("orientation", landscape ? "landscape" : "portrait").end(Xml.MAIN, "pageSetup");
        if (footer != null) {
            xml.start(Xml.MAIN, "headerFooter").start(Xml.MAIN, "oddFooter").text(footer).end(Xml.MAIN, "oddFooter")
                    .end(Xml.MAIN, "headerFooter");
        }
        xml.end(Xml.MAIN, "worksheet");
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + xml).getBytes(StandardCharsets.UTF_8);
    }
}
