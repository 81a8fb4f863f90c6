package appendixfill.fill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import appendixfill.fill.FaultySteps.Fault;
import appendixfill.input.UnusableInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit protocol driven through a seam that fails or stops (a kill) at each of its steps in
 * turn: each temporary's writing, each backup, each rename, each deletion, for a folder holding an
 * old set, a folder holding none, and a folder holding the old set of an older version of the tool
 * (no manifest). Afterwards the folder holds exactly the old set or the new set and none of the
 * protocol's files: at once after a failure; after a stop, once the next run of the set (itself
 * failing at its first write) has rolled back what the stopped one left. Every output file seen
 * in between is whole, the old one or the new one.
 */
class OutputFilesFaultTest {

    static final String SET = "bieu";
    static final List<String> NAMES = List.of("bieu.filled.xlsx", "bieu.report.txt", "bieu.values.csv",
            "bieu.findings.csv");
    static final String MANIFEST = ".bieu.manifest";
    /** The set's lock file: .appendix-fill-KEY.lock, KEY the CRC-32 of the set's name in lower case. */
    static final String LOCK = ".appendix-fill-cf880a6a.lock";

    @TempDir
    Path work;

    /** How the folder stands before the run. */
    enum Before {
        OLD_SET, NOTHING, OLD_SET_WITHOUT_MANIFEST
    }

    @Test
    void theLockFileStaysBesideTheOutputsHoldingTheStampOfTheLastRunThatHeldIt() throws Exception {
        Path folder = Files.createDirectories(work.resolve("lock"));
        CRC32 crc = new CRC32();
        crc.update("bieu".getBytes(StandardCharsets.UTF_8));
        assertEquals(String.format(".appendix-fill-%08x.lock", crc.getValue()), LOCK);

        OutputFiles first = OutputFiles.check(folder, SET, NAMES);
        first.write(contents("old"));
        OutputFiles second = OutputFiles.check(folder, "BIEU", NAMES);
        second.write(contents("new"));

        assertEquals(second.stamp(), Files.readString(folder.resolve(LOCK)), "one lock for bieu and BIEU");
        assertEquals(List.of(LOCK), protocolFiles(folder));
    }

    @Test
    void threadsWritingTheSameSetAtOnceTakeTurnsAndLeaveOneWholeSet() throws Exception {
        Path folder = Files.createDirectories(work.resolve("threads"));
        List<OutputFiles> runs = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            runs.add(OutputFiles.check(folder, SET, NAMES));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<Path>>> written = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                OutputFiles run = runs.get(i);
                Map<String, OutputFiles.Content> contents = contents("run" + i);
                written.add(pool.submit(() -> run.write(contents)));
            }
            for (java.util.concurrent.Future<List<Path>> each : written) {
                assertEquals(paths(folder), each.get());
            }
        } finally {
            pool.shutdown();
        }

        Map<String, String> now = snapshot(folder);
        String stamp = now.get(MANIFEST).substring("appendix-fill run ".length(), now.get(MANIFEST).indexOf('\n'));
        int run = runs.stream().map(OutputFiles::stamp).toList().indexOf(stamp);
        assertEquals(expected("run" + run, stamp), now, "the whole set of the run the manifest names");
        assertEquals(List.of(LOCK), protocolFiles(folder));
    }

    @TestFactory
    Stream<DynamicTest> aFailureAtAnyStepLeavesTheOldSetAndNoFileOfTheProtocol() throws Exception {
        return everyStep(Fault.FAIL);
    }

    @TestFactory
    Stream<DynamicTest> aStopAtAnyStepLeavesWholeFilesAndTheNextRunRestoresOneCompleteSet() throws Exception {
        return everyStep(Fault.STOP);
    }

    private Stream<DynamicTest> everyStep(Fault fault) throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Before before : Before.values()) {
            Path dry = Files.createDirectories(work.resolve("dry-" + fault + "-" + before));
            prepare(dry, before);
            FaultySteps counted = FaultySteps.none();
            OutputFiles.check(dry, SET, NAMES, counted).write(contents("new"));
            List<String> steps = counted.log();
            int commitStep = steps.indexOf("delete " + journalName()) + 1;
            assertTrue(commitStep > 0, "the dry run deletes its journal: " + steps);
            for (int at = 1; at <= steps.size(); at++) {
                int step = at;
                String name = before + ", " + fault.name().toLowerCase() + " at step " + at + " of " + steps.size()
                        + ": " + steps.get(at - 1);
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    Path folder = Files.createDirectories(work.resolve(fault + "-" + before + "-" + step));
                    Map<String, String> old = prepare(folder, before);
                    if (fault == Fault.FAIL) {
                        failAt(folder, step, steps, commitStep, old);
                    } else {
                        stopAt(folder, step, commitStep, old);
                    }
                }));
            }
        }
        return tests.stream();
    }

    /**
     * A failure before the commit (the journal's deletion) refuses the run and leaves the old set;
     * one after it (a backup or the lock file not deleted) leaves the new set and a hidden leftover
     * the next run deletes.
     */
    private void failAt(Path folder, int step, List<String> steps, int commitStep, Map<String, String> old)
            throws Exception {
        FaultySteps faulty = new FaultySteps(step, Fault.FAIL);
        OutputFiles outputs = OutputFiles.check(folder, SET, NAMES, faulty);
        if (step <= commitStep) {
            UnusableInput refused = assertThrows(UnusableInput.class, () -> outputs.write(contents("new")));
            assertTrue(refused.getMessage().startsWith("Không ghi được tệp"), refused.getMessage());
            assertEquals(old, snapshot(folder), "the old set, and nothing else");
        } else {
            assertEquals(paths(folder), outputs.write(contents("new")));
            assertEquals(expected("new", outputs.stamp()), outputsOnly(folder), "the new set");
            assertEquals(List.of(steps.get(step - 1).substring("delete ".length()), LOCK), protocolFiles(folder),
                    "only the file whose deletion failed is left, and the lock file");
        }
        nextRunReplacesTheSet(folder);
    }

    /**
     * A stop leaves every output whole (old or new); the next run rolls back what is left before it
     * writes: a next run that fails at its first write leaves the old set (the new one when the stop
     * came after the commit), and nothing of the protocol.
     */
    private void stopAt(Path folder, int step, int commitStep, Map<String, String> old) throws Exception {
        FaultySteps stopped = new FaultySteps(step, Fault.STOP);
        OutputFiles outputs = OutputFiles.check(folder, SET, NAMES, stopped);
        assertThrows(FaultySteps.Stopped.class, () -> outputs.write(contents("new")));
        Map<String, String> fresh = expected("new", outputs.stamp());
        for (Map.Entry<String, String> file : outputsOnly(folder).entrySet()) {
            assertTrue(file.getValue().equals(old.get(file.getKey())) || file.getValue().equals(fresh.get(file.getKey())),
                    file.getKey() + " is whole: the old file or the new one");
        }

        UnusableInput refused = assertThrows(UnusableInput.class,
                () -> OutputFiles.check(folder, SET, NAMES, FaultySteps.failingWrites()).write(contents("next")));
        assertTrue(refused.getMessage().startsWith("Không"), refused.getMessage());
        Map<String, String> now = snapshot(folder);
        if (step > commitStep) {
            assertEquals(fresh, now, "committed before the stop: the new set");
        } else if (!now.equals(old)) {
            fail("the old set after a stop at step " + step + ", found " + now.keySet());
        }
        nextRunReplacesTheSet(folder);
    }

    /** Then a run that nothing stops writes its set, and leaves nothing else. */
    private void nextRunReplacesTheSet(Path folder) throws Exception {
        OutputFiles next = OutputFiles.check(folder, SET, NAMES);
        next.write(contents("next"));
        assertEquals(expected("next", next.stamp()), snapshot(folder));
    }

    /**
     * A run stopped after its second move (two outputs new, two old, the journal and the backups
     * left), or while copying its third backup (half a copy left); then the next run stopped at each
     * step of its rollback; then a run that rolls back and fails to write leaves the old set.
     */
    @TestFactory
    Stream<DynamicTest> aStopWhileTheNextRunRollsBackIsRolledBackByTheRunAfter() throws Exception {
        Path dry = Files.createDirectories(work.resolve("dry-recovery"));
        prepare(dry, Before.OLD_SET);
        FaultySteps counted = FaultySteps.none();
        OutputFiles.check(dry, SET, NAMES, counted).write(contents("new"));
        List<String> moves = counted.log().stream().filter(step -> step.startsWith("move ")).toList();
        List<String> keeps = counted.log().stream().filter(step -> step.startsWith("keep ")).toList();
        List<DynamicTest> tests = new ArrayList<>();
        for (String killedAt : List.of(moves.get(1), keeps.get(2))) {
            int killed = counted.log().indexOf(killedAt) + 1;
            Path left = Files.createDirectories(work.resolve("dry-recovery-" + killed));
            prepare(left, Before.OLD_SET);
            assertThrows(FaultySteps.Stopped.class,
                    () -> OutputFiles.check(left, SET, NAMES, new FaultySteps(killed, Fault.STOP)).write(contents("new")));
            FaultySteps recovering = FaultySteps.none();
            OutputFiles.check(left, SET, NAMES, recovering).write(contents("next"));
            List<String> recovery = recovering.log().subList(0, recovering.log().indexOf(
                    recovering.log().stream().filter(step -> step.startsWith("create ")).findFirst().orElseThrow()));
            assertTrue(recovery.size() >= 5, "the recovery deletes what is left: " + recovery);
            for (int at = 1; at <= recovery.size(); at++) {
                int step = at;
                tests.add(DynamicTest.dynamicTest("stopped at «" + killedAt + "», then at step " + at + " of the next run's"
                        + " rollback: " + recovery.get(at - 1), () -> {
                            Path folder = Files.createDirectories(work.resolve("recovery-" + killed + "-" + step));
                            Map<String, String> old = prepare(folder, Before.OLD_SET);
                            assertThrows(FaultySteps.Stopped.class, () -> OutputFiles.check(folder, SET, NAMES,
                                    new FaultySteps(killed, Fault.STOP)).write(contents("new")));
                            assertThrows(FaultySteps.Stopped.class, () -> OutputFiles.check(folder, SET, NAMES,
                                    new FaultySteps(step, Fault.STOP)).write(contents("next")));

                            assertThrows(UnusableInput.class, () -> OutputFiles.check(folder, SET, NAMES,
                                    FaultySteps.failingWrites()).write(contents("next")));
                            assertEquals(old, snapshot(folder), "the old set, and nothing else");
                            nextRunReplacesTheSet(folder);
                        }));
            }
        }
        return tests.stream();
    }

    // ----- the sets

    /** The content of each output of a run named {@code run}: a few kilobytes naming the run and the output. */
    static Map<String, OutputFiles.Content> contents(String run) {
        Map<String, OutputFiles.Content> contents = new LinkedHashMap<>();
        for (String name : NAMES) {
            byte[] bytes = content(run, name).getBytes(StandardCharsets.UTF_8);
            contents.put(name, out -> out.write(bytes));
        }
        return contents;
    }

    static String content(String run, String name) {
        return (run + " " + name + "\n").repeat(100 + name.length());
    }

    /** The folder after a run's set was written: its outputs and its manifest. */
    static Map<String, String> expected(String run, String stamp) {
        Map<String, String> files = new TreeMap<>();
        StringBuilder manifest = new StringBuilder("appendix-fill run " + stamp + "\n");
        for (String name : NAMES) {
            String content = content(run, name);
            files.put(name, content);
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            CRC32 crc = new CRC32();
            crc.update(bytes);
            manifest.append(name).append('\t').append(bytes.length).append('\t')
                    .append(String.format("%08x", crc.getValue())).append('\n');
        }
        files.put(MANIFEST, manifest.toString());
        return files;
    }

    /** Makes the folder stand as asked; returns what it holds. */
    private static Map<String, String> prepare(Path folder, Before before) throws Exception {
        switch (before) {
            case OLD_SET -> OutputFiles.check(folder, SET, NAMES).write(contents("old"));
            case OLD_SET_WITHOUT_MANIFEST -> {
                for (String name : NAMES) {
                    Files.writeString(folder.resolve(name), content("old", name), StandardCharsets.UTF_8);
                }
            }
            case NOTHING -> {
            }
        }
        return snapshot(folder);
    }

    private static List<Path> paths(Path folder) {
        return NAMES.stream().map(folder::resolve).toList();
    }

    private static String journalName() {
        return LOCK.replace(".lock", ".journal");
    }

    /** Every file of the folder by name, with its text; not the set's lock file, which stays. */
    static Map<String, String> snapshot(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> listing = Files.list(folder)) {
            for (Path file : listing.toList()) {
                files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        files.remove(LOCK);
        return files;
    }

    /** The outputs and the manifest, without the protocol's own files. */
    static Map<String, String> outputsOnly(Path folder) throws IOException {
        Map<String, String> files = snapshot(folder);
        files.keySet().removeIf(name -> name.startsWith(".appendix-fill-"));
        return files;
    }

    /** The protocol's files in the folder, the lock file included. */
    static List<String> protocolFiles(Path folder) throws IOException {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.map(file -> file.getFileName().toString()).filter(name -> name.startsWith(".appendix-fill-"))
                    .sorted().toList();
        }
    }
}
