package appendixfill.ooxml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import appendixfill.ooxml.Unsupported.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The zip read by hand, within its limits. */
class ZipArchiveTest {

    private static byte[] zip(boolean stored, String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                byte[] content = namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
                ZipEntry entry = new ZipEntry(namesAndContents[i]);
                if (stored) {
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(content.length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(content);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void deflatedEntriesWithDataDescriptorsAndStoredEntriesReadAsWritten() throws Exception {
        ZipArchive deflated = ZipArchive.of(zip(false, "a.xml", "<a/>", "b/c.xml", "Phụ lục"), ZipArchive.Limits.OFFICE);
        ZipArchive stored = ZipArchive.of(zip(true, "a.xml", "<a/>"), ZipArchive.Limits.OFFICE);

        assertEquals(List.of("a.xml", "b/c.xml"), deflated.names());
        assertEquals("Phụ lục", new String(deflated.read("b/c.xml"), StandardCharsets.UTF_8));
        assertEquals("<a/>", new String(stored.read("a.xml"), StandardCharsets.UTF_8));
    }

    @Test
    void anEntryIsFoundWhateverTheCaseOfItsNameAsOpcComparesNames() throws Exception {
        ZipArchive zip = ZipArchive.of(zip(false, "xl/Worksheets/Sheet1.xml", "<a/>"), ZipArchive.Limits.OFFICE);

        assertEquals(Optional.of("xl/Worksheets/Sheet1.xml"), zip.find("xl/worksheets/sheet1.xml"));
        assertEquals(Optional.empty(), zip.find("xl/worksheets/sheet2.xml"));
    }

    @Test
    void twoEntriesNamedAlikeButForCaseAreADamagedPackage() throws Exception {
        Unsupported e = assertThrows(Unsupported.class,
                () -> ZipArchive.of(zip(false, "a.xml", "<a/>", "A.XML", "<b/>"), ZipArchive.Limits.OFFICE));
        assertEquals(Reason.DAMAGED, e.reason());
        assertEquals("A.XML", e.part());
    }

    @Test
    void aZipCutShortIsTruncatedAndNotAZipIsSaid() throws Exception {
        byte[] whole = zip(false, "a.xml", "<a/>");

        assertEquals(Reason.TRUNCATED, assertThrows(Unsupported.class,
                () -> ZipArchive.of(Arrays.copyOf(whole, whole.length - 10), ZipArchive.Limits.OFFICE)).reason());
        assertEquals(Reason.NOT_A_ZIP, assertThrows(Unsupported.class,
                () -> ZipArchive.of("plain text".getBytes(StandardCharsets.UTF_8), ZipArchive.Limits.OFFICE)).reason());
    }

    @Test
    void anEncryptedEntryIsRefusedByItsFlag() throws Exception {
        byte[] bytes = zip(false, "a.xml", "<a/>");
        // General purpose flag bit 0, in the directory entry (the local header is not what is read).
        int central = indexOf(bytes, new byte[] {0x50, 0x4b, 0x01, 0x02});
        bytes[central + 8] |= 1;

        Unsupported e = assertThrows(Unsupported.class, () -> ZipArchive.of(bytes, ZipArchive.Limits.OFFICE));
        assertEquals(Reason.ENCRYPTED, e.reason());
    }

    @Test
    void aDataBitFlippedFailsItsChecksumAsDamaged() throws Exception {
        byte[] bytes = zip(true, "a.xml", "<abcdefgh/>");
        bytes[indexOf(bytes, "abcdefgh".getBytes(StandardCharsets.US_ASCII))] = 'X';
        ZipArchive zip = ZipArchive.of(bytes, ZipArchive.Limits.OFFICE);

        Unsupported e = assertThrows(Unsupported.class, () -> zip.read("a.xml"));
        assertEquals(Reason.DAMAGED, e.reason());
        assertEquals("a.xml", e.part());
    }

    @Test
    void aMegabyteOfRepeatedTextIsReadButABombIsRefusedByItsDeclaredSize() throws Exception {
        String note = "Ghi chú rất dài. ".repeat(70_000);
        ZipArchive zip = ZipArchive.of(zip(false, "note.xml", note), ZipArchive.Limits.OFFICE);
        assertEquals(note, new String(zip.read("note.xml"), StandardCharsets.UTF_8));

        byte[] bomb = zip(false, "bomb.xml", "a".repeat(20 << 20));
        Unsupported e = assertThrows(Unsupported.class, () -> ZipArchive.of(bomb, ZipArchive.Limits.OFFICE));
        assertEquals(Reason.OVER_BUDGET, e.reason());
        assertEquals("bomb.xml", e.part());
    }

    @Test
    void anEntryInflatingBeyondItsDeclaredSizeIsStoppedThere() throws Exception {
        byte[] bytes = zip(true, "a.xml", "<abcdefgh/>");
        // Declare 4 bytes in the directory: the reader stops at the fifth.
        int central = indexOf(bytes, new byte[] {0x50, 0x4b, 0x01, 0x02});
        bytes[central + 24] = 4;
        ZipArchive zip = ZipArchive.of(bytes, ZipArchive.Limits.OFFICE);

        Unsupported e = assertThrows(Unsupported.class, () -> zip.read("a.xml"));
        assertEquals(Reason.OVER_BUDGET, e.reason());
    }

    @Test
    void theWriterCopiesAnEntryAsStoredAndWritesNewOnesTheSameEachTime() throws Exception {
        ZipArchive source = ZipArchive.of(zip(false, "a.xml", "<a/>"), ZipArchive.Limits.OFFICE);
        byte[] first = write(source);
        byte[] second = write(source);

        assertArrayEquals(first, second, "no clock in the bytes");
        ZipArchive copy = ZipArchive.of(first, ZipArchive.Limits.OFFICE);
        assertEquals(List.of("A.xml", "b.xml"), copy.names());
        assertEquals("<a/>", new String(copy.read("A.xml"), StandardCharsets.UTF_8));
    }

    private static byte[] write(ZipArchive source) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipWriter writer = new ZipWriter(out, java.util.zip.Deflater.BEST_SPEED)) {
            source.copyTo("a.xml", "A.xml", writer);
            writer.add("b.xml", "<b/>".getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte[] wanted) {
        outer:
        for (int i = 0; i + wanted.length <= bytes.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (bytes[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
