package appendixfill.workbook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Real LibreOffice, headless, converting workbooks' sheets to CSV as it shows them. A test class
 * converts all its workbooks in one soffice run per load mode ({@link #toCsv}), with one user
 * profile per load mode kept under target/ and reused: a soffice start costs seconds, a fresh
 * profile more. Absent on a person's machine the calling test is skipped, saying why; in CI
 * (CI=true) it must be there.
 */
public final class LibreOffice {

    /** How LibreOffice treats formulas when it opens an .xlsx. */
    public enum Load {
        /** Its default: show the values cached in the file, recalculating nothing. */
        AS_SAVED,
        /** Recalculate every formula on load. */
        RECALCULATED
    }

    private static final List<String> CANDIDATES = List.of("/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice",
            "/opt/libreoffice/program/soffice", "/Applications/LibreOffice.app/Contents/MacOS/soffice");

    /** The profiles, one per load mode, shared by every test class of a build (relative to the project root). */
    private static final Path PROFILES = Path.of("target", "libreoffice-profiles");

    private LibreOffice() {
    }

    /** The soffice program, or the test is skipped (failed in CI) saying why. */
    public static Path require() {
        Optional<Path> found = Stream.concat(
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                                .filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, "soffice")),
                        CANDIDATES.stream().map(Path::of))
                .filter(Files::isExecutable).findFirst();
        if (found.isEmpty()) {
            String why = "LibreOffice (soffice) is not installed; install libreoffice-calc to run this test";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(why + " (CI=true: it must run here)");
            }
            Assumptions.abort(why);
        }
        return found.get();
    }

    /**
     * What one soffice run made of a batch of workbooks: every sheet of each as CSV, and soffice's
     * own words, which say which file it could not load.
     */
    public record Conversion(Path folder, Map<String, Path> inputs, String log) {

        /** The CSV of one sheet of the workbook given under key, if LibreOffice loaded it. */
        public Optional<Path> sheet(String key, String sheetName) {
            Path csv = folder.resolve(key + "-" + sheetName + ".csv");
            return Files.isRegularFile(csv) ? Optional.of(csv) : Optional.empty();
        }

        /** The CSV of one sheet, or a failure saying that LibreOffice did not load the workbook. */
        public Path requireSheet(String key, String sheetName) {
            return sheet(key, sheetName).orElseThrow(() -> new AssertionError("LibreOffice showed no sheet «"
                    + sheetName + "» of " + inputs.get(key) + "; its CSV files: " + listing(key) + "; soffice said:\n"
                    + log));
        }

        private List<String> listing(String key) {
            try (Stream<Path> files = Files.list(folder)) {
                return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(key + "-")).sorted().toList();
            } catch (IOException e) {
                return List.of(e.toString());
            }
        }
    }

    /**
     * Converts every sheet of every workbook to CSV (raw values, not as formatted) in one soffice
     * run. Keys name the workbooks (letters, digits, '-' and '.'; they become file names), so that
     * workbooks of the same file name can go in one batch.
     */
    public static Conversion toCsv(Map<String, Path> workbooks, Path work, Load load)
            throws IOException, InterruptedException {
        // One soffice at a time per profile: a second one would hand its files to the first and leave.
        synchronized (LOCKS.get(load)) {
            return convert(workbooks, work, load);
        }
    }

    /**
     * Converts every workbook in each load mode: one soffice run per mode, both at once (each has
     * its own profile), which halves the wait on two cores.
     */
    public static Map<Load, Conversion> toCsvInEachLoadMode(Map<String, Path> workbooks, Path work)
            throws IOException, InterruptedException {
        require();
        Map<Load, java.util.concurrent.Future<Conversion>> running = new java.util.EnumMap<>(Load.class);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Load.values().length);
        try {
            for (Load load : Load.values()) {
                running.put(load, pool.submit(() -> toCsv(workbooks, work, load)));
            }
            Map<Load, Conversion> done = new java.util.EnumMap<>(Load.class);
            for (Map.Entry<Load, java.util.concurrent.Future<Conversion>> conversion : running.entrySet()) {
                try {
                    done.put(conversion.getKey(), conversion.getValue().get());
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    private static final Map<Load, Object> LOCKS = Map.of(Load.AS_SAVED, new Object(), Load.RECALCULATED, new Object());

    private static Conversion convert(Map<String, Path> workbooks, Path work, Load load)
            throws IOException, InterruptedException {
        Path soffice = require();
        String mode = load.name().toLowerCase(java.util.Locale.ROOT);
        Path in = Files.createDirectories(work.resolve("lo-in-" + mode));
        Path out = Files.createDirectories(work.resolve("lo-csv-" + mode));
        Map<String, Path> inputs = new LinkedHashMap<>();
        List<String> command = new ArrayList<>(List.of(soffice.toString(),
                "-env:UserInstallation=" + profile(load).toUri(), "--headless", "--norestore", "--convert-to",
                // Filter options: comma, double quote, UTF-8, from line 1, …, raw values, every sheet (-1).
                "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                "--outdir", out.toString()));
        for (Map.Entry<String, Path> workbook : workbooks.entrySet()) {
            if (!workbook.getKey().matches("[A-Za-z0-9.-]+")) {
                throw new IllegalArgumentException("not a plain key: " + workbook.getKey());
            }
            Path copy = in.resolve(workbook.getKey() + extension(workbook.getValue()));
            Files.copy(workbook.getValue(), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            inputs.put(workbook.getKey(), workbook.getValue());
            command.add(copy.toString());
        }
        Path logFile = work.resolve("soffice-" + mode + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            Assertions.fail("soffice did not finish converting " + workbooks.size() + " workbooks within 300 s");
        }
        String log = Files.readString(logFile, StandardCharsets.UTF_8);
        Assertions.assertEquals(0, process.exitValue(), () -> "soffice failed: " + log);
        return new Conversion(out, Map.copyOf(inputs), log);
    }

    /** Converts one workbook (see {@link #toCsv(Map, Path, Load)}); its sheets are found under key "book". */
    public static Conversion toCsv(Path workbook, Path work, Load load) throws IOException, InterruptedException {
        return toCsv(Map.of("book", workbook), work, load);
    }

    private static String extension(Path workbook) {
        String name = workbook.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? ".xlsx" : name.substring(dot);
    }

    /**
     * The profile of a load mode, made on first use. Forced recalculation is a setting of the
     * profile: OOXMLRecalcMode 0 = always recalculate (1, the default, = never; 2 = ask).
     */
    private static Path profile(Load load) throws IOException {
        Path profile = Files.createDirectories(PROFILES.resolve(load.name().toLowerCase(java.util.Locale.ROOT))
                .toAbsolutePath());
        Path user = Files.createDirectories(profile.resolve("user"));
        // A run killed midway leaves its lock; calls are serialised here, so no live soffice holds it.
        Files.deleteIfExists(user.resolve(".lock"));
        Path settings = user.resolve("registrymodifications.xcu");
        if (load == Load.RECALCULATED && !(Files.exists(settings)
                && Files.readString(settings, StandardCharsets.UTF_8).contains("OOXMLRecalcMode"))) {
            Files.writeString(settings, """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <oor:items xmlns:oor="http://openoffice.org/2001/registry" \
                    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                    <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" \
                    oor:op="fuse"><value>0</value></prop></item>
                    </oor:items>
                    """, StandardCharsets.UTF_8);
        }
        return profile;
    }
}
