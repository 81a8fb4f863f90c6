package appendixfill.revision;

import appendixfill.indicator.Figures;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Value;
import java.nio.charset.StandardCharsets;

/**
 * The fingerprint of a workbook's content: SHA-256 of every typed value as the tool understands it,
 * one "code=value" line each in the form's order. A completed workbook records the fingerprint of
 * what it was filled with; read again unedited it gives the same one, edited it does not.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    /** The fingerprint of the figures, 64 hexadecimal digits. */
    public static String of(Figures figures) {
        StringBuilder lines = new StringBuilder();
        for (Indicator indicator : figures.catalogue().indicators()) {
            if (indicator.kind().isTyped()) {
                lines.append(indicator.code()).append('=').append(canonical(figures.get(indicator.code()))).append('\n');
            }
        }
        return sha256(lines.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * SHA-256 of some bytes (FIPS 180-4), in hexadecimal. Computed here rather than through
     * {@code MessageDigest}: looking up a provider starts the JCA's machinery, some 30 ms of a fill
     * that takes 200 (a test holds the two to the same digests).
     */
    public static String sha256(byte[] bytes) {
        int[] h = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
        // The message, then 0x80, zeros, and its length in bits over the last 8 bytes of the last block.
        int blocks = (bytes.length + 8) / 64 + 1;
        byte[] padded = java.util.Arrays.copyOf(bytes, blocks * 64);
        padded[bytes.length] = (byte) 0x80;
        long bits = (long) bytes.length * 8;
        for (int i = 0; i < 8; i++) {
            padded[padded.length - 1 - i] = (byte) (bits >>> (8 * i));
        }
        int[] w = new int[64];
        for (int block = 0; block < blocks; block++) {
            for (int i = 0, at = block * 64; i < 16; i++, at += 4) {
                w[i] = (padded[at] & 0xff) << 24 | (padded[at + 1] & 0xff) << 16 | (padded[at + 2] & 0xff) << 8
                        | padded[at + 3] & 0xff;
            }
            for (int i = 16; i < 64; i++) {
                int s0 = Integer.rotateRight(w[i - 15], 7) ^ Integer.rotateRight(w[i - 15], 18) ^ w[i - 15] >>> 3;
                int s1 = Integer.rotateRight(w[i - 2], 17) ^ Integer.rotateRight(w[i - 2], 19) ^ w[i - 2] >>> 10;
                w[i] = w[i - 16] + s0 + w[i - 7] + s1;
            }
            int a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
            for (int i = 0; i < 64; i++) {
                int t1 = k + (Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25))
                        + (e & f ^ ~e & g) + K[i] + w[i];
                int t2 = (Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22))
                        + (a & b ^ a & c ^ b & c);
                k = g;
                g = f;
                f = e;
                e = d + t1;
                d = c;
                c = b;
                b = a;
                a = t1 + t2;
            }
            h[0] += a;
            h[1] += b;
            h[2] += c;
            h[3] += d;
            h[4] += e;
            h[5] += f;
            h[6] += g;
            h[7] += k;
        }
        StringBuilder hex = new StringBuilder(64);
        for (int word : h) {
            String digits = Integer.toHexString(word);
            hex.append("0".repeat(8 - digits.length())).append(digits);
        }
        return hex.toString();
    }

    private static final int[] K = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

    private static String canonical(Value value) {
        if (value instanceof Value.Amount amount) {
            return amount.number().toPlainString();
        }
        if (value instanceof Value.YesNo answer) {
            return answer.word();
        }
        if (value instanceof Value.Text text) {
            return "t:" + text.text().replace("\n", "\\n");
        }
        if (value instanceof Value.Day day) {
            return day.year() + "-" + day.month() + "-" + day.day();
        }
        return "";
    }
}
