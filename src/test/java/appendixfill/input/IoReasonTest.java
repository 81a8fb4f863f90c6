package appendixfill.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Why a file could not be read or written, in the officer's words rather than Java's (which is often just the path). */
class IoReasonTest {

    @TempDir
    Path folder;

    static IOException failure(String kind, Path file) {
        return switch (kind) {
            case "missing" -> new NoSuchFileException(file.toString());
            case "denied" -> new AccessDeniedException(file.toString());
            case "not-permitted" -> new FileSystemException(file.toString(), null, "Operation not permitted");
            case "not-utf8" -> new MalformedInputException(1);
            case "disk-full" -> new FileSystemException(file.toString(), null, "No space left on device");
            case "other" -> new IOException("Stream closed");
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource(delimiter = '|', textBlock = """
            missing       | vi | không có tệp hoặc thư mục này
            missing       | en | there is no such file or folder
            denied        | vi | không có quyền đọc
            denied        | en | no permission to read
            not-permitted | vi | không có quyền đọc
            not-utf8      | vi | tệp không lưu theo bảng mã UTF-8 (trong Excel: Lưu thành > CSV UTF-8)
            not-utf8      | en | the file is not saved as UTF-8 (in Excel: Save As > CSV UTF-8)
            disk-full     | vi | No space left on device
            other         | en | Stream closed
            """)
    void aFileThatCannotBeReadIsSaidWhy(String kind, String language, String expected) {
        Path file = folder.resolve("ds.csv");
        assertEquals(expected, IoReason.reading(file, failure(kind, file)).in(Language.valueOf(language.toUpperCase())));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource(delimiter = '|', textBlock = """
            missing       | vi | không có tệp hoặc thư mục này
            denied        | vi | không có quyền ghi
            denied        | en | no permission to write
            not-permitted | en | no permission to write
            disk-full     | vi | No space left on device
            """)
    void aFileThatCannotBeWrittenIsSaidWhy(String kind, String language, String expected) {
        Path file = folder.resolve("t.xlsx");
        assertEquals(expected, IoReason.writing(file, failure(kind, file)).in(Language.valueOf(language.toUpperCase())));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            vi | đây là một thư mục, không phải tệp | đã có một thư mục cùng tên
            en | it is a folder, not a file         | a folder of that name is there
            """)
    void aFolderWhereAFileShouldBeIsSaidSoWhateverJavaSays(String language, String reading, String writing) {
        // Java's words for reading a folder are a bare "Is a directory".
        IOException e = new IOException("Is a directory");
        Language said = Language.valueOf(language.toUpperCase());
        assertEquals(reading, IoReason.reading(folder, e).in(said));
        assertEquals(writing, IoReason.writing(folder, e).in(said));
    }
}
