package appendixfill.fill;

import appendixfill.input.IoReason;
import appendixfill.input.Message;
import appendixfill.input.UnusableInput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outputs of one fill, written all or nothing: each goes to a temporary file in the target
 * folder first, and only when every one is written are they moved into place.
 */
public final class OutputFiles implements AutoCloseable {

    /** Writes the content of one output. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException, UnusableInput;
    }

    private final Path folder;
    private final Map<Path, Path> staged = new LinkedHashMap<>();

    public OutputFiles(Path folder) {
        this.folder = folder;
    }

    private static final java.util.concurrent.atomic.AtomicLong SERIAL = new java.util.concurrent.atomic.AtomicLong();

    /**
     * A temporary file's name, unique to this process and this output: it is created with
     * CREATE_NEW, so a name left by another run is never written over. (A random UUID would start
     * the secure random generator, a noticeable part of a single fill.)
     */
    private Path temporary() {
        return folder.resolve(".appendix-fill-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + "-"
                + SERIAL.incrementAndGet() + ".tmp");
    }

    /** Writes one output to its temporary file. */
    public void stage(String fileName, Content content) throws UnusableInput {
        Path target = folder.resolve(fileName);
        // Not Files.createTempFile: its owner-only permissions would stay on the output.
        Path temp = temporary();
        staged.put(target, temp);
        try (OutputStream out = Files.newOutputStream(temp, java.nio.file.StandardOpenOption.CREATE_NEW)) {
            content.writeTo(out);
        } catch (IOException e) {
            throw new UnusableInput(Message.of("output.not-written", folder, IoReason.writing(temp, e)), e);
        }
    }

    /**
     * Writes several outputs to their temporary files at once, each on its own thread (the
     * consolidated workbook and long.csv take the longest); they are committed in the order given.
     */
    public void stageTogether(Map<String, Content> contents) throws UnusableInput {
        Map<String, Path> temps = new LinkedHashMap<>();
        for (String fileName : contents.keySet()) {
            Path temp = temporary();
            staged.put(folder.resolve(fileName), temp);
            temps.put(fileName, temp);
        }
        List<UnusableInput> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        contents.entrySet().parallelStream().forEach(entry -> {
            Path temp = temps.get(entry.getKey());
            try (OutputStream out = Files.newOutputStream(temp, java.nio.file.StandardOpenOption.CREATE_NEW)) {
                entry.getValue().writeTo(out);
            } catch (IOException e) {
                failures.add(new UnusableInput(Message.of("output.not-written", folder, IoReason.writing(temp, e)), e));
            } catch (UnusableInput e) {
                failures.add(e);
            }
        });
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    /** Moves every staged output into place; returns the files written. */
    public List<Path> commit() throws UnusableInput {
        // Checked for all before moving any, so that one output that cannot be replaced leaves the others as they were.
        for (Path target : staged.keySet()) {
            if (Files.isDirectory(target) || Files.exists(target) && !Files.isWritable(target)) {
                throw new UnusableInput(Message.of("output.blocked", target,
                        Message.of(Files.isDirectory(target) ? "reason.directory" : "reason.read-only")));
            }
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<Path, Path> entry : staged.entrySet()) {
            try {
                move(entry.getValue(), entry.getKey());
                written.add(entry.getKey());
            } catch (IOException e) {
                throw new UnusableInput(Message.of("output.not-moved", entry.getKey(),
                        IoReason.writing(entry.getKey(), e)), e);
            }
        }
        staged.clear();
        return written;
    }

    /** Removes whatever temporary files are left (after a failure). */
    @Override
    public void close() {
        for (Path temp : staged.values()) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // A leftover temporary file is hidden and harmless; the user's error matters more.
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
