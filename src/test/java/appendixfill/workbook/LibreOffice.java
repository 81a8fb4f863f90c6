package appendixfill.workbook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Real LibreOffice, headless, converting a workbook's sheets to CSV as it shows them. Absent on a
 * person's machine the calling test is skipped, saying why; in CI (CI=true) it must be there.
 */
final class LibreOffice {

    /** How LibreOffice treats formulas when it opens an .xlsx. */
    enum Load {
        /** Its default: show the values cached in the file, recalculating nothing. */
        AS_SAVED,
        /** Recalculate every formula on load. */
        RECALCULATED
    }

    private static final List<String> CANDIDATES = List.of("/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice",
            "/opt/libreoffice/program/soffice", "/Applications/LibreOffice.app/Contents/MacOS/soffice");

    private LibreOffice() {
    }

    /** The soffice program, or the test is skipped (failed in CI) saying why. */
    static Path require() {
        Optional<Path> found = Stream.concat(
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                                .map(dir -> Path.of(dir, "soffice")),
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

    /** Converts every sheet of the workbook to CSV (raw values, not as formatted); returns the folder. */
    static Path toCsv(Path workbook, Path work, Load load) throws IOException, InterruptedException {
        Path soffice = require();
        Path profile = Files.createDirectories(work.resolve("profile-" + load.name().toLowerCase()));
        if (load == Load.RECALCULATED) {
            Path user = Files.createDirectories(profile.resolve("user"));
            // OOXMLRecalcMode 0 = always recalculate (1, the default, = never; 2 = ask).
            Files.writeString(user.resolve("registrymodifications.xcu"), """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <oor:items xmlns:oor="http://openoffice.org/2001/registry" \
                    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                    <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" \
                    oor:op="fuse"><value>0</value></prop></item>
                    </oor:items>
                    """, StandardCharsets.UTF_8);
        }
        Path out = Files.createDirectories(work.resolve("csv-" + load.name().toLowerCase()));
        // Filter options: comma, double quote, UTF-8, from line 1, …, raw values, every sheet (-1).
        Process process = new ProcessBuilder(soffice.toString(), "-env:UserInstallation=" + profile.toUri(),
                "--headless", "--norestore", "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                "--outdir", out.toString(), workbook.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("soffice-" + load + ".log").toFile()).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            Assertions.fail("soffice did not finish converting " + workbook + " within 180 s");
        }
        Assertions.assertEquals(0, process.exitValue(), () -> "soffice failed: " + readLog(work, load));
        return out;
    }

    /** The CSV of one sheet of a converted workbook. */
    static Path sheet(Path csvFolder, Path workbook, String sheetName) {
        String base = workbook.getFileName().toString().replaceFirst("\\.xlsx$", "");
        return csvFolder.resolve(base + "-" + sheetName + ".csv");
    }

    private static String readLog(Path work, Load load) {
        try {
            return Files.readString(work.resolve("soffice-" + load + ".log"));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
