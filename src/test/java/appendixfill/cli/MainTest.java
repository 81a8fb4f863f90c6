package appendixfill.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a black box: arguments in, exit code and exact output out. Inputs the tool
 * refuses are in the bad-input corpus ({@link BadInputCorpusTest}).
 */
class MainTest {

    static final Path EXAMPLE = Path.of("workbook-templates/example/vu-muon-nam-2023.xlsx");

    @TempDir
    Path folder;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void fillingTheExampleWritesFourFilesAndExitsOneForTheSeedsErrors() throws IOException {
        Path input = Files.copy(EXAMPLE, folder.resolve("vu muộn 2023.xlsx"));

        Run run = run(input.toString());

        assertEquals(1, run.exit());
        assertEquals("""
                vu muộn 2023.xlsx: xã Vũ Muộn, năm 2023
                Kết quả kiểm tra: 7 lỗi, 7 cảnh báo, 2 thông tin.
                Đã ghi:
                  %1$s.filled.xlsx
                  %1$s.report.txt
                  %1$s.values.csv
                  %1$s.findings.csv
                Xem từng lỗi ở trang «Kết quả kiểm tra» của tệp .filled.xlsx hoặc trong tệp .findings.csv.
                """.formatted(folder.resolve("vu muộn 2023")), run.out());
        assertEquals("", run.err());
        assertArrayEquals(Files.readAllBytes(EXAMPLE), Files.readAllBytes(input), "the input is untouched");
    }

    @Test
    void noWorkbookGivenIsAUsageErrorWithAnExample() {
        Run run = run();

        assertEquals(2, run.exit());
        assertEquals("""
                Chưa chỉ ra tệp cần xử lý. Ví dụ: appendix-fill bieu-phu-luc-i.xlsx
                Tạo mẫu trống: appendix-fill template -o mau-phu-luc-i.xlsx. Xem thêm: appendix-fill --help
                """, run.err());
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Run run = run("--bogus");

        assertEquals(2, run.exit());
        assertEquals("Lỗi dòng lệnh: Unknown option: '--bogus'. Xem cách dùng: appendix-fill --help\n", run.err());
    }

    @Test
    void withLangEnTheUsageErrorIsInEnglish() {
        Run run = run("--lang", "en", "--bogus");

        assertEquals(2, run.exit());
        assertEquals("Command line error: Unknown option: '--bogus'. See the usage: appendix-fill --help\n", run.err());
    }

    @Test
    void templateWritesTheBlankFormAndRefusesToOverwrite() throws IOException {
        Path target = folder.resolve("mẫu.xlsx");

        Run first = run("template", "-o", target.toString());
        Run second = run("template", "-o", target.toString());

        assertEquals(0, first.exit());
        assertEquals("Đã ghi mẫu Phụ lục I trống: " + target + "\n", first.out());
        assertTrue(Files.size(target) > 0);
        assertEquals(2, second.exit());
        assertEquals("Tệp «" + target + "» đã có; không ghi đè để khỏi mất số liệu. Chọn tên khác, hoặc thêm --force "
                + "để ghi đè.\n", second.err());
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
