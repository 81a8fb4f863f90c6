package appendixfill.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tool's SHA-256 gives the JDK's digests, whatever the length (every padding case around a block). */
class FingerprintTest {

    @Test
    void theStandardsExamples() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Fingerprint.sha256(new byte[0]));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                Fingerprint.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 54, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 100_003})
    void everyLengthGivesTheJdksDigest(int length) throws Exception {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
                Fingerprint.sha256(bytes));
    }

    @Test
    void theBundledExamplesDigest() throws Exception {
        byte[] example = Files.readAllBytes(Path.of("workbook-templates/example/vu-muon-nam-2023.xlsx"));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(example)),
                Fingerprint.sha256(example));
    }
}
