package appendixfill.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import appendixfill.fill.ConsolidationJob;
import appendixfill.fill.FillJob;
import appendixfill.indicator.Catalogue;
import appendixfill.rule.Finding;
import appendixfill.rule.RuleBook;
import appendixfill.rule.Severity;
import appendixfill.fixtures.TypedWorkbooks;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * NAME.report.docx: the text report laid out per Nghị định 30/2020, every part valid WordprocessingML,
 * the figures under an error highlighted and commented.
 */
class WordDocumentTest {

    static final Path EXAMPLE = Path.of("workbook-templates/example/vu-muon-nam-2023.xlsx");
    static final Path EXAMPLE_TYPED = Path.of("workbook-templates/example/vu-muon-nam-2023.typed.tsv");

    @TempDir
    static Path work;

    static FillJob.Result seed;
    static byte[] seedDocx;
    static String seedText;
    static byte[] cleanDocx;
    static String cleanText;

    @BeforeAll
    static void fillTheExampleAndACleanWorkbook() throws Exception {
        FillJob job = new FillJob(Catalogue.standard(), RuleBook.standard());
        Path seedOut = Files.createDirectories(work.resolve("seed"));
        seed = job.run(EXAMPLE, seedOut);
        seedDocx = Files.readAllBytes(seedOut.resolve("vu-muon-nam-2023.report.docx"));
        seedText = Files.readString(seedOut.resolve("vu-muon-nam-2023.report.txt"), StandardCharsets.UTF_8);

        Path cleanOut = Files.createDirectories(work.resolve("clean"));
        FillJob.Result clean = job.run(cleanWorkbook(cleanOut.resolve("vu-muon-sach.xlsx")), cleanOut);
        assertFalse(clean.assessment().hasErrors(), clean.assessment().findings().toString());
        cleanDocx = Files.readAllBytes(cleanOut.resolve("vu-muon-sach.report.docx"));
        cleanText = Files.readString(cleanOut.resolve("vu-muon-sach.report.txt"), StandardCharsets.UTF_8);
    }

    /**
     * The example with its seven errors corrected: no rate typed over its formula, and the 96 dossiers
     * received online now through 12 level-4 procedures that received some.
     */
    static Path cleanWorkbook(Path file) throws IOException {
        Map<String, String> typed = new LinkedHashMap<>(TypedWorkbooks.readTyped(EXAMPLE_TYPED));
        for (String rate : List.of("1.2", "2.2.1", "2.3.2", "3.3.a", "3.4", "7.2.1", "7.2.2", "7.2.3", "7.2.4", "7.2.5")) {
            typed.remove(rate);
        }
        typed.put("7.2.2.c", "n:12");
        return TypedWorkbooks.write(typed, file);
    }

    @Test
    void theExamplesWordReportSaysWhatItsTextReportSaysParagraphForParagraph() throws IOException {
        assertEquals(WordPackage.paragraphs(seedText), WordPackage.paragraphs(seedDocx));
        assertEquals(WordPackage.paragraphs(cleanText), WordPackage.paragraphs(cleanDocx));
    }

    @Test
    void everyPartIsNamespaceWellFormedValidWordprocessingMLAndReferToWhatThePackageHolds() throws Exception {
        assertEquals(List.of(), WordPackage.problems(seedDocx));
        assertEquals(List.of(), WordPackage.problems(cleanDocx));
    }

    @Test
    void thePackageHoldsTheDocumentItsStylesSettingsCommentsAndTwoPageHeaders() throws IOException {
        assertEquals(List.of("[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
                "word/styles.xml", "word/settings.xml", "word/comments.xml", "word/header1.xml", "word/header2.xml"),
                List.copyOf(WordPackage.parts(seedDocx).keySet()));
    }

    @Test
    void aFigureUnderAnErrorIsHighlightedWithACommentQuotingItsFinding() throws IOException {
        Finding online = seed.assessment().findings().stream().filter(f -> f.rule().equals("online.no-procedure"))
                .findFirst().orElseThrow();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(seedDocx))) {
            // In the body: «số hồ sơ tiếp nhận trực tuyến: 96 hồ sơ», the 96 highlighted.
            XWPFParagraph online3and4 = document.getParagraphs().stream()
                    .filter(p -> p.getText().startsWith("- Hồ sơ TTHC tiếp nhận trực tuyến:")).findFirst().orElseThrow();
            XWPFRun figure = online3and4.getRuns().stream().filter(XWPFRun::isHighlighted)
                    .filter(r -> r.text().equals("96")).findFirst().orElseThrow();
            assertEquals("Flagged", figure.getStyle());
            assertEquals(List.of(online.message()), commentOn(document, online3and4, figure));
            // In Phụ lục I: the cell of 7.2.4.b.
            XWPFTableRow row = appendixRow(document, "Số hồ sơ TTHC đã tiếp nhận trực tuyến");
            XWPFParagraph cell = row.getCell(3).getParagraphs().get(0);
            XWPFRun inTable = cell.getRuns().stream().filter(XWPFRun::isHighlighted).findFirst().orElseThrow();
            assertEquals("96", inTable.text());
            assertEquals(List.of(online.message()), commentOn(document, cell, inTable));
        }
    }

    @Test
    void aRateDerivedFromAFigureUnderAnErrorIsFlaggedWithTheFindingsOfItsParts() throws IOException {
        Finding typedOver = seed.assessment().findings().stream().filter(f -> f.code().equals("7.2.4")).findFirst()
                .orElseThrow();
        Finding online = seed.assessment().findings().stream().filter(f -> f.code().equals("7.2.4.b")).findFirst()
                .orElseThrow();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(seedDocx))) {
            XWPFParagraph cell = appendixRow(document, "Tỷ lệ hồ sơ TTHC được tiếp nhận trực tuyến").getCell(3)
                    .getParagraphs().get(0);
            XWPFRun rate = cell.getRuns().stream().filter(XWPFRun::isHighlighted).findFirst().orElseThrow();

            assertEquals("29,18", rate.text());
            assertEquals(List.of(typedOver.message(), online.message()), commentOn(document, cell, rate));
        }
    }

    @Test
    void theExampleFlagsItsSevenFiguresUnderErrorInBodyAndTableAndTheCountSaysSo() throws IOException {
        assertEquals(7, seed.flaggedFigures());
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(seedDocx))) {
            List<String> flagged = new ArrayList<>();
            for (XWPFTable table : document.getTables()) {
                for (XWPFTableRow row : table.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        for (XWPFParagraph paragraph : cell.getParagraphs()) {
                            paragraph.getRuns().stream().filter(XWPFRun::isHighlighted)
                                    .forEach(r -> flagged.add(row.getCell(0).getText() + "=" + r.text()));
                        }
                    }
                }
            }
            assertEquals(List.of("2.2.1=không phát sinh", "2.3.2=không phát sinh", "3.4=không phát sinh",
                    "7.2.1=không phát sinh", "7.2.4=29,18", "=96", "7.2.5=không phát sinh"), flagged);
            long comments = document.getComments().length;
            long highlighted = document.getParagraphs().stream().flatMap(p -> p.getRuns().stream())
                    .filter(XWPFRun::isHighlighted).count();
            assertEquals(flagged.size() + highlighted, comments, "one comment a highlighted figure");
        }
    }

    @Test
    void aCleanWorkbooksReportHasNoHighlightNoCommentAndStartsWithItsHeading() throws IOException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(cleanDocx))) {
            assertEquals(0, document.getComments().length);
            assertEquals(0, WordPackage.elements(dom(cleanDocx, "word/document.xml"), WordPackage.W, "highlight").size());
            assertEquals("ỦY BAN NHÂN DÂN", WordPackage.paragraphs(cleanDocx).get(0));
        }
        assertTrue(WordPackage.paragraphs(seedDocx).get(0).startsWith("Lưu ý: biểu số liệu còn 7 lỗi"));
    }

    @Test
    void thePageIsA4WithTheMarginsOfNghiDinh30AndTheTextTimesNewRoman() throws IOException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(seedDocx))) {
            CTSectPr last = document.getDocument().getBody().getSectPr();
            CTPageSz size = last.getPgSz();
            CTPageMar margins = last.getPgMar();
            // Twentieths of a point: 210 × 297 mm; top and bottom 20 mm, left 30 mm, right 15 mm.
            assertEquals(List.of(11906L, 16838L), List.of(twips(size.getW()), twips(size.getH())));
            assertEquals(List.of(1134L, 1134L, 1701L, 851L), List.of(twips(margins.getTop()), twips(margins.getBottom()),
                    twips(margins.getLeft()), twips(margins.getRight())));
            assertTrue(last.isSetTitlePg(), "no page number on a section's first page");
            var fonts = document.getStyles().getDefaultRunStyle().getRPr().getRFontsArray(0);
            assertEquals(List.of("Times New Roman", "Times New Roman", "Times New Roman"),
                    List.of(fonts.getAscii(), fonts.getHAnsi(), fonts.getCs()));
            assertEquals(14.0, document.getStyles().getDefaultRunStyle().getFontSizeAsDouble());
        }
    }

    @Test
    void theSameWorkbookGivesTheSameBytes() throws Exception {
        Path again = Files.createDirectories(work.resolve("again"));
        new FillJob(Catalogue.standard(), RuleBook.standard()).run(EXAMPLE, again);

        assertArrayEquals(seedDocx, Files.readAllBytes(again.resolve("vu-muon-nam-2023.report.docx")));
    }

    @Test
    void anOfficersTextIsWrittenAsTextNeverAsMarkup() throws Exception {
        Map<String, String> typed = new LinkedHashMap<>(TypedWorkbooks.readTyped(EXAMPLE_TYPED));
        typed.put("request", "t:công văn số 5 <w:t>\"A&B\"</w:t> ]]> 'x'");
        typed.put("signer.name", "t:Lê <b>Văn</b> & Bình");
        Path out = Files.createDirectories(work.resolve("markup"));
        new FillJob(Catalogue.standard(), RuleBook.standard()).run(TypedWorkbooks.write(typed, out.resolve("m.xlsx")), out);
        byte[] docx = Files.readAllBytes(out.resolve("m.report.docx"));

        assertEquals(List.of(), WordPackage.problems(docx));
        List<String> paragraphs = WordPackage.paragraphs(docx);
        assertTrue(paragraphs.contains("Lê <b>Văn</b> & Bình"), paragraphs.toString());
        assertTrue(paragraphs.stream().anyMatch(p -> p.startsWith("Thực hiện công văn số 5 <w:t>\"A&B\"</w:t> ]]> 'x'.")));
    }

    @Test
    void theReceiversReportIsAWordDocumentLaidOutTheSameWay() throws Exception {
        Path folder = Files.createDirectories(work.resolve("received"));
        Files.copy(EXAMPLE, folder.resolve("vu-muon.xlsx"));
        Path out = work.resolve("tinh").resolve("tong-hop.xlsx");
        new ConsolidationJob(Catalogue.standard(), RuleBook.standard()).run(folder, Optional.empty(), Optional.empty(),
                out, "UBND tỉnh Bắc Kạn", false, (done, total) -> { });
        byte[] docx = Files.readAllBytes(out.resolveSibling("tong-hop.report.docx"));

        assertEquals(List.of(), WordPackage.problems(docx));
        assertEquals(WordPackage.paragraphs(Files.readString(out.resolveSibling("tong-hop.report.txt"))),
                WordPackage.paragraphs(docx));
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertEquals("BÁO CÁO TỔNG HỢP", document.getParagraphs().get(0).getText());
            assertEquals("DocumentKind", document.getParagraphs().get(0).getStyle());
            assertEquals("SectionHeading", document.getParagraphs().stream()
                    .filter(p -> p.getText().equals("I. TÌNH HÌNH NỘP BÁO CÁO")).findFirst().orElseThrow().getStyle());
        }
    }

    @Test
    void sectionHeadingsAreBoldParagraphsOfTheirOwnAsInTheSeed() throws IOException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(seedDocx))) {
            Map<String, String> styles = new LinkedHashMap<>();
            for (XWPFParagraph p : document.getParagraphs()) {
                if (p.getStyle() != null && p.getStyle().endsWith("Heading")) {
                    styles.put(p.getText(), p.getStyle());
                }
            }
            assertEquals(List.of("I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "II. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC",
                    "1. Cải cách thể chế", "2. Cải cách thủ tục hành chính (TTHC)", "3. Cải cách tổ chức bộ máy",
                    "4. Cải cách chế độ công vụ", "5. Cải cách tài chính công",
                    "6. Xây dựng và phát triển chính quyền điện tử", "III. ĐÁNH GIÁ CHUNG", "1. Mặt tích cực",
                    "2. Những tồn tại, hạn chế, nguyên nhân", "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ CCHC TRỌNG TÂM",
                    "V. KIẾN NGHỊ, ĐỀ XUẤT: Không"), List.copyOf(styles.keySet()));
            assertEquals("SectionHeading", styles.get("III. ĐÁNH GIÁ CHUNG"));
            assertEquals("SubHeading", styles.get("1. Mặt tích cực"));
        }
    }

    @Test
    void theAppendixsHeaderRowsRepeatOnEveryPage() throws IOException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(seedDocx))) {
            XWPFTable appendix = document.getTables().stream().filter(t -> "AppendixTable".equals(t.getStyleID()))
                    .findFirst().orElseThrow();
            assertEquals(List.of(true, true, false), appendix.getRows().subList(0, 3).stream()
                    .map(XWPFTableRow::isRepeatHeader).toList());
            assertEquals(2 + Catalogue.standard().on(appendixfill.indicator.Sheet.APPENDIX).size(), appendix.getRows().size());
        }
    }

    private static long twips(Object value) {
        return value instanceof BigInteger big ? big.longValue() : Long.parseLong(value.toString());
    }

    private static XWPFTableRow appendixRow(XWPFDocument document, String wording) {
        for (XWPFTable table : document.getTables()) {
            for (XWPFTableRow row : table.getRows()) {
                if (row.getTableCells().size() == 5 && row.getCell(1).getText().startsWith(wording)) {
                    return row;
                }
            }
        }
        throw new AssertionError("no row of the appendix reads «" + wording + "…»");
    }

    /** The paragraphs of the comment anchored on a run: the comment whose range holds it. */
    private static List<String> commentOn(XWPFDocument document, XWPFParagraph paragraph, XWPFRun run) {
        var ctp = paragraph.getCTP();
        var cursor = run.getCTR().newCursor();
        String id = null;
        while (cursor.toPrevSibling()) {
            if (cursor.getObject() instanceof org.openxmlformats.schemas.wordprocessingml.x2006.main.CTMarkupRange start
                    && cursor.getName().getLocalPart().equals("commentRangeStart")) {
                id = start.getId().toString();
                break;
            }
            if (cursor.getObject() instanceof org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR) {
                break;
            }
        }
        cursor.dispose();
        assertTrue(id != null, "no comment starts right before «" + run.text() + "» in «" + paragraph.getText() + "»: "
                + ctp);
        XWPFComment comment = document.getCommentByID(id);
        return comment.getParagraphs().stream().map(XWPFParagraph::getText).toList();
    }

    private static org.w3c.dom.Document dom(byte[] docx, String part) throws IOException {
        try {
            var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(WordPackage.parts(docx).get(part)));
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException(e);
        }
    }

    @Test
    void theFindingsOfTheExampleThatAreErrorsAreTheOnesFlagged() {
        assertEquals(List.of("2.2.1", "2.3.2", "3.4", "7.2.1", "7.2.4", "7.2.4.b", "7.2.5"), seed.assessment().findings()
                .stream().filter(f -> f.severity() == Severity.ERROR).map(Finding::code).toList());
    }
}
