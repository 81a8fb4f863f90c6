package appendixfill.revision;

import appendixfill.indicator.Figures;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Value;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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

    /** SHA-256 of some bytes, in hexadecimal. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

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
