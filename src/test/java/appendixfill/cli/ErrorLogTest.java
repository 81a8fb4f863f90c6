package appendixfill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import appendixfill.input.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The internal-error log: one file per run, every fault of the run in it, a plain message when it cannot be written. */
class ErrorLogTest {

    @TempDir
    Path folder;

    @Test
    void nothingIsWrittenUntilAFaultHappens() throws IOException {
        new ErrorLog(folder);

        assertEquals(List.of(), listing());
    }

    @Test
    void theLogIsNamedByTheTimeAndTheProcess() throws IOException {
        ErrorLog.Written written = new ErrorLog(folder).write(new IllegalStateException("hỏng"));

        Path log = ((ErrorLog.Written.To) written).file();
        assertEquals(List.of(log), listing());
        assertTrue(log.getFileName().toString().matches("appendix-fill-error-\\d{8}-\\d{6}-"
                + ProcessHandle.current().pid() + "\\.log"), log.toString());
    }

    @Test
    void everyFaultOfARunGoesToTheOneLogMadeAtItsFirst() throws IOException {
        ErrorLog log = new ErrorLog(folder);

        ErrorLog.Written first = log.write(new IllegalStateException("bìa hỏng"));
        ErrorLog.Written second = log.write(new IllegalArgumentException("trang hỏng"));

        assertEquals(first, second);
        Path file = ((ErrorLog.Written.To) first).file();
        assertEquals(List.of(file), listing());
        String text = Files.readString(file);
        assertTrue(text.startsWith("java.lang.IllegalStateException: bìa hỏng\n"), text);
        assertTrue(text.contains("\njava.lang.IllegalArgumentException: trang hỏng\n"), text);
    }

    @Test
    void twoRunsNeverShareALogEvenInTheSameSecond() throws IOException {
        Path first = ((ErrorLog.Written.To) new ErrorLog(folder).write(new IllegalStateException("a"))).file();
        Path second = ((ErrorLog.Written.To) new ErrorLog(folder).write(new IllegalStateException("b"))).file();

        assertNotEquals(first, second);
        assertEquals("java.lang.IllegalStateException: a", Files.readString(first).lines().findFirst().orElseThrow());
        assertEquals("java.lang.IllegalStateException: b", Files.readString(second).lines().findFirst().orElseThrow());
    }

    @Test
    void aFolderThatCannotTakeTheLogIsSaidPlainlyWithWhereAndWhy() {
        Path missing = folder.resolve("không có");

        ErrorLog.Written written = new ErrorLog(missing).write(new IllegalStateException("hỏng"));

        assertEquals("Lỗi nội bộ của appendix-fill (IllegalStateException). Không ghi được nhật ký lỗi vào thư mục «"
                + missing + "»: không có tệp hoặc thư mục này. Hãy chụp lại thông báo này và gửi cho người hỗ trợ.",
                written.said("IllegalStateException").in(Language.VI));
        assertEquals("Internal error of appendix-fill (IllegalStateException). The error log could not be written to "
                + "folder «" + missing + "»: there is no such file or folder. Take a screenshot of this message and send it to "
                + "whoever supports you.", written.said("IllegalStateException").in(Language.EN));
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
