package appendixfill.indicator;

import java.text.Normalizer;

/** Text in Unicode's composed form (NFC), as every text the tool reads and writes is kept. */
public final class Unicode {

    private Unicode() {
    }

    /**
     * The text in NFC. Text that is NFC by construction (Latin letters, Vietnamese precomposed
     * letters, the usual punctuation, no combining mark) is returned as it is, without loading
     * the normaliser's tables: a tenth of a single fill's time went there.
     */
    public static String nfc(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // The private use area holds the report's own marks: nothing composes with them.
            boolean composed = c < 0x300 || c >= 0x1E00 && c <= 0x1EFF || c >= 0x2002 && c <= 0x206F
                    || c >= 0xE000 && c <= 0xF8FF;
            if (!composed) {
                return Normalizer.normalize(text, Normalizer.Form.NFC);
            }
        }
        return text;
    }
}
