package appendixfill.workbook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-memory reader gives every part as ZipFile gives it, and leaves what is unusual to ZipFile. */
class ZipPartsTest {

    @TempDir
    Path temp;

    @Test
    void everyPartOfTheExampleReadsAsZipFileReadsIt() throws IOException {
        ZipParts parts = ZipParts.read(StreamedWorkbookTest.EXAMPLE);
        try (ZipFile zip = new ZipFile(StreamedWorkbookTest.EXAMPLE.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                try (InputStream expected = zip.getInputStream(entry); InputStream actual = parts.open(entry.getName())) {
                    assertArrayEquals(expected.readAllBytes(), actual.readAllBytes(), entry.getName());
                }
                assertEquals(entry.getSize(), parts.size(entry.getName()), entry.getName());
            }
        }
        assertFalse(parts.has("xl/nothing.xml"));
    }

    @Test
    void storedAndDeflatedPartsAreRead() throws IOException {
        Path file = temp.resolve("mixed.xlsx");
        byte[] stored = "<stored/>".getBytes(StandardCharsets.UTF_8);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            ZipEntry entry = new ZipEntry("stored.xml");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(stored.length);
            CRC32 crc = new CRC32();
            crc.update(stored);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(stored);
            zip.putNextEntry(new ZipEntry("deflated.xml"));
            zip.write("<deflated>ờ</deflated>".getBytes(StandardCharsets.UTF_8));
        }
        ZipParts parts = ZipParts.read(file);
        assertEquals("<stored/>", new String(parts.open("stored.xml").readAllBytes(), StandardCharsets.UTF_8));
        assertEquals("<deflated>ờ</deflated>", new String(parts.open("deflated.xml").readAllBytes(),
                StandardCharsets.UTF_8));
    }

    @Test
    void partsOfTheSameBytesAreKnownTheSameWithoutInflating() throws IOException {
        Path first = Files.copy(StreamedWorkbookTest.EXAMPLE, temp.resolve("a.xlsx"));
        Path second = Files.copy(StreamedWorkbookTest.EXAMPLE, temp.resolve("b.xlsx"));
        assertArrayEquals(ZipParts.read(first).stored("xl/workbook.xml"),
                ZipParts.read(second).stored("xl/workbook.xml"));
        assertFalse(Arrays.equals(ZipParts.read(first).stored("xl/workbook.xml"),
                ZipParts.read(first).stored("xl/styles.xml")));
    }

    @Test
    void aZipWithSomethingBeforeItIsLeftToZipFile() throws IOException {
        byte[] zip = Files.readAllBytes(StreamedWorkbookTest.EXAMPLE);
        ByteArrayOutputStream prefixed = new ByteArrayOutputStream();
        prefixed.write(new byte[100]);
        prefixed.write(zip);
        Path file = Files.write(temp.resolve("prefixed.xlsx"), prefixed.toByteArray());
        assertThrows(ZipParts.Unsupported.class, () -> ZipParts.read(file));
    }

    @Test
    void whatIsNoZipIsLeftToZipFile() throws IOException {
        Path file = Files.writeString(temp.resolve("text.xlsx"), "code,name\n001,xã An Bình\n");
        assertThrows(ZipParts.Unsupported.class, () -> ZipParts.read(file));
        Path empty = Files.write(temp.resolve("empty.xlsx"), new byte[0]);
        assertThrows(ZipParts.Unsupported.class, () -> ZipParts.read(empty));
    }
}
