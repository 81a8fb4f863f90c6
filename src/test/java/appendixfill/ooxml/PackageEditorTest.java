package appendixfill.ooxml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The package writer's last check: a part it wrote that does not parse never leaves it. */
class PackageEditorTest {

    private static final String TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "</Types>";
    private static final String RELATIONSHIPS =
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>";

    private static OpcPackage source() throws IOException, Unsupported {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            String[] parts = {"[Content_Types].xml", TYPES, "_rels/.rels", RELATIONSHIPS, "a.xml", "<a/>"};
            for (int i = 0; i < parts.length; i += 2) {
                zip.putNextEntry(new ZipEntry(parts[i]));
                zip.write(parts[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return OpcPackage.of(ZipArchive.of(bytes.toByteArray(), ZipArchive.Limits.OFFICE));
    }

    @Test
    void aPartWrittenWithAPrefixDeclaredNowhereStopsTheWriteBeforeAByteIsWritten() throws Exception {
        PackageEditor editor = new PackageEditor(source());
        editor.put("a.xml", "<a><r:b/></a>".getBytes(StandardCharsets.UTF_8), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        IllegalStateException bug = assertThrows(IllegalStateException.class,
                () -> editor.write(out, Deflater.BEST_SPEED));

        assertEquals("the tool wrote a.xml so that it does not parse: MALFORMED_XML in a.xml: the prefix «r» is not declared"
                + " (at byte 9)",
                bug.getMessage());
        assertEquals(0, out.size());
    }

    @Test
    void aWellFormedPartIsWrittenAsGiven() throws Exception {
        PackageEditor editor = new PackageEditor(source());
        byte[] part = "<a xmlns:r=\"urn:r\"><r:b/></a>".getBytes(StandardCharsets.UTF_8);
        editor.put("a.xml", part, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        editor.write(out, Deflater.BEST_SPEED);

        assertArrayEquals(part, ZipArchive.of(out.toByteArray(), ZipArchive.Limits.OFFICE).read("a.xml"));
    }
}
