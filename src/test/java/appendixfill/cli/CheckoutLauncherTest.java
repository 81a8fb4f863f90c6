package appendixfill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The checkout's sh launcher (./appendix-fill), in a stand-in checkout whose ./mvnw writes down each
 * build and whose distribution launcher writes down how it was started: when it builds, and that it
 * then hands over.
 */
class CheckoutLauncherTest {

    private static final Instant BUILT = Instant.parse("2025-10-01T08:00:00Z");

    @TempDir
    Path checkout;

    @BeforeEach
    void lay() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no POSIX shell: appendix-fill.cmd is for Windows");
        Files.copy(Path.of("appendix-fill"), checkout.resolve("appendix-fill"));
        script("mvnw", "echo \"$*\" >> target/builds\n[ -f fail-build ] && { echo 'BUILD FAILURE: thiếu ký hiệu'; exit 1; }\n"
                + "echo jar > target/appendix-fill.jar\n");
        script("src/main/dist/bin/appendix-fill", "printf '%s\\n' \"$APPENDIX_FILL_HOME\" \"$@\" > \"$APPENDIX_FILL_HOME/started\"\n"
                + "exit 1\n");
        for (String source : List.of("pom.xml", "src/main/java/appendixfill/cli/Main.java",
                "src/main/resources/appendixfill/messages.vi.properties", "workbook-templates/phu-luc-i.catalogue.tsv",
                "velocity/bao-cao.vm", "README.md", "src/test/java/appendixfill/cli/MainTest.java")) {
            Files.createDirectories(checkout.resolve(source).getParent());
            Files.writeString(checkout.resolve(source), "x");
        }
    }

    private void script(String name, String body) throws IOException {
        Path file = checkout.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Run(int exitCode, String stderr) {
    }

    private Run launch(String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().add(checkout.resolve("appendix-fill").toString());
        builder.command().addAll(List.of(args));
        builder.environment().put("PATH", "/usr/bin:/bin");
        Process process = builder.redirectErrorStream(false).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(checkout.resolve("stderr").toFile()).start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the launcher finished");
        return new Run(process.exitValue(), Files.readString(checkout.resolve("stderr"), StandardCharsets.UTF_8));
    }

    /** The builds ./mvnw was asked for, one a line. */
    private List<String> builds() throws IOException {
        Path builds = checkout.resolve("target/builds");
        return Files.exists(builds) ? Files.readAllLines(builds) : List.of();
    }

    /** A jar built at BUILT from sources older than it. */
    private void builtFromTheSources() throws Exception {
        launch("a.xlsx");
        Files.delete(checkout.resolve("target/builds"));
        try (Stream<Path> files = Files.walk(checkout)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, FileTime.from(BUILT.minusSeconds(3600)));
            }
        }
        Files.setLastModifiedTime(checkout.resolve("target/appendix-fill.jar"), FileTime.from(BUILT));
    }

    @Test
    void theFirstRunBuildsWithTheWrapperThenHandsOverWithTheArgumentsAndTheToolsExitCode() throws Exception {
        Run run = launch("biểu Phụ lục I.xlsx", "--out", "kết quả");

        assertEquals(1, run.exitCode(), "the exit code is the tool's");
        assertEquals("appendix-fill: đang dựng chương trình (lần đầu, hoặc vì mã nguồn đã đổi; có thể mất một phút)…", run.stderr().strip());
        assertEquals(List.of("-B -q -DskipTests package"), builds());
        assertEquals(List.of(checkout.resolve("target").toString(), "biểu Phụ lục I.xlsx", "--out", "kết quả"),
                Files.readAllLines(checkout.resolve("target/started")));
    }

    @Test
    void aJarNewerThanEverySourceIsUsedAsItIs() throws Exception {
        builtFromTheSources();

        Run run = launch("a.xlsx");

        assertEquals("", run.stderr());
        assertEquals(List.of(), builds());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pom.xml", "src/main/java/appendixfill/cli/Main.java",
        "src/main/resources/appendixfill/messages.vi.properties", "workbook-templates/phu-luc-i.catalogue.tsv",
        "velocity/bao-cao.vm"})
    void aChangeToWhatGoesIntoTheJarRebuildsIt(String source) throws Exception {
        builtFromTheSources();
        Files.setLastModifiedTime(checkout.resolve(source), FileTime.from(BUILT.plusSeconds(60)));

        launch("a.xlsx");

        assertEquals(List.of("-B -q -DskipTests package"), builds());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"README.md", "src/test/java/appendixfill/cli/MainTest.java"})
    void aChangeToWhatStaysOutOfTheJarDoesNot(String file) throws Exception {
        builtFromTheSources();
        Files.setLastModifiedTime(checkout.resolve(file), FileTime.from(BUILT.plusSeconds(60)));

        launch("a.xlsx");

        assertEquals(List.of(), builds());
    }

    @Test
    void aFailedBuildShowsMavensWordsAndExitsThreeWithoutStartingTheTool() throws Exception {
        Files.writeString(checkout.resolve("fail-build"), "");

        Run run = launch("a.xlsx");

        assertEquals(3, run.exitCode());
        assertEquals("""
                appendix-fill: đang dựng chương trình (lần đầu, hoặc vì mã nguồn đã đổi; có thể mất một phút)…
                BUILD FAILURE: thiếu ký hiệu
                appendix-fill: dựng chương trình không thành công; xem thông báo của Maven ở trên.
                """, run.stderr());
        assertTrue(Files.notExists(checkout.resolve("target/started")));
    }
}
