package appendixfill.report;

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
 * Prints Word documents as a person would: real LibreOffice Writer converts them to PDF (all in one
 * soffice call: each start costs seconds), and poppler's tools read the PDFs back (pdfinfo, pdffonts,
 * pdftotext, pdftoppm). Where a program is missing, the calling test is skipped saying which and why;
 * in CI (CI=true) it must be there, and the test fails instead.
 */
final class Printer {

    private static final List<String> SOFFICE = List.of("/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice",
            "/opt/libreoffice/program/soffice", "/Applications/LibreOffice.app/Contents/MacOS/soffice");

    private Printer() {
    }

    /** Converts every document to PDF beside itself; returns each document's PDF, in the order given. */
    static Map<Path, Path> toPdf(List<Path> documents, Path work) throws IOException, InterruptedException {
        Path soffice = program("soffice", SOFFICE, "LibreOffice (soffice)", "libreoffice-writer-nogui");
        Path profile = Files.createDirectories(work.resolve("soffice-profile"));
        Path log = work.resolve("soffice.log");
        List<String> command = new ArrayList<>(List.of(soffice.toString(), "-env:UserInstallation=" + profile.toUri(),
                "--headless", "--norestore", "--convert-to", "pdf", "--outdir", work.toString()));
        documents.forEach(document -> command.add(document.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            Assertions.fail("soffice did not finish printing " + documents + " within 300 s");
        }
        Map<Path, Path> pdfs = new LinkedHashMap<>();
        for (Path document : documents) {
            Path pdf = work.resolve(document.getFileName().toString().replaceFirst("\\.docx$", ".pdf"));
            if (!Files.exists(pdf)) {
                missing("LibreOffice printed no " + pdf.getFileName() + " (is LibreOffice Writer installed? "
                        + "apt-get install libreoffice-writer-nogui); soffice said: " + Files.readString(log));
            }
            pdfs.put(document, pdf);
        }
        return pdfs;
    }

    /** Runs a poppler tool on a PDF and returns what it printed (UTF-8). */
    static String poppler(String tool, String... arguments) throws IOException, InterruptedException {
        Path program = program(tool, List.of("/usr/bin/" + tool, "/opt/homebrew/bin/" + tool, "/usr/local/bin/" + tool),
                "poppler's " + tool, "poppler-utils");
        List<String> command = new ArrayList<>(List.of(program.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            Assertions.fail(String.join(" ", command) + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static Path program(String name, List<String> candidates, String what, String packageName) {
        Optional<Path> found = Stream.concat(
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                                .filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, name)),
                        candidates.stream().map(Path::of))
                .filter(Files::isExecutable).findFirst();
        if (found.isEmpty()) {
            missing(what + " is not installed; install " + packageName + " to run this test");
        }
        return found.get();
    }

    private static void missing(String why) {
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(why + " (CI=true: it must run here)");
        }
        Assumptions.abort(why);
    }
}
