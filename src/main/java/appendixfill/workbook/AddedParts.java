package appendixfill.workbook;

import appendixfill.form.Layout;
import static appendixfill.workbook.OpcPackage.MAIN;
import static appendixfill.workbook.OpcPackage.RELATIONSHIPS;
import static appendixfill.workbook.OpcPackage.XML_HEADER;

import appendixfill.rule.Assessment;
import appendixfill.rule.Finding;
import appendixfill.workbook.PatchedWorkbook.Note;
import appendixfill.workbook.PatchedWorkbook.Spot;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The parts the in-place patcher adds to a workbook, as XML text: the findings sheet, the ledger
 * sheet, and a sheet's comments with their VML drawing. Each reads back through POI as what
 * {@link WorkbookFiller} writes.
 */
final class AddedParts {

    private AddedParts() {
    }

    /** The findings sheet, as {@link WorkbookFiller} writes it. */
    static String findingsSheet(Assessment assessment, String summary, int bold, int wrapped,
            Function<String, String> address) {
        int[] widths = Completion.FINDINGS_WIDTHS;
        int last = Completion.FINDINGS_FIRST_ROW + assessment.findings().size();
        StringBuilder xml = new StringBuilder(XML_HEADER).append("<worksheet xmlns=\"").append(MAIN)
                .append("\" xmlns:r=\"").append(RELATIONSHIPS).append("\"><sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>")
                .append("<dimension ref=\"A1:F").append(Math.max(last, Completion.FINDINGS_HEADER_ROW + 1)).append("\"/>")
                .append("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"3\" topLeftCell=\"A4\""
                        + " activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\"/></sheetView></sheetViews>")
                .append("<sheetFormatPr defaultRowHeight=\"15\"/><cols>");
        for (int i = 0; i < widths.length; i++) {
            xml.append("<col min=\"").append(i + 1).append("\" max=\"").append(i + 1).append("\" width=\"")
                    .append(widths[i]).append("\" customWidth=\"1\"/>");
        }
        xml.append("</cols><sheetData>");
        xml.append("<row r=\"1\">").append(inline("A1", bold, summary)).append("</row>");
        xml.append("<row r=\"").append(Completion.FINDINGS_HEADER_ROW + 1).append("\">");
        List<String> header = Completion.FINDINGS_HEADER;
        for (int i = 0; i < header.size(); i++) {
            xml.append(inline(Spot.address(Completion.FINDINGS_HEADER_ROW, i), bold, header.get(i)));
        }
        xml.append("</row>");
        StringBuilder links = new StringBuilder();
        int row = Completion.FINDINGS_FIRST_ROW;
        for (Finding finding : assessment.findings()) {
            String cell = address.apply(finding.code());
            List<String> values = Completion.findingRow(row - Completion.FINDINGS_HEADER_ROW, finding, cell);
            // In twentieths of a point, as a row's height is kept.
            double height = (short) (Layout.heightFor(finding.message(), widths[Completion.FINDINGS_MESSAGE_COLUMN], 12)
                    * 20) / 20.0;
            xml.append("<row r=\"").append(row + 1).append("\" ht=\"").append(height).append("\" customHeight=\"1\">");
            for (int i = 0; i < values.size(); i++) {
                xml.append(inline(Spot.address(row, i), wrapped, values.get(i)));
            }
            xml.append("</row>");
            if (!cell.isEmpty()) {
                String target = Completion.link(cell);
                links.append("<hyperlink ref=\"").append(Spot.address(row, 3)).append("\" location=\"")
                        .append(XmlText.attribute(target)).append("\" display=\"").append(XmlText.attribute(target))
                        .append("\"/>");
            }
            row++;
        }
        xml.append("</sheetData><autoFilter ref=\"A").append(Completion.FINDINGS_HEADER_ROW + 1).append(":F")
                .append(Math.max(Completion.FINDINGS_HEADER_ROW + 1, last)).append("\"/>");
        if (links.length() > 0) {
            xml.append("<hyperlinks>").append(links).append("</hyperlinks>");
        }
        xml.append("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>")
                .append("<pageSetup paperSize=\"9\" fitToWidth=\"1\" fitToHeight=\"0\" orientation=\"landscape\"/>")
                .append("</worksheet>");
        return xml.toString();
    }

    /** The ledger sheet, as {@link Ledger#write} writes it. */
    static String ledgerSheet(Ledger ledger) {
        StringBuilder xml = new StringBuilder(XML_HEADER).append("<worksheet xmlns=\"").append(MAIN)
                .append("\"><sheetData><row r=\"1\">").append(inline("A1", 0, "code")).append(inline("B1", 0, "typed"))
                .append(inline("C1", 0, "written")).append("</row>");
        int row = 2;
        for (Map.Entry<String, Ledger.Entry> entry : ledger.entries().entrySet()) {
            xml.append("<row r=\"").append(row).append("\">").append(inline("A" + row, 0, entry.getKey()))
                    .append(inline("B" + row, 0, entry.getValue().original()))
                    .append(inline("C" + row, 0, entry.getValue().written())).append("</row>");
            row++;
        }
        return xml.append("</sheetData><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\""
                + " header=\"0.3\" footer=\"0.3\"/></worksheet>").toString();
    }

    private static String inline(String address, int style, String text) {
        return "<c r=\"" + address + "\"" + (style == 0 ? "" : " s=\"" + style + "\"")
                + " t=\"inlineStr\"><is><t xml:space=\"preserve\">" + XmlText.text(text) + "</t></is></c>";
    }

    /** A sheet's comments part: the tool's comments, in the order given. */
    static String comments(List<Note> notes) {
        StringBuilder part = new StringBuilder(XML_HEADER).append("<comments xmlns=\"").append(MAIN)
                .append("\"><authors><author>").append(WorkbookFiller.AUTHOR).append("</author></authors><commentList>");
        for (Note note : notes) {
            part.append("<comment ref=\"").append(note.spot().address()).append("\" authorId=\"0\"><text>")
                    .append("<t xml:space=\"preserve\">").append(XmlText.text(note.text())).append("</t></text></comment>");
        }
        return part.append("</commentList></comments>").toString();
    }

    /**
     * The VML drawing that gives each comment its box (Excel and LibreOffice need it to show a
     * comment); {@code block} numbers its shapes, distinct from every other drawing's.
     */
    static String vml(List<Note> notes, int block) {
        StringBuilder vml = new StringBuilder("<xml xmlns:v=\"urn:schemas-microsoft-com:vml\""
                + " xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:x=\"urn:schemas-microsoft-com:office:excel\">"
                + "<o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\" data=\"" + block + "\"/></o:shapelayout>"
                + "<v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\""
                + " path=\"m,l,21600r21600,l21600,xe\"><v:stroke joinstyle=\"miter\"/>"
                + "<v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>");
        int shape = 0;
        for (Note note : notes) {
            int row = note.spot().row();
            int column = note.spot().column();
            vml.append("<v:shape id=\"_x0000_s").append(block * 1024 + (++shape))
                    .append("\" type=\"#_x0000_t202\" style=\"position:absolute;visibility:hidden\" fillcolor=\"#ffffe1\""
                            + " o:insetmode=\"auto\"><v:fill color2=\"#ffffe1\"/><v:shadow on=\"t\" color=\"black\""
                            + " obscured=\"t\"/><v:path o:connecttype=\"none\"/><v:textbox style=\"mso-direction-alt:auto\"/>"
                            + "<x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>")
                    .append(column + 1).append(", 0, ").append(row).append(", 0, ").append(column + 5).append(", 0, ")
                    .append(Completion.commentLastRow(row, note.text()))
                    .append(", 0</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>").append(row).append("</x:Row><x:Column>")
                    .append(column).append("</x:Column></x:ClientData></v:shape>");
        }
        return vml.append("</xml>").toString();
    }
}
