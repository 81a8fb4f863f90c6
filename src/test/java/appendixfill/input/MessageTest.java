package appendixfill.input;

import appendixfill.fixtures.LibreOffice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessageTest {

    private static Properties catalogue(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageTest.class.getResourceAsStream("/appendixfill/messages." + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void bothCataloguesHaveTheSameKeysAndPlaceholders() throws IOException {
        Properties vi = catalogue("vi");
        Properties en = catalogue("en");

        assertEquals(vi.stringPropertyNames(), en.stringPropertyNames());
        for (String key : vi.stringPropertyNames()) {
            assertEquals(placeholders(vi.getProperty(key)), placeholders(en.getProperty(key)), key);
        }
    }

    @Test
    void argumentsAreFilledInOnceAndNestedMessagesInTheSameLanguage() {
        Message message = Message.of("input.empty", "C:\\{1}\\bieu.xlsx", Message.of("valid"));

        assertEquals("File «C:\\{1}\\bieu.xlsx» is empty (0 bytes). A Phụ lục I spreadsheet is needed: Excel (.xlsx, "
                + ".xlsm, .xls) or LibreOffice (.ods).", message.in(Language.EN));
        assertEquals("Tệp «C:\\{1}\\bieu.xlsx» rỗng (0 byte). Cần bảng tính Phụ lục I dạng Excel (.xlsx, .xlsm, .xls) "
                + "hoặc LibreOffice (.ods).", message.in(Language.VI));
    }

    private static java.util.Set<String> placeholders(String template) {
        java.util.Set<String> found = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\d\\}").matcher(template);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
