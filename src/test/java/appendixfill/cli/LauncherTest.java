package appendixfill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution's shell launcher (bin/appendix-fill), run with a stand-in JDK whose java writes
 * down the arguments it was given: which Java it takes, what it refuses, and that paths with spaces
 * and Vietnamese letters reach Java whole.
 */
class LauncherTest {

    private static final Path LAUNCHER = Path.of("src/main/dist/bin/appendix-fill");

    @TempDir
    Path temp;

    private Path home;
    private Path jdk;

    @BeforeEach
    void unpack() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no POSIX shell: the .cmd launcher is for Windows");
        home = Files.createDirectories(temp.resolve("Ứng dụng CCHC/appendix-fill"));
        Files.createDirectories(home.resolve("bin"));
        Files.copy(LAUNCHER, home.resolve("bin/appendix-fill"));
        Files.writeString(home.resolve("appendix-fill.jar"), "not really a jar");
        jdk = fakeJdk("jdk-17", "17.0.9", 1);
    }

    /** A JDK whose release file says the version and whose java records its arguments, one a line. */
    private Path fakeJdk(String name, String version, int exitCode) throws IOException {
        Path root = Files.createDirectories(temp.resolve(name + "/bin")).getParent();
        Files.writeString(root.resolve("release"), "IMPLEMENTOR=\"Stand-in\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path java = root.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done >> \"" + temp.resolve("java.args")
                + "\"\nexit " + exitCode + "\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return root;
    }

    private record Run(int exitCode, String stderr) {
    }

    private Run launch(Map<String, String> environment, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().add(home.resolve("bin/appendix-fill").toString());
        builder.command().addAll(List.of(args));
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().put("HOME", temp.toString());
        // A cache folder with spaces, as under Git Bash's "/c/Users/Nguyen Van A".
        builder.environment().put("XDG_CACHE_HOME", temp.resolve("bộ nhớ đệm").toString());
        builder.environment().putAll(environment);
        Files.setPosixFilePermissions(home.resolve("bin/appendix-fill"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Process process = builder.redirectOutput(temp.resolve("stdout").toFile()).redirectError(temp.resolve("stderr").toFile())
                .start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the launcher finished");
        return new Run(process.exitValue(), Files.readString(temp.resolve("stderr"), StandardCharsets.UTF_8));
    }

    private List<String> javaArguments() throws IOException {
        return Files.readAllLines(temp.resolve("java.args"), StandardCharsets.UTF_8);
    }

    @Test
    void passesPathsWithSpacesAndVietnameseLettersToJavaWhole() throws Exception {
        Run run = launch(Map.of("JAVA_HOME", jdk.toString()), "biểu Phụ lục I.xlsx", "--out", "kết quả quý 3");

        assertEquals(1, run.exitCode(), "the exit code is Java's");
        List<String> arguments = javaArguments();
        assertEquals(List.of("-jar", home.resolve("appendix-fill.jar").toString(), "biểu Phụ lục I.xlsx", "--out",
                "kết quả quý 3"), arguments.subList(arguments.size() - 5, arguments.size()));
        assertTrue(arguments.containsAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData",
                "-Dfile.encoding=UTF-8")), arguments.toString());
        assertFalse(arguments.stream().anyMatch(a -> a.startsWith("-XX:SharedArchiveFile=")),
                "no archive before one is trained: " + arguments);
    }

    @Test
    void usesTheArchiveInTheCacheFolderOnceItIsThereAsOneArgumentWhateverItsPath() throws Exception {
        launch(Map.of("JAVA_HOME", jdk.toString()), "a.xlsx");
        Path cache = temp.resolve("bộ nhớ đệm/appendix-fill");
        String stamp = javaStamp();
        Files.writeString(cache.resolve("appendix-fill-" + stamp + "-17.0.9.jsa"), "archive");
        Files.delete(temp.resolve("java.args"));

        launch(Map.of("JAVA_HOME", jdk.toString()), "a.xlsx");

        assertTrue(javaArguments().contains("-XX:SharedArchiveFile=" + cache.resolve("appendix-fill-" + stamp + "-17.0.9.jsa")),
                javaArguments().toString());
    }

    /** The jar's stamp as the launcher computes it: cksum's first field. */
    private String javaStamp() throws Exception {
        Process cksum = new ProcessBuilder("sh", "-c", "cksum < \"$0\" | cut -d ' ' -f 1",
                home.resolve("appendix-fill.jar").toString()).start();
        cksum.waitFor(10, TimeUnit.SECONDS);
        return new String(cksum.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    @Test
    void refusesAJavaOlderThan17SayingWhichAndWhatIsNeeded() throws Exception {
        Path old = fakeJdk("jdk-11", "11.0.2", 0);

        Run run = launch(Map.of("JAVA_HOME", old.toString()), "a.xlsx");

        assertEquals(3, run.exitCode());
        assertEquals("appendix-fill: Java 11 quá cũ (" + old.resolve("bin/java") + "). Cần Java 17 trở lên: cài JDK hoặc "
                + "JRE 17+, hoặc đặt JAVA_HOME.", run.stderr().strip());
        assertTrue(Files.notExists(temp.resolve("java.args")), "java was not run");
    }

    @Test
    void saysSoWhenJavaHomeHoldsNoJavaAndUsesTheOneOnThePath() throws Exception {
        Path nowhere = temp.resolve("khong-co-jdk");

        Run run = launch(Map.of("JAVA_HOME", nowhere.toString(), "PATH", jdk.resolve("bin") + ":/usr/bin:/bin"),
                "a.xlsx");

        assertEquals(1, run.exitCode(), "the exit code is Java's");
        assertEquals("appendix-fill: JAVA_HOME («" + nowhere + "») không có bin/java; dùng java trong PATH.",
                run.stderr().strip());
        assertTrue(javaArguments().contains("a.xlsx"));
    }

    @Test
    void saysSoWhenThereIsNoJavaAtAll() throws Exception {
        Run run = launch(Map.of("PATH", temp.resolve("empty").toString()), "a.xlsx");

        assertEquals(3, run.exitCode());
        assertEquals("appendix-fill: không tìm thấy Java. Cần Java 17 trở lên: cài JDK hoặc JRE 17+, hoặc đặt JAVA_HOME.",
                run.stderr().strip());
    }
}
