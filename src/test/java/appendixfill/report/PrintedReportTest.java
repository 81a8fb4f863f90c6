package appendixfill.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import appendixfill.fill.ConsolidationJob;
import appendixfill.fill.FillJob;
import appendixfill.indicator.Catalogue;
import appendixfill.rule.RuleBook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Word reports printed by real LibreOffice: A4 pages, the text inside Nghị định 30/2020's margins,
 * page numbers centred in the top margin from the second page of each section, Times New Roman
 * throughout, and the report read in its order: heading, body, Nơi nhận and signature, then Phụ lục I on
 * pages of its own, each under the table's header. The PDFs, and PNGs of the example's first page and of
 * the appendix's first page, stay in target/printed-report/ for a person to look at.
 */
class PrintedReportTest {

    static final Path WORK = Path.of("target", "printed-report");

    /** 30 mm, 15 mm and 20 mm in points; A4 is 595,3 × 841,9 points. */
    static final double LEFT = 85.04;
    static final double RIGHT = 595.30 - 42.52;
    static final double TOP = 56.69;
    static final double BOTTOM = 841.89 - 56.69;
    /** How far a glyph's box may stray past a margin (justified lines, rounding). */
    static final double SLACK = 1.0;

    static Path seedPdf;
    static Path cleanPdf;
    static Path receiverPdf;

    @BeforeAll
    static void printTheExampleACleanReportAndAReceiversReport() throws Exception {
        Files.createDirectories(WORK);
        try (var old = Files.list(WORK)) {
            for (Path file : old.filter(f -> f.toString().endsWith(".pdf") || f.toString().endsWith(".png")).toList()) {
                Files.delete(file);
            }
        }
        FillJob job = new FillJob(Catalogue.standard(), RuleBook.standard());
        Path seed = job.run(WordDocumentTest.EXAMPLE, WORK).written().stream()
                .filter(p -> p.toString().endsWith(".docx")).findFirst().orElseThrow();
        Path cleanInput = WordDocumentTest.cleanWorkbook(Files.createDirectories(WORK.resolve("in")).resolve("vu-muon-sach.xlsx"));
        Path clean = job.run(cleanInput, WORK).written().stream()
                .filter(p -> p.toString().endsWith(".docx")).findFirst().orElseThrow();
        Path received = Files.createDirectories(WORK.resolve("nhan"));
        Files.copy(WordDocumentTest.EXAMPLE, received.resolve("vu-muon.xlsx"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        new ConsolidationJob(Catalogue.standard(), RuleBook.standard()).run(received, Optional.empty(), Optional.empty(),
                WORK.resolve("tong-hop.xlsx"), "UBND tỉnh Bắc Kạn", false, (done, total) -> { });
        Path receiver = WORK.resolve("tong-hop.report.docx");

        Map<Path, Path> pdfs = Printer.toPdf(List.of(seed, clean, receiver), WORK);
        seedPdf = pdfs.get(seed);
        cleanPdf = pdfs.get(clean);
        receiverPdf = pdfs.get(receiver);
    }

    @Test
    void everyPageIsA4Portrait() throws Exception {
        for (Path pdf : List.of(seedPdf, cleanPdf, receiverPdf)) {
            String info = Printer.poppler("pdfinfo", "-f", "1", "-l", "999", pdf.toString());
            List<String> sizes = info.lines().filter(l -> l.matches("Page +\\d+ size:.*")).toList();
            assertFalse(sizes.isEmpty(), info);
            for (String size : sizes) {
                assertTrue(size.endsWith("595.304 x 841.89 pts (A4)"), pdf + ": " + size);
            }
        }
    }

    @Test
    void theTextFillsThePageInsideTheMarginsOfNghiDinh30() throws Exception {
        for (Path pdf : List.of(seedPdf, cleanPdf, receiverPdf)) {
            List<List<Word>> pages = words(pdf);
            double left = Double.MAX_VALUE;
            double right = 0;
            for (int page = 0; page < pages.size(); page++) {
                for (Word word : pages.get(page)) {
                    if (word.yMax() < TOP) {
                        continue; // the page number, in the top margin (checked below)
                    }
                    String where = pdf.getFileName() + " page " + (page + 1) + " «" + word.text() + "» at " + word;
                    assertTrue(word.xMin() >= LEFT - SLACK && word.xMax() <= RIGHT + SLACK, where);
                    // Vertically poppler's box is the font's whole box (ascent to descent, some 1,4 em), taller
                    // than the line LibreOffice lays out: the last line of a full page reaches past the bottom
                    // margin by up to its descent. A line in the margin has its middle there.
                    double middle = (word.yMin() + word.yMax()) / 2;
                    double overhang = (word.yMax() - word.yMin()) / 4;
                    assertTrue(word.yMin() >= TOP - SLACK && middle <= BOTTOM
                            && word.yMax() <= BOTTOM + overhang, where);
                    left = Math.min(left, word.xMin());
                    right = Math.max(right, word.xMax());
                }
            }
            // Justified lines run from margin to margin: 30 mm on the left, 15 mm on the right.
            assertEquals(LEFT, left, 2.0, pdf + ": the left margin");
            assertEquals(RIGHT, right, 2.0, pdf + ": the right margin");
        }
    }

    @Test
    void pageNumbersAreCentredInTheTopMarginFromTheSecondPageOfEachSection() throws Exception {
        List<String> numbers = new ArrayList<>();
        for (List<Word> page : words(seedPdf)) {
            List<Word> inMargin = page.stream().filter(w -> w.yMax() < TOP).toList();
            numbers.add(inMargin.stream().map(Word::text).reduce("", String::concat));
            for (Word number : inMargin) {
                assertEquals((LEFT + RIGHT) / 2, (number.xMin() + number.xMax()) / 2, 2.0, "centred: " + number);
            }
        }
        int appendix = appendixFirstPage(seedPdf);
        List<String> expected = new ArrayList<>();
        for (int page = 1; page <= numbers.size(); page++) {
            expected.add(page == 1 || page == appendix ? "" : String.valueOf(page < appendix ? page : page - appendix + 1));
        }
        assertEquals(expected, numbers, "the report numbered from page 2, Phụ lục I from its own page 2");
    }

    @Test
    void everyFontIsTimesNewRomanOrTheMetricTwinLibreOfficePrintsItWith() throws Exception {
        for (Path pdf : List.of(seedPdf, cleanPdf, receiverPdf)) {
            List<String> fonts = Printer.poppler("pdffonts", pdf.toString()).lines().skip(2)
                    .map(line -> line.split("\\s+")[0].replaceFirst("^[A-Z]{6}\\+", "")).toList();
            assertFalse(fonts.isEmpty(), pdf.toString());
            for (String font : fonts) {
                // Where Times New Roman is not installed, fontconfig gives Liberation Serif, its metric
                // twin (same widths, same line breaks); the document asks for Times New Roman (WordDocumentTest).
                assertTrue(font.startsWith("TimesNewRoman") || font.startsWith("LiberationSerif"), pdf + ": " + fonts);
            }
            assertTrue(fonts.stream().anyMatch(f -> f.contains("Bold")), pdf + ": headings are bold: " + fonts);
        }
        assertTrue(Printer.poppler("pdffonts", seedPdf.toString()).contains("Italic"), "place and date in italics");
    }

    @Test
    void theReportReadsInItsOrderAndPhuLucIStartsOnAPageOfItsOwn() throws Exception {
        String text = Printer.poppler("pdftotext", "-layout", seedPdf.toString(), "-");
        assertInOrder(text, "Lưu ý: biểu số liệu còn 7 lỗi", "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "XÃ VŨ MUỘN", "Độc lập - Tự do - Hạnh phúc", "Số:", "Vũ Muộn, ngày", "BÁO CÁO",
                "Kết quả thực hiện công tác cải cách hành chính năm 2023", "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC",
                "II. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC", "III. ĐÁNH GIÁ CHUNG", "IV. PHƯƠNG HƯỚNG",
                "V. KIẾN NGHỊ, ĐỀ XUẤT: Không", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "- Lưu: VP", "PHÓ CHỦ TỊCH",
                "Đàm Thị Hành", "Phụ lục I", "BIỂU THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC", "(Kèm theo Báo cáo số",
                "STT", "1.1", "7.2.5");
        String[] pages = text.split("\f");
        int appendix = appendixFirstPage(seedPdf);
        assertFalse(pages[appendix - 1].contains("Nơi nhận:"), "the appendix shares no page with the report");
        for (int page = appendix; page <= pages.length && !pages[page - 1].isBlank(); page++) {
            assertTrue(pages[page - 1].contains("Chỉ tiêu thống kê") && pages[page - 1].contains("Số liệu"),
                    "page " + page + " of the appendix repeats the table's header:\n" + pages[page - 1]);
        }
        String clean = Printer.poppler("pdftotext", "-layout", cleanPdf.toString(), "-");
        assertTrue(clean.strip().startsWith("ỦY BAN NHÂN DÂN"), clean.substring(0, 200));
        String receiver = Printer.poppler("pdftotext", "-layout", receiverPdf.toString(), "-");
        assertInOrder(receiver, "BÁO CÁO TỔNG HỢP", "của các đơn vị cấp xã (UBND tỉnh Bắc Kạn)",
                "I. TÌNH HÌNH NỘP BÁO CÁO", "II. MỘT SỐ KẾT QUẢ CHỦ YẾU", "III. SỐ LIỆU TỔNG HỢP");
    }

    @Test
    void theFirstPageAndTheAppendixAreRenderedForAPersonToLookAt() throws Exception {
        int appendix = appendixFirstPage(seedPdf);
        for (int page : List.of(1, appendix)) {
            Printer.poppler("pdftoppm", "-png", "-r", "60", "-f", String.valueOf(page), "-l", String.valueOf(page),
                    "-singlefile", seedPdf.toString(), WORK.resolve("vu-muon-nam-2023.page-" + page).toString());
            assertTrue(Files.size(WORK.resolve("vu-muon-nam-2023.page-" + page + ".png")) > 10_000);
        }
    }

    /** The page, from 1, on which Phụ lục I begins. */
    static int appendixFirstPage(Path pdf) throws Exception {
        String[] pages = Printer.poppler("pdftotext", "-layout", pdf.toString(), "-").split("\f");
        for (int page = 0; page < pages.length; page++) {
            if (pages[page].strip().startsWith("Phụ lục I")) {
                return page + 1;
            }
        }
        throw new AssertionError(pdf + " has no page that starts with «Phụ lục I»");
    }

    private static void assertInOrder(String text, String... parts) {
        int from = 0;
        for (String part : parts) {
            int at = text.indexOf(part, from);
            assertTrue(at >= 0, "«" + part + "» after position " + from + " of:\n" + text);
            from = at + part.length();
        }
    }

    /** A word as pdftotext -bbox places it, in points from the page's top left corner. */
    record Word(double xMin, double yMin, double xMax, double yMax, String text) {
    }

    private static final Pattern WORD = Pattern.compile(
            "<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">([^<]*)</word>");

    /** Every page's words. */
    static List<List<Word>> words(Path pdf) throws IOException, InterruptedException {
        List<List<Word>> pages = new ArrayList<>();
        for (String page : Printer.poppler("pdftotext", "-bbox", pdf.toString(), "-").split("<page ")) {
            if (!page.contains("width=")) {
                continue;
            }
            List<Word> words = new ArrayList<>();
            Matcher m = WORD.matcher(page);
            while (m.find()) {
                words.add(new Word(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                        Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)), m.group(5)));
            }
            pages.add(words);
        }
        return pages;
    }
}
