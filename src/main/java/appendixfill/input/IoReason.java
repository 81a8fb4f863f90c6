package appendixfill.input;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Why reading or writing a file failed (lý do), as an officer is told it: Java's own text is
 * often only the path ({@link NoSuchFileException}) or a bare "Is a directory", so the usual
 * causes are named from the catalogue, and Java's text is said only for the rest.
 */
public final class IoReason {

    private IoReason() {
    }

    /** Why {@code file} could not be read: missing, a folder, no permission, not UTF-8, else Java's reason. */
    public static Message reading(Path file, IOException e) {
        if (e instanceof CharacterCodingException) {
            return Message.of("reason.not-utf8");
        }
        return of(file, e, "reason.is-folder", "reason.denied-read");
    }

    /** Why {@code file} could not be written: a folder of its name is there, no permission, else as for reading. */
    public static Message writing(Path file, IOException e) {
        return of(file, e, "reason.directory", "reason.denied");
    }

    private static Message of(Path file, IOException e, String folder, String denied) {
        // Asked of the file system first: reading a folder fails with a plain IOException, "Is a directory".
        if (Files.isDirectory(file)) {
            return Message.of(folder);
        }
        if (e instanceof NoSuchFileException) {
            return Message.of("reason.not-found");
        }
        // EACCES (permissions) and EPERM (an immutable or read-only-mounted folder) mean the same to an officer.
        if (e instanceof AccessDeniedException
                || e instanceof FileSystemException fs && String.valueOf(fs.getReason()).contains("not permitted")) {
            return Message.of(denied);
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return Message.literal(fs.getReason());
        }
        return Message.literal(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
}
