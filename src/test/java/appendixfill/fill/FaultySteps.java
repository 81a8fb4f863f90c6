package appendixfill.fill;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The commit's steps as the file system takes them, failing or stopping at one of them: a failure
 * throws an IOException there (the step not taken), a stop is the process killed there: that step
 * and every later one, clean-up included, do nothing but throw {@link Stopped}. A temporary's
 * creation fails or stops half-way through its writing, leaving half a file; a backup, half-way
 * through its copy (as where the file system has no hard links).
 */
final class FaultySteps implements OutputFiles.Steps {

    /** What happens at the chosen step. */
    enum Fault {
        /** Every step is taken. */
        NONE,
        /** The step fails with an IOException; later steps are taken. */
        FAIL,
        /** The process dies at the step: nothing more reaches the disk. */
        STOP
    }

    /** The process stopped: thrown through the code under test as a kill would end it. */
    static final class Stopped extends Error {
        Stopped() {
            super("stopped", null, false, false);
        }
    }

    private final int at;
    private final Fault fault;
    private final boolean failWrites;
    private final List<String> log = new ArrayList<>();
    private volatile boolean dead;

    /** Fails or stops at the step numbered {@code at} (from 1). */
    FaultySteps(int at, Fault fault) {
        this(at, fault, false);
    }

    private FaultySteps(int at, Fault fault, boolean failWrites) {
        this.at = at;
        this.fault = fault;
        this.failWrites = failWrites;
    }

    static FaultySteps none() {
        return new FaultySteps(0, Fault.NONE);
    }

    /** Every step taken but the creation of a file, which fails: a run that recovers, then cannot write. */
    static FaultySteps failingWrites() {
        return new FaultySteps(0, Fault.NONE, true);
    }

    /** The steps taken or tried so far, in order: "create NAME", "keep NAME → BACKUP", "move…", "delete…". */
    synchronized List<String> log() {
        return List.copyOf(log);
    }

    /** True when the step numbered {@code at} was reached. */
    synchronized boolean reached() {
        return log.size() >= at;
    }

    /** Counts a step; true when it is the one to fault. */
    private synchronized boolean step(String what) {
        if (dead) {
            throw new Stopped();
        }
        log.add(what);
        return log.size() == at && fault != Fault.NONE;
    }

    private void fault(String what) throws IOException {
        if (fault == Fault.STOP) {
            dead = true;
            throw new Stopped();
        }
        throw new IOException("injected failure at step " + at + ": " + what);
    }

    @Override
    public OutputStream create(Path file) throws IOException {
        String what = "create " + file.getFileName();
        boolean faulty = step(what);
        if (failWrites) {
            throw new IOException("injected failure: " + what);
        }
        OutputStream real = OutputFiles.Steps.REAL.create(file);
        return new FilterOutputStream(real) {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (dead) {
                    throw new Stopped();
                }
                if (faulty && len > 0) {
                    out.write(b, off, len / 2);
                    out.flush();
                    fault(what + " (half written)");
                }
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                // A file handle is closed when a process dies, whatever was written.
                out.close();
                if (dead) {
                    throw new Stopped();
                }
            }
        };
    }

    @Override
    public void keep(Path file, Path backup) throws IOException {
        String what = "keep " + file.getFileName() + " → " + backup.getFileName();
        if (step(what)) {
            // As a copy (where the file system has no hard links) cut short.
            byte[] bytes = java.nio.file.Files.readAllBytes(file);
            java.nio.file.Files.write(backup, java.util.Arrays.copyOf(bytes, bytes.length / 2),
                    java.nio.file.StandardOpenOption.CREATE_NEW);
            fault(what + " (half copied)");
        }
        OutputFiles.Steps.REAL.keep(file, backup);
    }

    @Override
    public void move(Path from, Path to) throws IOException {
        String what = "move " + from.getFileName() + " → " + to.getFileName();
        if (step(what)) {
            fault(what);
        }
        OutputFiles.Steps.REAL.move(from, to);
    }

    @Override
    public void delete(Path file) throws IOException {
        String what = "delete " + file.getFileName();
        if (step(what)) {
            fault(what);
        }
        OutputFiles.Steps.REAL.delete(file);
    }
}
