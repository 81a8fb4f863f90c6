package appendixfill.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import appendixfill.fill.FillJob;
import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Wordings;
import appendixfill.input.Typed;
import appendixfill.input.UnusableInput;
import appendixfill.rule.RuleBook;
import appendixfill.spreadsheet.Grid;
import appendixfill.spreadsheet.RawCell;
import appendixfill.fixtures.PlainTables;
import appendixfill.fixtures.TypedWorkbooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plain Phụ lục I, read as the named template with the same data. */
class PlainFormTest {

    static final Path SEED = Path.of("workbook-templates/example/vu-muon-nam-2023.typed.tsv");

    @TempDir
    Path folder;

    /** The seed's appendix rows only: a plain table has no sheet Thông tin báo cáo. */
    static Map<String, String> seedAppendix(boolean numbersAsText) throws IOException {
        Catalogue catalogue = Catalogue.standard();
        Map<String, String> typed = new LinkedHashMap<>();
        TypedWorkbooks.readTyped(SEED).forEach((code, content) -> {
            String plain = code.startsWith("note:") ? code.substring(5) : code;
            if (catalogue.require(plain).sheet() == appendixfill.indicator.Sheet.APPENDIX) {
                typed.put(code, numbersAsText && content.startsWith("n:")
                        ? "t:" + content.substring(2).replaceFirst("\\.0$", "") : content);
            }
        });
        return typed;
    }

    @Test
    void aShiftedPlainCopyOnSheet1WithNumbersAsTextGivesTheNamedTemplatesValuesAndFindings() throws Exception {
        Path named = TypedWorkbooks.write(seedAppendix(true), folder.resolve("named.xlsx"));
        Path plain = PlainTables.write(seedAppendix(false), new PlainTables.Shape("Sheet1", 2, true, Map.of()),
                folder.resolve("plain.xlsx"));
        FillJob job = new FillJob(Catalogue.standard(), RuleBook.standard());

        job.run(named, folder);
        job.run(plain, folder);

        assertEquals(Files.readString(folder.resolve("named.values.csv")), Files.readString(folder.resolve("plain.values.csv")));
        assertEquals(Files.readString(folder.resolve("named.findings.csv")),
                withoutReadingFindings(Files.readString(folder.resolve("plain.findings.csv"))));
        assertEquals(Files.readString(folder.resolve("named.report.txt")), Files.readString(folder.resolve("plain.report.txt")));
    }

    /** A page from rows of cells, each row "STT|wording|unit|value" from row 0 (the header) down. */
    static Grid.Page page(String name, String... rows) {
        java.util.NavigableMap<Integer, java.util.NavigableMap<Integer, RawCell>> cells = new java.util.TreeMap<>();
        for (int r = 0; r < rows.length; r++) {
            String[] values = rows[r].split("\\|", -1);
            java.util.NavigableMap<Integer, RawCell> row = new java.util.TreeMap<>();
            for (int c = 0; c < values.length; c++) {
                if (!values[c].isEmpty()) {
                    row.put(c + 1, values[c].matches("-?\\d+")
                            ? new RawCell(RawCell.Kind.NUMBER, values[c], null, RawCell.GENERAL) : RawCell.text(values[c]));
                }
            }
            cells.put(r + 3, row);
        }
        return new Grid.Page(name, false, cells, java.util.Set.of(), java.util.List.of(), false);
    }

    static Reading read(Grid.Page... pages) throws UnusableInput {
        return PlainForm.recognise(new Grid(java.util.List.of(pages), java.util.List.of(), false), Catalogue.standard(),
                Wordings.standard(),
                "«bieu.xlsx»");
    }

    static final String HEADER = "STT|Chỉ tiêu thống kê|Đơn vị tính|Số liệu";

    @Test
    void subRowsWithTheSameWordingAreTakenFromTheirOwnParent() throws Exception {
        Reading reading = read(page("Sheet1", HEADER,
                "2.2.1|Tỷ lệ xử lý VBQPPL sau kiểm tra|%|",
                "|Tổng số VBQPPL cần phải xử lý sau kiểm tra|Văn bản|3",
                "|Số VBQPPL có kiến nghị xử lý đã được xử lý xong|Văn bản|2",
                "2.3.2|Tỷ lệ xử lý VBQPPL sau rà soát|%|",
                "|Tổng số VBQPPL cần phải xử lý sau rà soát|Văn bản|5",
                "|Số VBQPPL có kiến nghị xử lý đã được xử lý xong|Văn bản|4"));

        assertEquals(new Typed.Number(new java.math.BigDecimal("2.0"), false), reading.typed().get("2.2.1.b"));
        assertEquals(new Typed.Number(new java.math.BigDecimal("4.0"), false), reading.typed().get("2.3.2.b"));
    }

    @Test
    void wordingIsComparedWithoutCaseSpacingPunctuationTrailingDotsOrDecomposedLetters() throws Exception {
        String decomposed = java.text.Normalizer.normalize("SỐ  CÁN BỘ BỊ KỶ LUẬT", java.text.Normalizer.Form.NFD);
        Reading reading = read(page("Sheet1", "  stt. |CHỈ TIÊU|ĐVT|SỐ LIỆU",
                "5.2.1.|" + decomposed + "|Người|2",
                "5.2.2|số công chức bị kỷ luật . . .|Người|0"));

        assertEquals(java.util.List.of("form.recognised"), reading.findings().stream().map(f -> f.rule())
                .filter(r -> !r.equals("form.row-missing")).toList());
        assertEquals(new Typed.Number(new java.math.BigDecimal("2.0"), false), reading.typed().get("5.2.1"));
        assertEquals(new Typed.Number(new java.math.BigDecimal("0.0"), false), reading.typed().get("5.2.2"));
    }

    @Test
    void theSheetThatIsTheFormIsChosenAmongSeveralWithAHeader() throws Exception {
        Reading reading = read(
                page("Danh sách", "STT|Nội dung công việc|Đơn vị tính|Số liệu", "1|Họp giao ban|Buổi|4"),
                page("Biểu", HEADER, "1.1|Số văn bản chỉ đạo CCHC đã ban hành|Văn bản|4"));

        assertEquals(new Typed.Number(new java.math.BigDecimal("4.0"), false), reading.typed().get("1.1"));
        assertTrue(reading.findings().get(0).message().contains("trang «Biểu»"), reading.findings().get(0).message());
    }

    @Test
    void aRowWithAnSttOfAnotherRowIsMatchedByItsWordingAndSaidSo() throws Exception {
        Reading reading = read(page("Sheet1", HEADER,
                "1.2.1|Số nhiệm vụ đề ra trong kế hoạch|Nhiệm vụ|46",
                "1.2.3|Số nhiệm vụ đã hoàn thành|Nhiệm vụ|40"));

        assertEquals(new Typed.Number(new java.math.BigDecimal("40.0"), false), reading.typed().get("1.2.2"));
        assertEquals("Dòng 6 của trang «Sheet1» ghi STT «1.2.3» nhưng nội dung «Số nhiệm vụ đã hoàn thành» là của "
                + "1.2.2 «Số nhiệm vụ đã hoàn thành»; đã khớp theo nội dung.", reading.findings().stream()
                .filter(f -> f.rule().equals("form.matched-by-wording")).findFirst().orElseThrow().message());
    }

    @Test
    void aTableWhoseSttWasLeftOutIsReadByWordingAndEachRowSaidSo() throws Exception {
        Reading reading = read(page("Sheet1", HEADER,
                "|Tỷ lệ xử lý VBQPPL sau kiểm tra|%|",
                "|Tổng số VBQPPL cần phải xử lý sau kiểm tra|Văn bản|3",
                "|Số VBQPPL có kiến nghị xử lý đã được xử lý xong|Văn bản|2"));

        assertEquals(new Typed.Number(new java.math.BigDecimal("2.0"), false), reading.typed().get("2.2.1.b"));
        assertEquals("Dòng 5 của trang «Sheet1» không ghi STT; đã khớp theo nội dung với 2.2.1 «Tỷ lệ xử lý VBQPPL sau "
                + "kiểm tra».", reading.findings().stream().filter(f -> f.rule().equals("form.matched-by-wording"))
                .findFirst().orElseThrow().message());
    }

    private static String withoutReadingFindings(String csv) {
        return csv.lines().filter(line -> !line.matches("^[a-z]+,form\\..*")).collect(Collectors.joining("\r\n", "", "\r\n"));
    }
}
