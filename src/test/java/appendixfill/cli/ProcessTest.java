package appendixfill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertEquals(8, read("stdout").lines().count());
    }

    private String read(String name) throws IOException {
        return Files.readString(folder.resolve(name), StandardCharsets.UTF_8);
    }
}
