package appendixfill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tool as its own process: exit code, and nothing on the streams but its own words. */
class ProcessTest {

    @TempDir
    Path folder;

    @Test
    void aNormalRunPrintsNoLoggingNoiseAndExitsWithTheDataErrorCode() throws Exception {
        Path out = folder.resolve("out");
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                MainTest.EXAMPLE.toString(), "--out", out.toString()))
                .redirectOutput(folder.resolve("stdout").toFile())
                .redirectError(folder.resolve("stderr").toFile())
                .start();
        process.waitFor(60, TimeUnit.SECONDS);

        assertEquals(1, process.exitValue());
        assertEquals("", read("stderr"));
        assertEquals("vu-muon-nam-2023.xlsx: xã Vũ Muộn, năm 2023", read("stdout").lines().findFirst().orElse(""));
        assertEquals(10, read("stdout").lines().count());
    }

    @Test
    void aFillLoadsNoPicocliClassWhileVersionDoes() throws Exception {
        Path out = folder.resolve("out");

        int fill = run(List.of(MainTest.EXAMPLE.toAbsolutePath().toString(), "--out", out.toString()), "fill");
        int version = run(List.of("--version"), "version");

        assertEquals(1, fill);
        assertEquals(0, version);
        assertEquals("appendix-fill 0.1.0", read("version.stdout").strip());
        assertEquals(List.of(), loaded("fill", "picocli."));
        assertTrue(loaded("version", "picocli.").contains("picocli.CommandLine"), "the log names the classes it loaded");
    }

    @Test
    void aWorkbookOfTheTemplateIsCompletedWithoutPoisUsermodel() throws Exception {
        int fill = run(List.of(MainTest.EXAMPLE.toAbsolutePath().toString(), "--out", folder.resolve("out").toString()),
                "fill");

        assertEquals(1, fill);
        assertEquals(List.of(), loaded("fill", "org.apache.poi.xssf."));
        assertEquals(List.of(), loaded("fill", "org.apache.xmlbeans."));
        assertTrue(loaded("fill", "appendixfill.form.").contains("appendixfill.form.Completer"));
        assertTrue(Files.size(folder.resolve("out/vu-muon-nam-2023.filled.xlsx")) > 0);
    }

    @Test
    void aConsolidationReadsAndWritesWithoutPoisUsermodel() throws Exception {
        Path received = Files.createDirectory(folder.resolve("nhan"));
        Files.copy(MainTest.EXAMPLE, received.resolve("vu-muon.xlsx"));
        Files.copy(MainTest.EXAMPLE, received.resolve("vu-muon-gui-lai.xlsx"));

        int consolidate = run(List.of("consolidate", received.toString(), "--out",
                folder.resolve("tong-hop.xlsx").toString()), "consolidate");

        assertEquals(1, consolidate, read("consolidate.stderr"));
        assertEquals(List.of(), loaded("consolidate", "org.apache.poi.xssf."));
        assertEquals(List.of(), loaded("consolidate", "org.apache.xmlbeans."));
        assertTrue(loaded("consolidate", "appendixfill.spreadsheet.").contains("appendixfill.spreadsheet.SheetWriter"));
        assertTrue(Files.size(folder.resolve("tong-hop.xlsx")) > 0);
    }

    /** Runs the tool with the JVM logging each class it loads to NAME.classes (relative: a Windows path has a colon). */
    private int run(List<String> args, String name) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + name + ".classes", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).directory(folder.toFile())
                .redirectOutput(folder.resolve(name + ".stdout").toFile())
                .redirectError(folder.resolve(name + ".stderr").toFile())
                .start();
        process.waitFor(60, TimeUnit.SECONDS);
        return process.exitValue();
    }

    /** The classes of a package in a class-loading log, whose lines read "[…][info][class,load] NAME source: …". */
    private List<String> loaded(String name, String prefix) throws IOException {
        return read(name + ".classes").lines().map(line -> line.substring(line.indexOf("] ", line.indexOf("class,load")) + 2))
                .map(line -> line.split(" ")[0]).filter(className -> className.startsWith(prefix)).toList();
    }

    private String read(String name) throws IOException {
        return Files.readString(folder.resolve(name), StandardCharsets.UTF_8);
    }
}
