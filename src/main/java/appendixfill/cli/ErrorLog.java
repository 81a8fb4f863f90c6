package appendixfill.cli;

import appendixfill.input.IoReason;
import appendixfill.input.Message;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The log of one run's internal errors (nhật ký lỗi): a file of its own, made at the run's first
 * fault and named by the time and the process ({@code appendix-fill-error-20251206-143005-4242.log}),
 * so that neither a second workbook of a batch nor a second user overwrites it; every fault of the
 * run is appended to it. Nothing is touched, not even the clock, until a fault happens: a normal run
 * starts no date machinery.
 */
final class ErrorLog {

    private final Path folder;
    private Path file;

    ErrorLog(Path folder) {
        this.folder = folder;
    }

    /** The log of this run, in the temporary folder. */
    static ErrorLog inTemporaryFolder() {
        return new ErrorLog(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Where a fault was written, or why it could not be. */
    sealed interface Written {

        /** What the officer is told of a fault of this kind ({@code what}: its exception's simple name). */
        Message said(String what);

        /** The fault is in this file. */
        record To(Path file) implements Written {
            @Override
            public Message said(String what) {
                return Message.of("cli.internal", what, file);
            }
        }

        /** Nothing could be written to the folder, for this reason. */
        record Failed(Path folder, Message reason) implements Written {
            @Override
            public Message said(String what) {
                return Message.of("cli.internal-unlogged", what, folder, reason);
            }
        }
    }

    /** Appends the fault, with its stack trace, to this run's log (made now if this is the first fault). */
    synchronized Written write(Throwable fault) {
        return write("", fault);
    }

    /** Appends the fault with what the tool was doing (the workbook it was reading), then its stack trace. */
    synchronized Written write(String context, Throwable fault) {
        Path target = file != null ? file : folder.resolve("appendix-fill-error-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                + ProcessHandle.current().pid() + ".log");
        try {
            if (file == null) {
                file = create(target);
            }
            try (OutputStream bytes = Files.newOutputStream(file, StandardOpenOption.APPEND);
                    PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
                if (!context.isEmpty()) {
                    stream.println(context);
                }
                fault.printStackTrace(stream);
            }
            return new Written.To(file);
        } catch (IOException e) {
            return new Written.Failed(folder, IoReason.writing(target, e));
        }
    }

    /** A new file of that name, or, when an earlier run of this process in the same second has it, NAME-2.log, -3… */
    private static Path create(Path first) throws IOException {
        String name = first.getFileName().toString().replaceFirst("\\.log$", "");
        for (int n = 1; ; n++) {
            try {
                return Files.createFile(n == 1 ? first : first.resolveSibling(name + "-" + n + ".log"));
            } catch (FileAlreadyExistsException e) {
                // Taken: the next number.
            }
        }
    }
}
