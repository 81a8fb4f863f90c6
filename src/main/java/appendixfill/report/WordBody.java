package appendixfill.report;

import appendixfill.ooxml.Xml;
import appendixfill.report.WordDocument.Comment;
import appendixfill.report.WordDocument.Layout;
import appendixfill.report.WordDocument.Paragraph;
import appendixfill.report.WordDocument.Run;
import java.util.List;

/**
 * The two parts of a Word report that change with the report: the body (word/document.xml) and the
 * comments on its flagged figures (word/comments.xml). Their look is in velocity/docx/word/styles.xml;
 * here is only where each part of the report goes, as Nghị định 30/2020/NĐ-CP lays out a report: the
 * notice of a draft; the heading as a borderless table (the issuing body and "Số" on the left, Quốc hiệu,
 * Tiêu ngữ and the place and date on the right); BÁO CÁO and its subject; the body; Nơi nhận beside the
 * signature; then Phụ lục I in a section of its own, its two header rows repeated on every page.
 *
 * <p>Written as text, every piece of the report's text and every attribute value passing through
 * {@link XmlEscape#escape}: a Velocity template of this part took 40 to 60 ms of a single fill, on the
 * path from the text report to the end of the run; this takes a few.
 */
final class WordBody {

    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /** A4 portrait; margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm; 9354 twips of text width. */
    private static final String PAGE = "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"851\""
            + " w:bottom=\"1134\" w:left=\"1701\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>";
    /** The heading's columns: the issuing body 6,5 cm, Quốc hiệu 10 cm. */
    private static final int[] HEADING = {3685, 5669};
    /** Nơi nhận 7,75 cm, the signature 8,75 cm. */
    private static final int[] CLOSING = {4394, 4960};
    /** STT 1,5 cm | Chỉ tiêu 7,5 cm | Đơn vị tính 2 cm | Số liệu 3 cm ("không phát sinh" on one line) | Ghi chú 2,5 cm. */
    private static final int[] APPENDIX = {851, 4251, 1134, 1701, 1417};

    private final StringBuilder xml = new StringBuilder(160 * 1024);

    private WordBody() {
    }

    /** word/document.xml of a report. */
    static String document(Layout layout) {
        return new WordBody().body(layout).xml.toString();
    }

    /** word/comments.xml: one comment a flagged figure, a paragraph a finding it quotes. */
    static String comments(List<Comment> comments) {
        StringBuilder xml = new StringBuilder(8 * 1024).append(declaration())
                .append("<w:comments xmlns:w=\"").append(W).append("\">");
        for (Comment comment : comments) {
            xml.append("<w:comment w:id=\"").append(comment.id()).append("\" w:author=\"appendix-fill\" w:initials=\"AF\">");
            for (int i = 0; i < comment.paragraphs().size(); i++) {
                xml.append("<w:p><w:pPr><w:pStyle w:val=\"CommentText\"/></w:pPr>");
                if (i == 0) {
                    xml.append("<w:r><w:rPr><w:rStyle w:val=\"CommentReference\"/></w:rPr><w:annotationRef/></w:r>");
                }
                xml.append("<w:r><w:t xml:space=\"preserve\">").append(Xml.escapeAttribute(comment.paragraphs().get(i)))
                        .append("</w:t></w:r></w:p>");
            }
            xml.append("</w:comment>");
        }
        return xml.append("</w:comments>").toString();
    }

    private WordBody body(Layout layout) {
        xml.append(declaration()).append("<w:document xmlns:w=\"").append(W).append("\" xmlns:r=\"").append(R)
                .append("\"><w:body>");
        paragraphs(layout.part("notice"), "Notice");
        if (!layout.part("issuer").isEmpty()) {
            layoutTable(HEADING);
            xml.append("<w:tr>");
            cell(HEADING[0]);
            paragraphs(layout.part("issuer"), "Issuer");
            rule(1026); // 1/3 to 1/2 of the unit's name, centred under it
            xml.append("</w:tc>");
            cell(HEADING[1]);
            List<Paragraph> motto = layout.part("motto");
            for (int i = 0; i < motto.size(); i++) {
                paragraph(i == 0 ? "NationalName" : "Motto", motto.get(i).runs(), "");
            }
            rule(969); // as long as "Độc lập - Tự do - Hạnh phúc"
            xml.append("</w:tc></w:tr><w:tr>");
            cell(HEADING[0]);
            paragraphs(layout.part("number"), "ReportNumber");
            xml.append("</w:tc>");
            cell(HEADING[1]);
            paragraphs(layout.part("date"), "PlaceAndDate");
            xml.append("</w:tc></w:tr></w:tbl>");
        }
        paragraphs(layout.part("title"), "DocumentKind");
        paragraphs(layout.part("subject"), "Subject");
        if (!layout.part("subject").isEmpty()) {
            rule(3260); // under the subject, a third of the line
            xml.append("<w:p><w:pPr><w:pStyle w:val=\"Centered\"/></w:pPr></w:p>");
        }
        for (Paragraph p : layout.part("body")) {
            paragraph(switch (p.style()) {
                case "heading" -> "SectionHeading";
                case "subheading" -> "SubHeading";
                default -> "Normal";
            }, p.runs(), "");
        }
        if (!layout.part("recipients").isEmpty() || !layout.part("signature").isEmpty()) {
            layoutTable(CLOSING);
            xml.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            cell(CLOSING[0]);
            hairline();
            paragraphs(layout.part("recipients-title"), "RecipientsTitle");
            paragraphs(layout.part("recipients"), "Recipients");
            xml.append("</w:tc>");
            cell(CLOSING[1]);
            hairline();
            paragraphs(layout.part("signature"), "Signature");
            paragraphs(layout.part("signer"), "Signer");
            xml.append("</w:tc></w:tr></w:tbl>");
        }
        if (layout.part("appendix-table").isEmpty()) {
            hairline();
            section(false);
        } else {
            // The report's section ends here; Phụ lục I starts a page of its own, its pages numbered from 1.
            xml.append("<w:p><w:pPr><w:pStyle w:val=\"Hairline\"/>");
            section(false);
            xml.append("</w:pPr></w:p>");
            paragraphs(layout.part("appendix-title"), "AppendixTitle");
            paragraphs(layout.part("appendix-attached"), "AppendixAttached");
            appendix(layout.part("appendix-table"));
            hairline();
            section(true);
        }
        xml.append("</w:body></w:document>");
        return this;
    }

    /** Phụ lục I: the form's two header rows, then a row a line of the form. */
    private void appendix(List<Paragraph> rows) {
        xml.append("<w:tbl><w:tblPr><w:tblStyle w:val=\"AppendixTable\"/><w:tblW w:w=\"9354\" w:type=\"dxa\"/>")
                .append(borders("single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000"))
                .append("<w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/>")
                .append("<w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar>").append(LOOK).append("</w:tblPr><w:tblGrid>");
        for (int width : APPENDIX) {
            xml.append("<w:gridCol w:w=\"").append(width).append("\"/>");
        }
        xml.append("</w:tblGrid>");
        boolean first = true;
        for (Paragraph row : rows) {
            List<List<Run>> cells = row.cells();
            if (row.style().equals("header") && first) {
                // STT, Chỉ tiêu and Ghi chú span both header rows; Kết quả thống kê spans two columns.
                xml.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
                headerCell(APPENDIX[0], "<w:vMerge w:val=\"restart\"/>", cells.get(0));
                headerCell(APPENDIX[1], "<w:vMerge w:val=\"restart\"/>", cells.get(1));
                headerCell(APPENDIX[2] + APPENDIX[3], "<w:gridSpan w:val=\"2\"/>", cells.get(2));
                headerCell(APPENDIX[4], "<w:vMerge w:val=\"restart\"/>", cells.get(4));
                xml.append("</w:tr>");
            } else if (row.style().equals("header")) {
                xml.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
                headerCell(APPENDIX[0], "<w:vMerge/>", List.of());
                headerCell(APPENDIX[1], "<w:vMerge/>", List.of());
                headerCell(APPENDIX[2], "", cells.get(2));
                headerCell(APPENDIX[3], "", cells.get(3));
                headerCell(APPENDIX[4], "<w:vMerge/>", List.of());
                xml.append("</w:tr>");
            } else {
                // A heading bold; a sub-row without STT with its wording and unit in italics; STT, unit
                // and figure centred.
                xml.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
                for (int column = 0; column < cells.size(); column++) {
                    String look = row.style().equals("group") ? "bold"
                            : row.style().equals("sub") && (column == 1 || column == 2) ? "italic" : "";
                    xml.append("<w:tc><w:tcPr><w:tcW w:w=\"").append(APPENDIX[column])
                            .append("\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>");
                    paragraph(column == 1 || column == 4 ? "TableText" : "TableFigure", cells.get(column), look);
                    xml.append("</w:tc>");
                }
                xml.append("</w:tr>");
            }
            first = false;
        }
        xml.append("</w:tbl>");
    }

    private void headerCell(int width, String merge, List<Run> runs) {
        xml.append("<w:tc><w:tcPr><w:tcW w:w=\"").append(width).append("\" w:type=\"dxa\"/>").append(merge)
                .append("<w:vAlign w:val=\"center\"/></w:tcPr>");
        paragraph("TableHeader", runs, "");
        xml.append("</w:tc>");
    }

    private void paragraphs(List<Paragraph> paragraphs, String style) {
        for (Paragraph p : paragraphs) {
            paragraph(style, p.runs(), "");
        }
    }

    /** A paragraph of a style; look is "", "bold" or "italic" for every run of it. */
    private void paragraph(String style, List<Run> runs, String look) {
        xml.append("<w:p><w:pPr><w:pStyle w:val=\"").append(style).append("\"/></w:pPr>");
        String properties = look.equals("bold") ? "<w:b/><w:bCs/>" : look.equals("italic") ? "<w:i/><w:iCs/>" : "";
        for (Run run : runs) {
            if (run.comment() >= 0) {
                // A figure under an error: highlighted, the comment quoting its findings anchored on it.
                xml.append("<w:commentRangeStart w:id=\"").append(run.comment()).append("\"/><w:r><w:rPr>")
                        .append("<w:rStyle w:val=\"Flagged\"/>").append(properties)
                        .append("<w:highlight w:val=\"yellow\"/></w:rPr>");
                text(run.text());
                xml.append("</w:r><w:commentRangeEnd w:id=\"").append(run.comment()).append("\"/>")
                        .append("<w:r><w:rPr><w:rStyle w:val=\"CommentReference\"/></w:rPr><w:commentReference w:id=\"")
                        .append(run.comment()).append("\"/></w:r>");
            } else {
                xml.append("<w:r>");
                if (!properties.isEmpty()) {
                    xml.append("<w:rPr>").append(properties).append("</w:rPr>");
                }
                text(run.text());
                xml.append("</w:r>");
            }
        }
        xml.append("</w:p>");
    }

    private void text(String text) {
        xml.append("<w:t xml:space=\"preserve\">").append(Xml.escapeAttribute(text)).append("</w:t>");
    }

    private static final String LOOK = "<w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\""
            + " w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>";

    /** A borderless table of two columns, for the heading and the closing. */
    private void layoutTable(int[] widths) {
        xml.append("<w:tbl><w:tblPr><w:tblStyle w:val=\"LayoutTable\"/><w:tblW w:w=\"9354\" w:type=\"dxa\"/>")
                .append(borders("nil")).append("<w:tblLayout w:type=\"fixed\"/>").append(LOOK).append("</w:tblPr><w:tblGrid>")
                .append("<w:gridCol w:w=\"").append(widths[0]).append("\"/><w:gridCol w:w=\"").append(widths[1])
                .append("\"/></w:tblGrid>");
    }

    private static String borders(String value) {
        StringBuilder borders = new StringBuilder("<w:tblBorders>");
        for (String side : List.of("top", "left", "bottom", "right", "insideH", "insideV")) {
            borders.append("<w:").append(side).append(" w:val=\"").append(value).append("\"/>");
        }
        return borders.append("</w:tblBorders>").toString();
    }

    private void cell(int width) {
        xml.append("<w:tc><w:tcPr><w:tcW w:w=\"").append(width).append("\" w:type=\"dxa\"/></w:tcPr>");
    }

    /** A short rule under a line: as wide as the cell or the page, less the two indents. */
    private void rule(int indent) {
        xml.append("<w:p><w:pPr><w:pStyle w:val=\"Rule\"/><w:ind w:left=\"").append(indent).append("\" w:right=\"")
                .append(indent).append("\" w:firstLine=\"0\"/></w:pPr></w:p>");
    }

    /** An empty paragraph of next to no height: a cell's first line, or what a section break or a table needs after it. */
    private void hairline() {
        xml.append("<w:p><w:pPr><w:pStyle w:val=\"Hairline\"/></w:pPr></w:p>");
    }

    /** The page and its numbering: none on a section's first page; Phụ lục I's pages numbered from 1. */
    private void section(boolean restartNumbering) {
        xml.append("<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdPageNumber\"/>")
                .append("<w:headerReference w:type=\"first\" r:id=\"rIdFirstPage\"/><w:type w:val=\"nextPage\"/>")
                .append(PAGE).append(restartNumbering ? "<w:pgNumType w:start=\"1\"/>" : "")
                .append("<w:cols w:space=\"720\"/><w:titlePg/><w:docGrid w:linePitch=\"381\"/></w:sectPr>");
    }

    private static String declaration() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    }
}
