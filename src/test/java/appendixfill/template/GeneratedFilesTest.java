package appendixfill.template;

import appendixfill.fixtures.TypedWorkbooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import appendixfill.indicator.Catalogue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The committed template and example are exactly what the generators make. After a deliberate
 * change to the catalogue or the example, regenerate them with
 * {@code mvn test -Dtest=GeneratedFilesTest -Dregenerate=true}.
 */
class GeneratedFilesTest {

    static final Path TEMPLATE = Path.of("workbook-templates/phu-luc-i.xlsx");
    static final Path EXAMPLE = Path.of("workbook-templates/example/vu-muon-nam-2023.xlsx");
    static final Path EXAMPLE_TYPED = Path.of("workbook-templates/example/vu-muon-nam-2023.typed.tsv");

    @Test
    void committedTemplateIsWhatTheGeneratorMakes() throws IOException {
        ByteArrayOutputStream generated = new ByteArrayOutputStream();
        new TemplateBuilder(Catalogue.standard()).write(generated);
        compareOrRegenerate(TEMPLATE, generated.toByteArray());
    }

    @Test
    void committedExampleIsTheSeedAsTyped() throws IOException {
        ByteArrayOutputStream generated = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = TypedWorkbooks.build(TypedWorkbooks.readTyped(EXAMPLE_TYPED))) {
            workbook.write(generated);
        }
        compareOrRegenerate(EXAMPLE, generated.toByteArray());
    }

    private static void compareOrRegenerate(Path committed, byte[] generated) throws IOException {
        if (Boolean.getBoolean("regenerate")) {
            try (OutputStream out = Files.newOutputStream(committed)) {
                out.write(generated);
            }
        }
        assertEquals(parts(generated), parts(Files.readAllBytes(committed)),
                committed + " differs from what the generator makes; regenerate it on purpose (see this test's Javadoc)");
    }

    /** The package's parts and their text, but the core properties (which hold a save time). */
    private static Map<String, String> parts(byte[] xlsx) throws IOException {
        Map<String, String> parts = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (!entry.getName().equals("docProps/core.xml")) {
                    parts.put(entry.getName(), new String(readAll(zip), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        return parts;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
