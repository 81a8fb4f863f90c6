package appendixfill.cli;

import appendixfill.fixtures.LibreOffice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import appendixfill.fixtures.RunStamps;
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

    static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    @Test
    void fillingTheExampleWritesFiveFilesSaysHowManyFiguresOfTheReportAreUnderErrorAndExitsOne() throws IOException {
        Path input = Files.copy(EXAMPLE, folder.resolve("vu muộn 2023.xlsx"));

        CommandRun run = run(input.toString());

        assertEquals(1, run.exit());
        assertEquals("""
                vu muộn 2023.xlsx: xã Vũ Muộn, năm 2023
                Kết quả kiểm tra: 7 lỗi, 7 cảnh báo, 2 thông tin.
                Báo cáo còn 7 số liệu có lỗi, được tô màu và ghi chú ngay tại số liệu trong tệp .report.docx: sửa các \
                lỗi trong biểu rồi chạy lại trước khi ban hành báo cáo.
                Đã ghi:
                  %1$s.filled.xlsx
                  %1$s.report.txt
                  %1$s.report.docx
                  %1$s.values.csv
                  %1$s.findings.csv
                Xem từng lỗi ở trang «Kết quả kiểm tra» của tệp .filled.xlsx hoặc trong tệp .findings.csv.
                """.formatted(folder.resolve("vu muộn 2023")), run.out());
        assertEquals("", run.err());
        assertArrayEquals(Files.readAllBytes(EXAMPLE), Files.readAllBytes(input), "the input is untouched");
    }

    @Test
    void aWorkbookStillOpenInExcelOrLibreOfficeIsFilledFromItsLastSaveWithANote() throws IOException {
        Path input = Files.copy(EXAMPLE, folder.resolve("Phụ lục I.xlsx"));
        Files.writeString(folder.resolve("~$Phụ lục I.xlsx"), "");

        CommandRun run = run(input.toString());

        assertEquals(1, run.exit());
        assertEquals(List.of("Phụ lục I.xlsx: xã Vũ Muộn, năm 2023", "Kết quả kiểm tra: 7 lỗi, 7 cảnh báo, 2 thông tin.",
                "Lưu ý: «Phụ lục I.xlsx» đang mở trong Excel (có tệp khóa «~$Phụ lục I.xlsx» bên cạnh), nên đã dùng bản "
                        + "lưu lần cuối: những gì vừa sửa mà chưa lưu không có trong kết quả. Nếu vậy, hãy lưu tệp "
                        + "(Ctrl+S) rồi chạy lại."), run.out().lines().limit(3).toList());

        Files.delete(folder.resolve("~$Phụ lục I.xlsx"));
        Files.writeString(folder.resolve(".~lock.Phụ lục I.xlsx#"), "");
        assertEquals("Lưu ý: «Phụ lục I.xlsx» đang mở trong LibreOffice (có tệp khóa «.~lock.Phụ lục I.xlsx#» bên cạnh),"
                + " nên đã dùng bản lưu lần cuối: những gì vừa sửa mà chưa lưu không có trong kết quả. Nếu vậy, hãy lưu"
                + " tệp (Ctrl+S) rồi chạy lại.", run(input.toString()).out().lines().skip(2).findFirst().orElse(""));
    }

    @Test
    void aCleanWorkbooksFillSaysNothingOfFiguresUnderErrorAndExitsZero() throws IOException {
        Path input = appendixfill.fixtures.TypedWorkbooks.write(appendixfill.fixtures.TypedWorkbooks.readTyped(
                Path.of("src/test/resources/golden/clean-quarter-phuong/typed.tsv")), folder.resolve("sach.xlsx"));

        CommandRun run = run(input.toString());

        assertEquals(0, run.exit(), run.out());
        assertEquals(List.of("sach.xlsx: phường Đông Hưng Thuận, quý III năm 2025", "Kết quả kiểm tra: 0 lỗi, 0 cảnh báo, "
                + "1 thông tin.", "Đã ghi:"), run.out().lines().limit(3).toList());
    }

    @Test
    void aMissingFileAndAFolderWithoutWorkbooksAreRefused() throws IOException {
        Path missing = folder.resolve("khong-co.xlsx");
        CommandRun run = run(missing.toString());
        assertEquals(2, run.exit());
        assertEquals("Không tìm thấy tệp «" + missing + "». Hãy kiểm tra lại tên và đường dẫn. Cần bảng tính Phụ lục I "
                + "dạng Excel (.xlsx, .xlsm, .xls) hoặc LibreOffice (.ods).\n", run.err());

        Path sub = Files.createDirectory(folder.resolve("thu muc"));
        run = run(sub.toString());
        assertEquals(2, run.exit());
        assertEquals("Thư mục «" + sub + "» không có tệp bảng tính nào cần xử lý (các tệp .filled.xlsx và tệp khóa ~$ "
                + "được bỏ qua).\n", run.err());
    }

    @Test
    void aFolderFillsEveryWorkbookInItButTheToolsOwnOutputs() throws IOException {
        Path batch = Files.createDirectory(folder.resolve("quý 3"));
        Files.copy(EXAMPLE, batch.resolve("a.xlsx"));
        Files.copy(EXAMPLE, batch.resolve("b.xlsx"));
        Files.copy(EXAMPLE, batch.resolve("c.filled.xlsx"));

        CommandRun run = run(batch.toString());

        assertEquals(1, run.exit());
        assertTrue(Files.exists(batch.resolve("a.values.csv")) && Files.exists(batch.resolve("b.values.csv")));
        assertTrue(Files.notExists(batch.resolve("c.filled.filled.xlsx")));
        assertEquals(2, run.out().lines().filter(line -> line.startsWith("Kết quả kiểm tra:")).count());
    }

    @Test
    void aFolderIsFilledOnEveryCoreYetReportedInOrderEachWorkbookAsIfFilledAlone() throws IOException {
        Path alone = Files.createDirectory(folder.resolve("alone"));
        run(EXAMPLE.toString(), "--out", alone.toString());
        Path batch = Files.createDirectory(folder.resolve("batch"));
        List<String> names = List.of("a.xlsx", "b.xlsx", "c.xlsx", "d.xlsx", "e.xlsx", "f.xlsx", "g.xlsx", "h.xlsx");
        for (String name : names) {
            Files.copy(EXAMPLE, batch.resolve(name));
        }
        Files.writeString(batch.resolve("d.xlsx"), "STT;Nội dung");

        CommandRun run = run(batch.toString());

        assertEquals(2, run.exit(), "the worst of the workbooks: d.xlsx is unusable");
        assertEquals(List.of("a.xlsx", "b.xlsx", "c.xlsx", "e.xlsx", "f.xlsx", "g.xlsx", "h.xlsx"), run.out().lines()
                .filter(line -> line.endsWith(": xã Vũ Muộn, năm 2023")).map(line -> line.substring(0, line.indexOf(':')))
                .toList());
        assertTrue(run.err().startsWith("Tệp «" + batch.resolve("d.xlsx") + "»"), run.err());
        assertEquals("Tổng cộng: 0 tệp không có lỗi, 7 tệp có lỗi số liệu, 1 tệp không dùng được.",
                run.out().lines().reduce((first, second) -> second).orElse(""));
        for (String name : List.of("a", "b", "c", "e", "f", "g", "h")) {
            for (String output : List.of(".report.txt", ".report.docx", ".values.csv", ".findings.csv")) {
                assertArrayEquals(Files.readAllBytes(alone.resolve("vu-muon-nam-2023" + output)),
                        Files.readAllBytes(batch.resolve(name + output)), name + output);
            }
            assertEquals(RunStamps.withoutStamp(alone.resolve("vu-muon-nam-2023.filled.xlsx")),
                    RunStamps.withoutStamp(batch.resolve(name + ".filled.xlsx")), name + ".filled.xlsx but its run stamp");
        }
    }

    @Test
    void aListFileNamesOneWholeWorkbookALineAsNotepadSavesIt() throws IOException {
        Path first = Files.copy(EXAMPLE, folder.resolve("xã Vũ Muộn quý 3.xlsx"));
        Path second = Files.copy(EXAMPLE, folder.resolve("phường Hà Cầu.xlsx"));
        Path list = Files.writeString(folder.resolve("danh sách.txt"), "\uFEFF" + first + "\r\n\r\n# quý 3\r\n\""
                + second + "\"\r\n", java.nio.charset.StandardCharsets.UTF_8);

        CommandRun run = run("@" + list);

        assertEquals(1, run.exit(), run.err());
        assertEquals("", run.err());
        assertTrue(Files.exists(folder.resolve("xã Vũ Muộn quý 3.values.csv")));
        assertTrue(Files.exists(folder.resolve("phường Hà Cầu.values.csv")));
    }

    @Test
    void aMissingListFileIsRefusedSayingWhatAListFileIs() {
        Path list = folder.resolve("khong-co.txt");

        CommandRun run = run("@" + list);

        assertEquals(2, run.exit());
        assertEquals("Không tìm thấy tệp danh sách «" + list + "». Tệp danh sách là tệp văn bản UTF-8, mỗi dòng một tệp "
                + "cần xử lý; dùng: appendix-fill @danh-sach.txt\n", run.err());
    }

    @Test
    void aListFileThatIsAFolderIsRefusedSayingSo() throws IOException {
        Path list = Files.createDirectory(folder.resolve("danh-sach"));

        CommandRun run = run("@" + list);

        assertEquals(2, run.exit());
        assertEquals("Không đọc được tệp danh sách «" + list + "»: đây là một thư mục, không phải tệp. Tệp danh sách là "
                + "tệp văn bản UTF-8, mỗi dòng một tệp cần xử lý.\n", run.err());
    }

    @Test
    void theLanguageMayBeAskedBeforeTheCommand() {
        Path missing = folder.resolve("khong-co");

        CommandRun run = run("--lang", "en", "consolidate", missing.toString());

        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("Folder «" + missing + "»"), run.err());
    }

    @Test
    void aLanguageNotOfferedIsSaidWithTheLanguagesThatAre() {
        CommandRun run = run("--lang", "fr", "bieu.xlsx");

        assertEquals(2, run.exit());
        assertEquals("Lỗi dòng lệnh: giá trị «fr» không hợp lệ cho «--lang»; cần vi|en. Xem cách dùng: appendix-fill "
                + "--help\n", run.err());
    }

    @Test
    void anArgumentFileListsWorkbooksWithVietnameseNames() throws IOException {
        Path input = Files.copy(EXAMPLE, folder.resolve("Vũ Muộn.xlsx"));
        Path list = Files.writeString(folder.resolve("danh-sach.txt"), "\"" + input + "\"\n",
                java.nio.charset.StandardCharsets.UTF_8);

        CommandRun run = run("@" + list);

        assertEquals(1, run.exit());
        assertTrue(Files.exists(folder.resolve("Vũ Muộn.values.csv")), run.err());
    }

    @Test
    void anOutputFolderThatCannotBeCreatedIsRefusedAndTheInputKept() throws IOException {
        Path input = Files.copy(EXAMPLE, folder.resolve("bieu.xlsx"));
        Path blocker = Files.writeString(folder.resolve("ket-qua"), "a file where the folder should be");

        CommandRun run = run(input.toString(), "--out", blocker.resolve("sub").toString());

        assertEquals(2, run.exit());
        assertEquals("Không tạo được thư mục kết quả «" + blocker.resolve("sub") + "». Hãy chọn thư mục khác bằng "
                + "--out, hoặc kiểm tra quyền ghi.\n", run.err());
        assertEquals(List.of(input, blocker), listing());
    }

    @Test
    void noWorkbookGivenIsAUsageErrorWithAnExample() {
        CommandRun run = run();

        assertEquals(2, run.exit());
        assertEquals("""
                Chưa chỉ ra tệp cần xử lý. Ví dụ: appendix-fill bieu-phu-luc-i.xlsx
                Tạo mẫu trống: appendix-fill template -o mau-phu-luc-i.xlsx. Xem thêm: appendix-fill --help
                """, run.err());
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        CommandRun run = run("--bogus");

        assertEquals(2, run.exit());
        assertEquals("Lỗi dòng lệnh: không hiểu «--bogus». Xem cách dùng: appendix-fill --help\n", run.err());
    }

    @Test
    void templateWithoutItsFileIsAUsageErrorInVietnamese() {
        CommandRun run = run("template");

        assertEquals(2, run.exit());
        assertEquals("Lỗi dòng lệnh: thiếu «--out TỆP.xlsx». Xem cách dùng: appendix-fill template --help\n", run.err());
    }

    @Test
    void templateRefusesANameWithoutXlsx() {
        CommandRun run = run("template", "-o", folder.resolve("mau").toString());

        assertEquals(2, run.exit());
        assertEquals("Tên tệp mẫu «" + folder.resolve("mau") + "» phải có đuôi .xlsx, ví dụ: mau-phu-luc-i.xlsx.\n",
                run.err());
    }

    @Test
    void twoWorkbooksOfTheSameNameNeverOverwriteEachOthersOutputs() throws IOException {
        Path first = Files.copy(EXAMPLE, Files.createDirectory(folder.resolve("x")).resolve("a.xlsx"));
        Path second = Files.copy(EXAMPLE, Files.createDirectory(folder.resolve("y")).resolve("a.xlsx"));
        Path out = folder.resolve("out");

        CommandRun run = run(first.toString(), second.toString(), "--out", out.toString());

        assertEquals(2, run.exit());
        assertEquals("Tệp «" + first + "» và «" + second + "» sẽ ghi ra cùng tệp kết quả «"
                + out.toAbsolutePath().normalize().resolve("a.filled.xlsx") + "». Hãy đổi tên một tệp, hoặc xử lý từng "
                + "tệp với --out khác nhau. Chưa ghi gì.\n", run.err());
        assertTrue(Files.notExists(out.resolve("a.filled.xlsx")), "nothing written");
    }

    @Test
    void helpIsInVietnamese() {
        CommandRun run = run("--help");

        assertEquals(0, run.exit());
        assertTrue(run.out().startsWith("Cách dùng: appendix-fill"), run.out());
        assertTrue(run.out().contains("Hiện hướng dẫn này."), run.out());
        assertTrue(run.out().contains("Mã thoát:"), run.out());
        assertTrue(run.out().contains("[LỆNH]") && !run.out().contains("COMMAND"), run.out());
    }

    @Test
    void aWorkbookNamedHelpIsStillFilled() throws IOException {
        String[] help = {"help"};
        assertArrayEquals(new String[] {"--help"}, Main.helpAsOption(help, folder));

        Files.copy(EXAMPLE, folder.resolve("help"));

        assertArrayEquals(help, Main.helpAsOption(help, folder));
        assertArrayEquals(new String[] {"help", "consolidate"}, Main.helpAsOption(new String[] {"help", "consolidate"},
                folder));
    }

    @Test
    void helpTypedAsAWordShowsTheHelpOfTheToolOrOfACommand() {
        CommandRun help = run("help");
        CommandRun consolidateHelp = run("help", "consolidate");

        assertEquals(0, help.exit());
        assertEquals(run("--help").out(), help.out());
        assertEquals(0, consolidateHelp.exit());
        assertEquals(run("consolidate", "--help").out(), consolidateHelp.out());
        assertTrue(consolidateHelp.out().startsWith("Cách dùng: appendix-fill consolidate [-h] [-o=TỆP.xlsx]"),
                consolidateHelp.out());
    }

    @Test
    void withLangEnTheUsageErrorIsInEnglish() {
        CommandRun run = run("--lang", "en", "--bogus");

        assertEquals(2, run.exit());
        assertEquals("Command line error: Unknown option: '--bogus'. See the usage: appendix-fill --help\n", run.err());
    }

    @Test
    void templateWritesTheBlankFormAndRefusesToOverwrite() throws IOException {
        Path target = folder.resolve("mẫu.xlsx");

        CommandRun first = run("template", "-o", target.toString());
        CommandRun second = run("template", "-o", target.toString());

        assertEquals(0, first.exit());
        assertEquals("Đã ghi mẫu Phụ lục I trống: " + target + "\n", first.out());
        assertTrue(Files.size(target) > 0);
        assertEquals(2, second.exit());
        assertEquals("Tệp «" + target + "» đã có; không ghi đè để khỏi mất số liệu. Chọn tên khác, hoặc thêm --force "
                + "để ghi đè.\n", second.err());
    }

    @Test
    void theHandReadFillSaysExactlyWhatPicocliSays() throws IOException {
        Path input = Files.copy(EXAMPLE, folder.resolve("Vũ Muộn.xlsx"));
        Path empty = Files.createDirectory(folder.resolve("thư mục trống"));
        Path missing = folder.resolve("không có.xlsx");
        Path out = folder.resolve("kết quả");
        List<List<String>> commandLines = List.of(
                List.of(input.toString()),
                List.of(input.toString(), "--out", out.toString(), "--lang", "Vi"),
                List.of("--out=" + out, input.toString(), input.toString()),
                List.of(missing.toString(), "--lang=EN"),
                List.of(missing.toString(), empty.toString(), "--lang", "en"),
                List.of(empty.toString()));

        for (List<String> commandLine : commandLines) {
            String[] args = commandLine.toArray(String[]::new);
            StringWriter picocliOut = new StringWriter();
            StringWriter picocliErr = new StringWriter();
            int exit = PicocliCommandLine.create(new PrintWriter(picocliOut), new PrintWriter(picocliErr)).execute(args);
            CommandRun byPicocli = new CommandRun(exit, picocliOut.toString(), picocliErr.toString());

            assertTrue(FillArguments.parse(args).isPresent(), "read by hand: " + commandLine);
            assertEquals(byPicocli, run(args), commandLine.toString());
        }
    }

    @Test
    void anInternalErrorIsLoggedAndSaidInOneLineInTheLanguageAsked() throws IOException {
        StringWriter err = new StringWriter();
        Path logs = Files.createDirectory(folder.resolve("nhật ký"));

        int exit = Main.internalError(new IllegalStateException("hỏng"), Main.language(new String[] {"a.xlsx", "--lang",
            "en"}), new PrintWriter(err, true), new ErrorLog(logs));

        assertEquals(3, exit);
        List<Path> written;
        try (Stream<Path> files = Files.list(logs)) {
            written = files.toList();
        }
        assertEquals(1, written.size());
        assertEquals("Internal error of appendix-fill (IllegalStateException). The details are in «" + written.get(0)
                + "»; send that file to whoever supports you.\n", err.toString());
        assertTrue(Files.readString(written.get(0)).startsWith("java.lang.IllegalStateException: hỏng\n"));
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
