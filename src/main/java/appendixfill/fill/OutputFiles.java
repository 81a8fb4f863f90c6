package appendixfill.fill;

import appendixfill.input.IoReason;
import appendixfill.input.Message;
import appendixfill.input.UnusableInput;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * The outputs of one run (a fill, a consolidation, the blank template), written as one set: after a
 * failure the folder holds the complete old set at once; after a kill, every output file is whole
 * (old or new) and the next run of the set puts back the complete old set (the new one, when the kill
 * came after the commit) before it writes.
 *
 * <p>Everything that can be checked is checked before anything is written ({@link #check}: names
 * within the file system's limit, the folder writable, no output open in Excel or LibreOffice). Then,
 * holding a lock on the set (a hidden lock file beside the outputs, which stays; another run of the
 * same set waits {@link #WAIT_MILLIS}, then is told the files are being written), {@link #write}:
 * leftovers of an earlier run that was killed are rolled back; every output is written to a hidden temporary file;
 * a manifest (the run's stamp, each output's size and CRC-32) joins them when the set holds more than
 * one output; a journal names them; each old output gets a second name (a hard link, else a copy);
 * the temporaries are renamed over the outputs; deleting the journal commits the set. A failure rolls
 * back at once: the backups renamed over the outputs, the new outputs of no old one deleted. A kill
 * leaves the journal, by which the next run of the set rolls back before it writes. Every file of the
 * protocol is named {@code .appendix-fill-KEY…}, KEY a checksum of the set's name.
 */
public final class OutputFiles {

    /** Writes the content of one output. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException, UnusableInput;
    }

    /**
     * The file system's steps the protocol takes, each of which may fail: the seam through which tests
     * fail or stop it at every step.
     */
    interface Steps {
        /** A new file (never one that exists), to be written and closed. */
        OutputStream create(Path file) throws IOException;

        /** A second name for an existing file: a hard link, or a copy where the file system has none. */
        void keep(Path file, Path backup) throws IOException;

        /** Renames a file over another (atomically where the file system can). */
        void move(Path from, Path to) throws IOException;

        /** Deletes a file if it is there. */
        void delete(Path file) throws IOException;

        Steps REAL = new Steps() {
            @Override
            public OutputStream create(Path file) throws IOException {
                // Not Files.createTempFile: its owner-only permissions would stay on the output.
                OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                hide(file);
                return out;
            }

            @Override
            public void keep(Path file, Path backup) throws IOException {
                try {
                    Files.createLink(backup, file);
                } catch (UnsupportedOperationException | FileSystemException e) {
                    // FAT and exFAT (USB sticks), some network shares: no hard links. The outputs are small.
                    Files.copy(file, backup);
                }
            }

            @Override
            public void move(Path from, Path to) throws IOException {
                try {
                    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }

            @Override
            public void delete(Path file) throws IOException {
                Files.deleteIfExists(file);
            }
        };
    }

    /** The longest file name Linux (ext4, XFS, Btrfs) and macOS take, in bytes of UTF-8; NTFS takes 255 UTF-16 units, never fewer. */
    static final int MAX_NAME_BYTES = 255;
    /** How long a run waits for another run writing the same set before it gives up. */
    static final long WAIT_MILLIS = 3_000;
    private static final long POLL_MILLIS = 50;
    private static final String PREFIX = ".appendix-fill-";
    private static final boolean WINDOWS = java.io.File.separatorChar == '\\';
    private static final AtomicLong SERIAL = new AtomicLong();

    private final Path folder;
    private final List<String> names;
    private final Optional<String> manifest;
    private final String key;
    private final String stamp;
    private final Steps steps;

    private OutputFiles(Path folder, String set, List<String> names, Steps steps) {
        if (names.isEmpty() || new HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("an output set names each output once: " + names);
        }
        this.folder = folder;
        this.names = List.copyOf(names);
        this.manifest = names.size() > 1 ? Optional.of("." + set + ".manifest") : Optional.empty();
        CRC32 crc = new CRC32();
        crc.update(set.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        // Folded: on Windows and macOS bieu.xlsx and BIEU.xlsx write the same files, so they share a lock.
        this.key = hex(crc.getValue());
        // Unique to this process (pid) and this set within it; no secure random (slow to start).
        this.stamp = System.currentTimeMillis() + "-" + ProcessHandle.current().pid() + "-" + SERIAL.incrementAndGet();
        this.steps = steps;
    }

    /**
     * A workbook open in Excel or LibreOffice, as the lock file each keeps beside it says
     * ({@code ~$NAME.xlsx}, {@code .~lock.NAME.xlsx#}); a lock file left by a crash says so too.
     *
     * @param program the program that holds it open, as an officer names it
     * @param lockFile the lock file's name
     */
    public record OpenIn(String program, String lockFile) {

        /** The program holding the file open, if its lock file is beside it. */
        public static Optional<OpenIn> of(Path file) {
            String name = file.getFileName().toString();
            for (OpenIn open : List.of(new OpenIn("Excel", "~$" + name), new OpenIn("LibreOffice", ".~lock." + name + "#"))) {
                if (Files.exists(file.resolveSibling(open.lockFile()))) {
                    return Optional.of(open);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Checks, writing nothing, that a set of outputs can be written into {@code folder}: every name
     * within the file system's limit, the folder writable, no output a folder, read-only, or open in
     * Excel or LibreOffice (their lock file beside it).
     *
     * @param set the set's name, the part the outputs' names share ("bieu" for bieu.filled.xlsx…):
     *     it names the manifest, {@code .SET.manifest}, and the lock
     * @param names the outputs, in the order they are moved into place
     */
    public static OutputFiles check(Path folder, String set, List<String> names) throws UnusableInput {
        return check(folder, set, names, Steps.REAL);
    }

    static OutputFiles check(Path folder, String set, List<String> names, Steps steps) throws UnusableInput {
        OutputFiles outputs = new OutputFiles(folder, set, names, steps);
        outputs.requireWritable();
        return outputs;
    }

    /** This run's stamp, which the manifest and the completed workbook's properties carry: millis-pid-serial. */
    public String stamp() {
        return stamp;
    }

    /** The outputs' paths, in order. */
    public List<Path> paths() {
        return names.stream().map(folder::resolve).toList();
    }

    /**
     * Writes every output (each on its own thread) and moves them into place as one set; returns
     * the outputs' paths, in order. When it throws, the old set is in place (or, when even putting it
     * back failed, the journal is left for the next run to do so).
     *
     * @param contents the content of each output named by {@link #check}, by name
     */
    public List<Path> write(Map<String, Content> contents) throws UnusableInput {
        if (!contents.keySet().equals(new HashSet<>(names))) {
            throw new IllegalArgumentException("contents for " + contents.keySet() + ", outputs named " + names);
        }
        Lock lock = Lock.acquire(this);
        try {
            requireWritable();
            recover();
            List<Staged> staged = stage(contents);
            commit(staged);
            return paths();
        } finally {
            lock.release();
        }
    }

    // ----- before anything is written

    private void requireWritable() throws UnusableInput {
        List<String> all = new ArrayList<>(names);
        manifest.ifPresent(all::add);
        for (String name : all) {
            int bytes = name.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_NAME_BYTES) {
                throw new UnusableInput(Message.of("output.name-too-long", folder.resolve(name), bytes,
                        bytes - MAX_NAME_BYTES));
            }
        }
        if (!Files.isWritable(folder)) {
            throw new UnusableInput(Message.of("output.not-written", folder, Message.of("reason.denied")));
        }
        for (String name : names) {
            // On Windows the move would fail half-way; and an officer who has the old completed
            // workbook open would not see the new one anyway.
            Optional<OpenIn> open = OpenIn.of(folder.resolve(name));
            if (open.isPresent()) {
                throw new UnusableInput(Message.of("output.open", folder.resolve(name), open.get().program(),
                        open.get().lockFile()));
            }
        }
        for (Path target : paths()) {
            if (Files.isDirectory(target) || Files.exists(target) && !Files.isWritable(target)) {
                throw new UnusableInput(Message.of("output.blocked", target,
                        Message.of(Files.isDirectory(target) ? "reason.directory" : "reason.read-only")));
            }
        }
    }

    // ----- the files of the protocol

    private Path lockFile() {
        return folder.resolve(PREFIX + key + ".lock");
    }

    private Path journal() {
        return folder.resolve(PREFIX + key + ".journal");
    }

    private Path temporary(int index) {
        return folder.resolve(PREFIX + key + "-" + index + ".new");
    }

    private Path backup(int index) {
        return folder.resolve(PREFIX + key + "-" + index + ".old");
    }

    /** Why a file of the protocol could not be written or read, as the officer is told. */
    private Message why(IOException e) {
        // Said of the journal's path: a file of ours, never a folder, so the reason is the exception's.
        return IoReason.writing(journal(), e);
    }

    /** On Windows a leading dot does not hide a file: the attribute does. */
    private static void hide(Path file) {
        if (WINDOWS) {
            try {
                Files.setAttribute(file, "dos:hidden", true);
            } catch (IOException e) {
                // Shown, then: still named for what it is.
            }
        }
    }

    // ----- recovery

    /**
     * Rolls back what a killed run of this set left: with its journal, its backups go back over the
     * outputs it replaced and the outputs it added are deleted; then every file of its is deleted.
     */
    private void recover() throws UnusableInput {
        List<Path> leftovers = new ArrayList<>();
        String own = PREFIX + key + "-";
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(folder,
                file -> file.getFileName().toString().startsWith(own))) {
            listing.forEach(leftovers::add);
        } catch (IOException e) {
            throw new UnusableInput(Message.of("output.not-recovered", folder, why(e)), e);
        }
        Path journal = journal();
        if (leftovers.isEmpty() && !Files.exists(journal)) {
            return;
        }
        try {
            Optional<List<Entry>> entries = Journal.read(journal);
            if (entries.isPresent()) {
                rollBack(entries.get());
            }
            Collections.sort(leftovers);
            for (Path leftover : leftovers) {
                steps.delete(leftover);
            }
            steps.delete(journal);
        } catch (IOException e) {
            throw new UnusableInput(Message.of("output.not-recovered", folder, why(e)), e);
        }
    }

    // ----- writing

    /** One output written to its temporary file: its name, index, size and CRC-32. */
    private record Staged(String name, int index, long bytes, long crc) {
    }

    /** The outputs written to temporary files (created in order, written side by side), then the manifest. */
    private List<Staged> stage(Map<String, Content> contents) throws UnusableInput {
        List<Tally> outs = new ArrayList<>();
        List<Staged> staged = new ArrayList<>();
        try {
            for (int i = 0; i < names.size(); i++) {
                outs.add(new Tally(steps.create(temporary(i))));
            }
            List<UnusableInput> refusals = Collections.synchronizedList(new ArrayList<>());
            List<IOException> failures = Collections.synchronizedList(new ArrayList<>());
            java.util.stream.IntStream.range(0, names.size()).parallel().forEach(i -> {
                try (OutputStream out = outs.get(i)) {
                    contents.get(names.get(i)).writeTo(out);
                } catch (IOException e) {
                    failures.add(e);
                } catch (UnusableInput e) {
                    refusals.add(e);
                }
            });
            if (!refusals.isEmpty()) {
                throw refusals.get(0);
            }
            if (!failures.isEmpty()) {
                throw failures.get(0);
            }
            for (int i = 0; i < names.size(); i++) {
                staged.add(new Staged(names.get(i), i, outs.get(i).bytes, outs.get(i).crc.getValue()));
            }
            if (manifest.isPresent()) {
                int index = names.size();
                byte[] text = manifestText(staged);
                try (OutputStream out = steps.create(temporary(index))) {
                    out.write(text);
                }
                CRC32 crc = new CRC32();
                crc.update(text);
                staged.add(new Staged(manifest.get(), index, text.length, crc.getValue()));
            }
            return staged;
        } catch (IOException e) {
            discard(outs);
            throw new UnusableInput(Message.of("output.not-written", folder, why(e)), e);
        } catch (UnusableInput e) {
            discard(outs);
            throw e;
        }
    }

    /** The manifest: the run's stamp, then each output's name, size in bytes and CRC-32, a line each. */
    private byte[] manifestText(List<Staged> staged) {
        StringBuilder text = new StringBuilder("appendix-fill run " + stamp + "\n");
        for (Staged output : staged) {
            text.append(Journal.escape(output.name())).append('\t').append(output.bytes()).append('\t')
                    .append(hex(output.crc())).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Closes and deletes the temporaries after a failure before the journal (nothing else was
     * touched): those created, the one whose creation failed, and the manifest's.
     */
    private void discard(List<Tally> outs) {
        for (int i = 0; i <= names.size(); i++) {
            try {
                if (i < outs.size()) {
                    outs.get(i).close();
                }
            } catch (IOException e) {
                // Deleted all the same.
            }
            try {
                steps.delete(temporary(i));
            } catch (IOException e) {
                // A hidden leftover, deleted by the next run of this set.
            }
        }
    }

    // ----- committing

    /** One output of a commit: its name, index, and whether an old output of that name was there. */
    record Entry(String name, int index, boolean hadOld) {
    }

    private void commit(List<Staged> staged) throws UnusableInput {
        List<Entry> entries = new ArrayList<>();
        for (Staged output : staged) {
            entries.add(new Entry(output.name(), output.index(), Files.exists(folder.resolve(output.name()))));
        }
        try (OutputStream out = steps.create(journal())) {
            out.write(Journal.text(stamp, entries));
        } catch (IOException e) {
            throw failed(entries, Message.of("output.not-written", folder, why(e)), e);
        }
        // Every backup before any move: a rollback that finds a temporary gone knows every backup is whole.
        for (Entry entry : entries) {
            if (entry.hadOld()) {
                try {
                    steps.keep(folder.resolve(entry.name()), backup(entry.index()));
                } catch (IOException e) {
                    throw failed(entries, Message.of("output.not-written", folder,
                            IoReason.writing(backup(entry.index()), e)), e);
                }
            }
        }
        for (Entry entry : entries) {
            Path target = folder.resolve(entry.name());
            try {
                steps.move(temporary(entry.index()), target);
            } catch (IOException e) {
                throw failed(entries, Message.of("output.not-moved", target, IoReason.writing(target, e)), e);
            }
        }
        // The commit: once the journal is gone, the new set stands.
        try {
            steps.delete(journal());
        } catch (IOException e) {
            throw failed(entries, Message.of("output.not-written", folder, IoReason.writing(journal(), e)), e);
        }
        for (Entry entry : entries) {
            try {
                if (entry.hadOld()) {
                    steps.delete(backup(entry.index()));
                }
            } catch (IOException e) {
                // A hidden leftover, deleted by the next run of this set.
            }
        }
    }

    /** Rolls back; the refusal to throw, with the failure's message. */
    private UnusableInput failed(List<Entry> entries, Message said, IOException cause) {
        try {
            rollBack(entries);
            steps.delete(journal());
        } catch (IOException e) {
            // The journal stays: the next run of this set finishes the rollback before it writes.
            cause.addSuppressed(e);
        }
        return new UnusableInput(said, cause);
    }

    /** Eight hexadecimal digits (no Formatter: a fill starts none). */
    private static String hex(long crc) {
        String digits = Long.toHexString(crc);
        return "00000000".substring(digits.length()) + digits;
    }

    /**
     * Puts back the old set. Each step may be repeated (after a kill during the rollback itself):
     * an output whose temporary is still there was not replaced, so only its files go (the backup
     * first: a backup half copied when the run was killed must never be taken for whole); an output
     * whose temporary is gone was replaced, and gets its backup back, or is deleted when it is new.
     */
    private void rollBack(List<Entry> entries) throws IOException {
        for (Entry entry : entries) {
            Path target = folder.resolve(entry.name());
            Path temporary = temporary(entry.index());
            Path backup = backup(entry.index());
            if (Files.exists(temporary)) {
                steps.delete(backup);
                steps.delete(temporary);
            } else if (entry.hadOld()) {
                if (Files.exists(backup)) {
                    steps.move(backup, target);
                    // Renaming a name over another of the same file does nothing (POSIX): the backup may remain.
                    steps.delete(backup);
                }
            } else {
                steps.delete(target);
            }
        }
    }

    /** The journal of a commit: the run's stamp, each output's index, whether it had an old one, its name; then "end". */
    static final class Journal {
        private static final String HEAD = "appendix-fill journal ";
        private static final String END = "end";

        private Journal() {
        }

        static byte[] text(String stamp, List<Entry> entries) {
            StringBuilder text = new StringBuilder(HEAD + stamp + "\n");
            for (Entry entry : entries) {
                text.append(entry.index()).append('\t').append(entry.hadOld() ? "old" : "new").append('\t')
                        .append(escape(entry.name())).append('\n');
            }
            return text.append(END).append('\n').toString().getBytes(StandardCharsets.UTF_8);
        }

        /**
         * The entries of a whole journal; empty when there is none, or it was cut short (the run was
         * killed writing it, before any output was touched).
         */
        static Optional<List<Entry>> read(Path file) throws IOException {
            String text;
            try {
                text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
            List<String> lines = Arrays.asList(text.split("\n", -1));
            if (lines.size() < 3 || !lines.get(0).startsWith(HEAD) || !lines.get(lines.size() - 2).equals(END)
                    || !lines.get(lines.size() - 1).isEmpty()) {
                return Optional.empty();
            }
            List<Entry> entries = new ArrayList<>();
            for (String line : lines.subList(1, lines.size() - 2)) {
                String[] fields = line.split("\t", 3);
                if (fields.length != 3 || !fields[0].matches("\\d{1,4}")) {
                    return Optional.empty();
                }
                entries.add(new Entry(unescape(fields[2]), Integer.parseInt(fields[0]), fields[1].equals("old")));
            }
            return Optional.of(entries);
        }

        /** A name on one line: %, tab, CR and LF as %25, %09, %0D, %0A. */
        static String escape(String name) {
            return name.replace("%", "%25").replace("\t", "%09").replace("\r", "%0D").replace("\n", "%0A");
        }

        static String unescape(String name) {
            return name.replace("%0A", "\n").replace("%0D", "\r").replace("%09", "\t").replace("%25", "%");
        }
    }

    /** What an output's stream has written: its size and CRC-32, for the manifest. */
    private static final class Tally extends FilterOutputStream {
        final CRC32 crc = new CRC32();
        long bytes;

        Tally(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            crc.update(b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            crc.update(b, off, len);
            bytes += len;
        }
    }

    // ----- the lock

    /**
     * The lock of one output set: a hidden file beside the outputs, locked by one run at a time, from
     * before its first temporary until after its last move; a run that finds it locked waits. The
     * file stays (a few bytes: the stamp of the last run that held it). Deleting it would not be
     * safe: a run waiting with it open would then lock a file no longer there while a third run
     * locks a new one; and on POSIX no run can tell which file its channel holds, since opening the
     * file again to look would release its lock.
     */
    private static final class Lock {
        /** The lock files this process holds, by absolute path. */
        private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

        private final FileChannel channel;
        private final Path held;

        private Lock(FileChannel channel, Path held) {
            this.channel = channel;
            this.held = held;
        }

        static Lock acquire(OutputFiles outputs) throws UnusableInput {
            Path file = outputs.lockFile();
            Path held = file.toAbsolutePath().normalize();
            byte[] stamp = outputs.stamp.getBytes(StandardCharsets.UTF_8);
            long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
            // One thread of this process at a time opens the file at all: closing any channel of a
            // file releases every lock the process holds on it (POSIX).
            while (!HELD.add(held)) {
                waitOrGiveUp(outputs, file, deadline);
            }
            try {
                while (true) {
                    FileChannel channel;
                    try {
                        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                                StandardOpenOption.WRITE);
                    } catch (IOException e) {
                        throw new UnusableInput(Message.of("output.not-written", outputs.folder,
                                IoReason.writing(file, e)), e);
                    }
                    hide(file);
                    try {
                        FileLock lock;
                        try {
                            lock = channel.tryLock();
                        } catch (IOException e) {
                            // A file system without locks (some network shares): written without one.
                            return new Lock(channel, held);
                        }
                        if (lock != null) {
                            // Who holds it, for the curious.
                            channel.truncate(0);
                            channel.write(ByteBuffer.wrap(stamp), 0);
                            return new Lock(channel, held);
                        }
                        channel.close();
                    } catch (IOException e) {
                        close(channel);
                        throw new UnusableInput(Message.of("output.not-written", outputs.folder,
                                IoReason.writing(file, e)), e);
                    }
                    waitOrGiveUp(outputs, file, deadline);
                }
            } catch (UnusableInput e) {
                HELD.remove(held);
                throw e;
            }
        }

        /** Waits a moment before trying again; past the deadline, says another run is writing the set. */
        private static void waitOrGiveUp(OutputFiles outputs, Path file, long deadline) throws UnusableInput {
            Message busy = Message.of("output.busy", outputs.paths().get(0), file.getFileName(), WAIT_MILLIS / 1000);
            if (System.nanoTime() > deadline) {
                throw new UnusableInput(busy);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UnusableInput(busy, e);
            }
        }

        /** Lets go of the lock. */
        void release() {
            close(channel);
            HELD.remove(held);
        }

        private static void close(FileChannel channel) {
            try {
                channel.close();
            } catch (IOException e) {
                // Closing releases the lock; a channel that fails to close is gone with the process.
            }
        }
    }
}
