package appendixfill.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import appendixfill.fixtures.PlainTables;
import appendixfill.fixtures.TypedWorkbooks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random mutations of real inputs (.xlsx template and plain table, .xls, .ods), each run
 * through the command line: the only acceptable outcomes are a fill (exit 0 or 1, the problems as
 * findings) or one message (exit 2). An internal error (exit 3) or an escaping throwable is a bug;
 * the input that caused it is kept under target/fuzz-failures.
 *
 * <p>By default 150 mutations drawn from a fixed seed, the same in every build, so that the build goes
 * red only when the code changes. The opt-in profile draws a random seed, printed first, and runs for a
 * time: {@code ./mvnw test -Pfuzz -Dtest=ReaderFuzzTest [-Dfuzz.seconds=600]}; a seed it found is
 * replayed with {@code -Dfuzz.seed=N}.
 */
class ReaderFuzzTest {

    @TempDir
    Path work;

    @Test
    void mutatedInputsGiveFindingsOrOneMessageNeverAnInternalError() throws Exception {
        String seedAsked = System.getProperty("fuzz.seed", "20251206");
        long seed = seedAsked.equals("random") ? System.nanoTime() : Long.parseLong(seedAsked);
        System.out.println("ReaderFuzzTest: seed " + seed);
        long seconds = Long.getLong("fuzz.seconds", 0);
        int count = Integer.getInteger("fuzz.runs", 150);
        Random random = new Random(seed);
        List<Seed> seeds = seeds();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        int runs = 0;
        while (seconds > 0 ? System.nanoTime() < deadline || runs < seeds.size() : runs < count) {
            Seed original = seeds.get(runs % seeds.size());
            byte[] mutant = mutate(original.bytes(), original.zipped(), random);
            Path folder = Files.createDirectories(work.resolve("run-" + runs));
            Path input = Files.write(folder.resolve("bieu" + original.extension()), mutant);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit;
            try {
                exit = Main.run(new String[] {input.toString()}, new PrintWriter(out), new PrintWriter(err));
            } catch (Throwable t) {
                throw new AssertionError(failure(seed, runs, mutant, original, "threw " + t), t);
            }
            if (exit == ExitCode.INTERNAL || exit < 0 || exit > ExitCode.UNUSABLE) {
                fail(failure(seed, runs, mutant, original, "exit " + exit + ": " + err));
            }
            assertArrayEquals(mutant, Files.readAllBytes(input), "the input is left as it was");
            runs++;
        }
        System.out.println("ReaderFuzzTest: " + runs + " mutated inputs, seed " + seed);
    }

    private record Seed(String extension, byte[] bytes, boolean zipped) {
    }

    private List<Seed> seeds() throws IOException {
        Map<String, String> typed = TypedWorkbooks.readTyped(Path.of("src/test/resources/golden/seed-appendix-named/typed.tsv"));
        Path plainXlsx = PlainTables.write(typed, new PlainTables.Shape("Sheet1", 2, true, Map.of()), work.resolve("p.xlsx"));
        Path plainXls = PlainTables.write(typed, new PlainTables.Shape("Sheet1", 1, false, Map.of()), work.resolve("p.xls"));
        return List.of(
                new Seed(".xlsx", Files.readAllBytes(BadInputs.EXAMPLE), true),
                new Seed(".xlsx", Files.readAllBytes(plainXlsx), true),
                new Seed(".xls", Files.readAllBytes(plainXls), false),
                new Seed(".ods", Files.readAllBytes(Path.of("src/test/resources/golden/plain-ods/input.ods")), true),
                new Seed(".ods", Files.readAllBytes(Path.of("src/test/resources/golden/named-ods/input.ods")), true));
    }

    /** A byte-level mutation, or for a zip most often a mutation of the XML inside one of its entries. */
    static byte[] mutate(byte[] bytes, boolean zipped, Random random) throws IOException {
        if (zipped && random.nextInt(4) != 0) {
            return mutateEntry(bytes, random);
        }
        byte[] copy = bytes.clone();
        switch (random.nextInt(3)) {
            case 0 -> {
                for (int i = 0, n = 1 + random.nextInt(8); i < n; i++) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
            }
            case 1 -> copy = java.util.Arrays.copyOf(copy, random.nextInt(copy.length));
            default -> {
                int at = random.nextInt(copy.length);
                int length = Math.min(copy.length - at, 1 + random.nextInt(64));
                System.arraycopy(copy, at, copy, random.nextInt(copy.length - length + 1), length);
            }
        }
        return copy;
    }

    private static byte[] mutateEntry(byte[] zip, Random random) throws IOException {
        List<String> names = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                names.add(entry.getName());
                contents.add(in.readAllBytes());
            }
        }
        List<Integer> xml = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).endsWith(".xml") || names.get(i).endsWith(".rels")) {
                xml.add(i);
            }
        }
        int target = xml.isEmpty() ? random.nextInt(names.size()) : xml.get(random.nextInt(xml.size()));
        String text = new String(contents.get(target), StandardCharsets.UTF_8);
        for (int i = 0, n = 1 + random.nextInt(4); i < n && !text.isEmpty(); i++) {
            text = mutateText(text, random);
        }
        contents.set(target, text.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (int i = 0; i < names.size(); i++) {
                out.putNextEntry(new ZipEntry(names.get(i)));
                out.write(contents.get(i));
            }
        }
        return bytes.toByteArray();
    }

    private static final String[] TOKENS = {"-1", "1048577", "99999999999", "NaN", "1e308", "#REF!", "&amp;", "\"",
        "<", ">", "'", "=", "A0", "XFD1048576", "$'Sheet1'.$D$9", "of:=1/0", "table:number-rows-repeated=\"1048576\"",
        "t=\"e\"", "t=\"s\"", "t=\"b\"", "percentage", "date", "2023-02-30", "\u0301", "Trong đó", "STT", "Số liệu"};

    private static String mutateText(String text, Random random) {
        int at = random.nextInt(text.length());
        int length = Math.min(text.length() - at, 1 + random.nextInt(40));
        return switch (random.nextInt(5)) {
            case 0 -> text.substring(0, at) + text.substring(at + length);
            case 1 -> text.substring(0, at) + text.substring(at, at + length) + text.substring(at);
            case 2 -> text.substring(0, at) + TOKENS[random.nextInt(TOKENS.length)] + text.substring(at + length);
            case 3 -> {
                // Replace a run of digits: row numbers, cell references, repeat counts, values.
                java.util.regex.Matcher digits = java.util.regex.Pattern.compile("\\d+").matcher(text);
                yield digits.find(at) ? text.substring(0, digits.start()) + TOKENS[random.nextInt(5)]
                        + text.substring(digits.end()) : text;
            }
            default -> text.substring(0, at) + TOKENS[random.nextInt(TOKENS.length)] + text.substring(at);
        };
    }

    private String failure(long seed, int run, byte[] mutant, Seed original, String what) {
        Path kept = Path.of("target/fuzz-failures/seed-" + seed + "-run-" + run + original.extension());
        try {
            Files.createDirectories(kept.getParent());
            Files.write(kept, mutant);
        } catch (IOException e) {
            kept = Path.of("(not kept: " + e.getMessage() + ")");
        }
        return "mutated input " + run + " (seed " + seed + ", kept as " + kept + ") gave " + what;
    }
}
