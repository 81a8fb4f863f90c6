package appendixfill.fill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import appendixfill.cli.Main;
import appendixfill.fixtures.RunStamps;
import appendixfill.indicator.Catalogue;
import appendixfill.input.UnusableInput;
import appendixfill.rule.RuleBook;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit as real processes live it: a fill killed (SIGKILL) at random moments of its commit,
 * and two fills of one workbook into one folder at once. The child is {@link CommitChild}, a java
 * process on this class path.
 */
class CommitProcessTest {

    static final Path EXAMPLE = Path.of("workbook-templates/example/vu-muon-nam-2023.xlsx");
    static final List<String> NAMES = FillJob.outputNames(Path.of("bieu.xlsx"));
    static final String MANIFEST = ".bieu.manifest";

    @TempDir
    Path folder;

    @Test
    void aFillKilledAtRandomMomentsOfItsCommitLeavesWholeFilesAndTheNextRunOneCompleteSet() throws Exception {
        Path input = Files.copy(EXAMPLE, folder.resolve("bieu.xlsx"));
        Path out = Files.createDirectories(folder.resolve("out"));
        new FillJob(Catalogue.standard(), RuleBook.standard()).run(input, out);
        Random random = new Random(20251206);
        int killedDuringCommit = 0;
        for (int round = 0; round < 12; round++) {
            Map<String, byte[]> before = files(out);
            // A fill's commit takes some 20 steps (more when it rolls back a kill's leftovers first).
            int killAt = 1 + random.nextInt(26);
            long delayMicros = random.nextInt(3000);
            Child child = Child.start(input, out, 1, 0);
            boolean killed = child.killAfter("step " + killAt + ":", delayMicros);
            killedDuringCommit += killed ? 1 : 0;

            Map<String, byte[]> after = files(out);
            List<String> manifests = manifests(out);
            for (String name : NAMES) {
                byte[] now = after.get(name);
                if (now != null && !java.util.Arrays.equals(now, before.get(name))) {
                    assertTrue(manifests.stream().anyMatch(m -> m.contains("\n" + name + "\t" + now.length + "\t"
                            + crc(now) + "\n")), "round " + round + ": " + name + " changed and is whole, as a manifest lists it");
                }
            }
            if (round % 2 == 1) {
                // Every other round, the next run is this process's, which recovers and fails to write;
                // otherwise the next child recovers (and may be killed doing so).
                assertThrows(UnusableInput.class, () -> new FillJob(Catalogue.standard(), RuleBook.standard(),
                        FaultySteps.failingWrites()).run(input, out));
                assertEquals(List.of(), protocolFiles(out), "round " + round + ": nothing of the protocol left");
                completeSet(out);
            }
        }
        assertTrue(killedDuringCommit >= 6, "most children were killed before they finished: " + killedDuringCommit);

        new FillJob(Catalogue.standard(), RuleBook.standard()).run(input, out);
        assertEquals(List.of(), protocolFiles(out));
        assertEquals(String.valueOf(ProcessHandle.current().pid()), completeSet(out).split("-")[1]);
    }

    @Test
    void aSecondFillIntoTheSameFolderWaitsThenSaysAnotherRunIsWritingTheseFilesAndWritesNothing() throws Exception {
        Path input = Files.copy(EXAMPLE, folder.resolve("bieu.xlsx"));
        Path out = Files.createDirectories(folder.resolve("out"));
        Child first = Child.start(input, out, 0, 60_000);
        try {
            first.waitFor("holding");
            Map<String, byte[]> before = files(out);
            String lock = ".appendix-fill-" + key("bieu") + ".lock";

            StringWriter vi = new StringWriter();
            int exit = Main.run(new String[] {input.toString(), "--out", out.toString()}, new PrintWriter(new StringWriter()),
                    new PrintWriter(vi, true));
            StringWriter en = new StringWriter();
            int exitEn = Main.run(new String[] {input.toString(), "--out", out.toString(), "--lang", "en"},
                    new PrintWriter(new StringWriter()), new PrintWriter(en, true));

            assertEquals(2, exit);
            assertEquals("Một lần chạy khác của appendix-fill đang ghi các tệp kết quả «" + out.resolve("bieu.filled.xlsx")
                    + "» (tệp khóa «" + lock + "» bên cạnh); đã đợi 3 giây mà chưa xong, nên lần chạy này không ghi gì."
                    + " Hãy đợi lần chạy kia xong rồi chạy lại.\n", vi.toString());
            assertEquals(2, exitEn);
            assertEquals("Another run of appendix-fill is writing the outputs «" + out.resolve("bieu.filled.xlsx")
                    + "» (its lock file «" + lock + "» is beside them); after waiting 3 seconds it has not finished, so"
                    + " this run wrote nothing. Wait for the other run to finish and run again.\n", en.toString());
            assertTrue(same(before, files(out)), "the second run wrote nothing");
        } finally {
            first.process.destroyForcibly().waitFor();
        }
        new FillJob(Catalogue.standard(), RuleBook.standard()).run(input, out);
        assertEquals(List.of(), protocolFiles(out));
        completeSet(out);
    }

    @Test
    void aSecondFillThatWaitsLessThanTheFirstTakesWritesItsWholeSetAfterIt() throws Exception {
        Path input = Files.copy(EXAMPLE, folder.resolve("bieu.xlsx"));
        Path out = Files.createDirectories(folder.resolve("out"));
        Child first = Child.start(input, out, 0, 1_000);
        first.waitFor("holding");

        StringWriter err = new StringWriter();
        int exit = Main.run(new String[] {input.toString(), "--out", out.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err, true));

        assertEquals(1, exit, err.toString());
        assertEquals(0, first.process.waitFor(), "the first run finished before the second wrote");
        assertEquals(String.valueOf(ProcessHandle.current().pid()), completeSet(out).split("-")[1],
                "the set is the second run's, all of it");
        assertEquals(List.of(), protocolFiles(out));
    }

    // ----- the child

    /** A running {@link CommitChild} and what it says. */
    private record Child(Process process, BufferedReader said) {

        static Child start(Path input, Path out, long pauseMillis, long holdMillis) throws IOException {
            Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CommitChild.class.getName(), input.toString(),
                    out.toString(), String.valueOf(pauseMillis), String.valueOf(holdMillis)))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return new Child(process, new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)));
        }

        /** Waits until the child says a line starting so; false when it ended first. */
        boolean waitFor(String start) throws IOException {
            for (String line = said.readLine(); line != null; line = said.readLine()) {
                if (line.startsWith(start)) {
                    return true;
                }
            }
            return false;
        }

        /** Kills the child (SIGKILL) a moment after it says the line; true when it had not finished by then. */
        boolean killAfter(String start, long delayMicros) throws Exception {
            boolean reached = waitFor(start);
            if (reached) {
                TimeUnit.MICROSECONDS.sleep(delayMicros);
            }
            boolean alive = process.isAlive();
            process.destroyForcibly();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the child ended");
            return reached && alive;
        }
    }

    // ----- the folder

    /**
     * Checks the folder holds one complete set: the manifest lists exactly the outputs there, each
     * of its size and CRC-32, and the completed workbook carries the manifest's stamp; returns it.
     */
    static String completeSet(Path out) throws Exception {
        Map<String, byte[]> files = files(out);
        assertTrue(files.containsKey(MANIFEST), "a manifest: " + files.keySet());
        String manifest = new String(files.get(MANIFEST), StandardCharsets.UTF_8);
        String stamp = manifest.substring("appendix-fill run ".length(), manifest.indexOf('\n'));
        StringBuilder expected = new StringBuilder("appendix-fill run " + stamp + "\n");
        for (String name : NAMES) {
            byte[] bytes = files.get(name);
            assertTrue(bytes != null, name + " is there");
            expected.append(name).append('\t').append(bytes.length).append('\t').append(crc(bytes)).append('\n');
        }
        assertEquals(expected.toString(), manifest, "every output as the manifest lists it");
        assertEquals(stamp, RunStamps.of(out.resolve(NAMES.get(0))), "the workbook's run stamp");
        List<String> others = new ArrayList<>(files.keySet());
        others.removeAll(NAMES);
        others.remove(MANIFEST);
        others.removeIf(name -> name.startsWith(".appendix-fill-") && name.endsWith(".lock"));
        assertEquals(List.of(), others, "nothing else");
        return stamp;
    }

    /** The manifests to be found in the folder: its own, and those of a killed run's temporaries and backups. */
    private static List<String> manifests(Path out) throws IOException {
        List<String> manifests = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files(out).entrySet()) {
            String text = new String(file.getValue(), StandardCharsets.UTF_8);
            if (file.getKey().startsWith(".") && text.startsWith("appendix-fill run ")) {
                manifests.add(text);
            }
        }
        return manifests;
    }

    private static Map<String, byte[]> files(Path out) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> listing = Files.list(out)) {
            for (Path file : listing.toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static boolean same(Map<String, byte[]> a, Map<String, byte[]> b) {
        Map<String, String> x = new HashMap<>();
        Map<String, String> y = new HashMap<>();
        a.forEach((k, v) -> x.put(k, java.util.Base64.getEncoder().encodeToString(v)));
        b.forEach((k, v) -> y.put(k, java.util.Base64.getEncoder().encodeToString(v)));
        return x.equals(y);
    }

    private static List<String> protocolFiles(Path out) throws IOException {
        return files(out).keySet().stream().filter(name -> name.startsWith(".appendix-fill-") && !name.endsWith(".lock"))
                .toList();
    }

    private static String crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return String.format("%08x", crc.getValue());
    }

    private static String key(String set) {
        CRC32 crc = new CRC32();
        crc.update(set.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }
}
