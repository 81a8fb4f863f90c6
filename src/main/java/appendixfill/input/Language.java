package appendixfill.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The language of the messages the tool prints: Vietnamese, or English with {@code --lang en}. */
public enum Language {
    VI("vi"),
    EN("en");

    private final String code;
    private Properties catalogue;

    Language(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The template of one message in this language; the catalogues are read once, when first needed. */
    synchronized String template(String key) {
        if (catalogue == null) {
            String resource = "/appendixfill/messages." + code + ".properties";
            Properties properties = new Properties();
            try (InputStream in = Language.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + resource + " is missing from the build");
                }
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            catalogue = properties;
        }
        String template = catalogue.getProperty(key);
        if (template == null) {
            throw new IllegalArgumentException("no message '" + key + "' in messages." + code + ".properties");
        }
        return template;
    }
}
