package appendixfill.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a black box: arguments in, exit code and exact output out. */
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
    void aTextFileNamedXlsxIsRefusedWithOneVietnameseLineAndNothingWritten() throws IOException {
        Path input = Files.writeString(folder.resolve("bieu.xlsx"), "STT;Chỉ tiêu;Số liệu\n1.1;Văn bản;4\n");

        assertRefused(input, "Tệp «" + input + "» không phải là tệp Excel (.xlsx). Cần một tệp Excel .xlsx theo mẫu "
                + "Phụ lục I; tạo mẫu trống bằng lệnh «appendix-fill template -o mau.xlsx».");
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        Path input = Files.createFile(folder.resolve("rong.xlsx"));

        assertRefused(input, "Tệp «" + input + "» rỗng (0 byte). Cần một tệp Excel .xlsx theo mẫu Phụ lục I.");
    }

    @Test
    void aTruncatedWorkbookIsRefused() throws IOException {
        byte[] whole = Files.readAllBytes(EXAMPLE);
        Path input = Files.write(folder.resolve("cut.xlsx"), Arrays.copyOf(whole, whole.length / 2));

        assertRefused(input, "Tệp «" + input + "» bị hỏng hoặc không trọn vẹn (có thể tải về hoặc sao chép chưa xong). "
                + "Hãy lấy lại tệp gốc, mở bằng Excel hoặc LibreOffice, lưu lại rồi chạy lại.");
    }

    @Test
    void aWordDocumentRenamedToXlsxIsRefusedSayingWhatItIs() throws IOException {
        Path input = folder.resolve("bao-cao.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(input))) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes());
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<document/>".getBytes());
        }

        assertRefused(input, "Tệp «" + input + "» là một văn bản Word (.docx), không phải bảng tính Excel (.xlsx). "
                + "Hãy mở biểu Phụ lục I bằng Excel hoặc LibreOffice và lưu dưới dạng .xlsx.");
    }

    @Test
    void aPasswordProtectedWorkbookIsRefusedSayingHowToRemoveThePassword() throws Exception {
        Path input = folder.resolve("mat-khau.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("123");
            try (OutputStream out = encryptor.getDataStream(fs)) {
                Files.copy(EXAMPLE, out);
            }
            try (OutputStream file = Files.newOutputStream(input)) {
                fs.writeFilesystem(file);
            }
        }

        assertRefused(input, "Tệp «" + input + "» được đặt mật khẩu nên không đọc được. Hãy mở bằng Excel, bỏ mật khẩu "
                + "(Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu, xóa mật khẩu), lưu lại rồi chạy lại.");
    }

    @Test
    void aWorkbookThatIsNotTheFormIsRefused() throws IOException {
        Path input = folder.resolve("Sheet1.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(input)) {
            workbook.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("STT");
            workbook.write(out);
        }

        assertRefused(input, "Tệp «" + input + "» không phải biểu Phụ lục I theo mẫu của appendix-fill: không có ô nào "
                + "được đặt tên như PL_1_1 (trang «Phụ lục I»). Hãy nhập số liệu vào mẫu tạo bởi lệnh "
                + "«appendix-fill template -o mau.xlsx».");
    }

    @Test
    void anExcelLockFileIsRefusedNamingTheRealFile() throws IOException {
        Path input = Files.write(folder.resolve("~$bieu.xlsx"), new byte[] {1, 2, 3});

        assertRefused(input, "Tệp «" + input + "» là tệp khóa tạm của Excel, không phải bảng tính. "
                + "Hãy chọn tệp «bieu.xlsx».");
    }

    @Test
    void aMissingFileAndAFolderWithoutWorkbooksAreRefused() throws IOException {
        Path missing = folder.resolve("khong-co.xlsx");
        Run run = run(missing.toString());
        assertEquals(2, run.exit());
        assertEquals("Không tìm thấy tệp «" + missing + "». Hãy kiểm tra lại tên và đường dẫn; cần một tệp Excel "
                + ".xlsx theo mẫu Phụ lục I.\n", run.err());

        Path sub = Files.createDirectory(folder.resolve("thu muc"));
        run = run(sub.toString());
        assertEquals(2, run.exit());
        assertEquals("Thư mục «" + sub + "» không có tệp .xlsx nào cần xử lý (các tệp .filled.xlsx và tệp khóa ~$ "
                + "được bỏ qua).\n", run.err());
    }

    @Test
    void aFolderFillsEveryWorkbookInItButTheToolsOwnOutputs() throws IOException {
        Path batch = Files.createDirectory(folder.resolve("quý 3"));
        Files.copy(EXAMPLE, batch.resolve("a.xlsx"));
        Files.copy(EXAMPLE, batch.resolve("b.xlsx"));
        Files.copy(EXAMPLE, batch.resolve("c.filled.xlsx"));

        Run run = run(batch.toString());

        assertEquals(1, run.exit());
        assertTrue(Files.exists(batch.resolve("a.values.csv")) && Files.exists(batch.resolve("b.values.csv")));
        assertTrue(Files.notExists(batch.resolve("c.filled.filled.xlsx")));
        assertEquals(2, run.out().lines().filter(line -> line.startsWith("Kết quả kiểm tra:")).count());
    }

    @Test
    void anArgumentFileListsWorkbooksWithVietnameseNames() throws IOException {
        Path input = Files.copy(EXAMPLE, folder.resolve("Vũ Muộn.xlsx"));
        Path list = Files.writeString(folder.resolve("danh-sach.txt"), "\"" + input + "\"\n",
                java.nio.charset.StandardCharsets.UTF_8);

        Run run = run("@" + list);

        assertEquals(1, run.exit());
        assertTrue(Files.exists(folder.resolve("Vũ Muộn.values.csv")), run.err());
    }

    @Test
    void anOutputFolderThatCannotBeCreatedIsRefusedAndTheInputKept() throws IOException {
        Path input = Files.copy(EXAMPLE, folder.resolve("bieu.xlsx"));
        Path blocker = Files.writeString(folder.resolve("ket-qua"), "a file where the folder should be");

        Run run = run(input.toString(), "--out", blocker.resolve("sub").toString());

        assertEquals(2, run.exit());
        assertEquals("Không tạo được thư mục kết quả «" + blocker.resolve("sub") + "». Hãy chọn thư mục khác bằng "
                + "--out, hoặc kiểm tra quyền ghi.\n", run.err());
        assertEquals(List.of(input, blocker), listing());
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
        assertEquals("Lỗi dòng lệnh: không hiểu «--bogus». Xem cách dùng: appendix-fill --help\n", run.err());
    }

    @Test
    void templateWithoutItsFileIsAUsageErrorInVietnamese() {
        Run run = run("template");

        assertEquals(2, run.exit());
        assertEquals("Lỗi dòng lệnh: thiếu «--out FILE.xlsx». Xem cách dùng: appendix-fill --help\n", run.err());
    }

    @Test
    void templateRefusesANameWithoutXlsx() {
        Run run = run("template", "-o", folder.resolve("mau").toString());

        assertEquals(2, run.exit());
        assertEquals("Tên tệp mẫu «" + folder.resolve("mau") + "» phải có đuôi .xlsx, ví dụ: mau-phu-luc-i.xlsx.\n",
                run.err());
    }

    @Test
    void twoWorkbooksOfTheSameNameNeverOverwriteEachOthersOutputs() throws IOException {
        Path first = Files.copy(EXAMPLE, Files.createDirectory(folder.resolve("x")).resolve("a.xlsx"));
        Path second = Files.copy(EXAMPLE, Files.createDirectory(folder.resolve("y")).resolve("a.xlsx"));
        Path out = folder.resolve("out");

        Run run = run(first.toString(), second.toString(), "--out", out.toString());

        assertEquals(2, run.exit());
        assertEquals("Bỏ qua «" + second + "»: kết quả của nó sẽ ghi đè kết quả của «" + first + "» vừa ghi trong lần "
                + "chạy này (cùng tên, cùng thư mục kết quả). Đổi tên một trong hai tệp, hoặc chạy riêng với --out "
                + "khác.\n", run.err());
        assertTrue(run.out().endsWith("Tổng cộng: 0 tệp không có lỗi, 1 tệp có lỗi số liệu, 1 tệp không dùng được.\n"));
    }

    @Test
    void helpIsInVietnamese() {
        Run run = run("--help");

        assertEquals(0, run.exit());
        assertTrue(run.out().startsWith("Cách dùng: appendix-fill"), run.out());
        assertTrue(run.out().contains("Hiện hướng dẫn này."), run.out());
        assertTrue(run.out().contains("Mã thoát:"), run.out());
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

    private void assertRefused(Path input, String message) throws IOException {
        byte[] before = Files.readAllBytes(input);
        List<Path> filesBefore = listing();

        Run run = run(input.toString());

        assertEquals(2, run.exit());
        assertEquals(message + "\n", run.err());
        assertEquals("", run.out());
        assertArrayEquals(before, Files.readAllBytes(input), "the input is byte-identical afterwards");
        assertEquals(filesBefore, listing(), "no output, no temporary file");
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
