package appendixfill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import appendixfill.fixtures.TypedWorkbooks;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zip budgets by absolute size and ratio together: a long text that compresses a few hundred times
 * (a line pasted into a note over and over, a unit's name) is read and filled, since the ratio is
 * judged only past 16 MiB inflated; a real bomb is refused, whatever shape it takes.
 */
class LongTextAndZipBombTest {

    static final Path TYPED = Path.of("workbook-templates/example/vu-muon-nam-2023.typed.tsv");
    /** A megabyte of UTF-8 that deflates a thousandfold: a line pasted over and over. */
    static final String MEGABYTE = "Không phát sinh. ".repeat((1 << 20) / "Không phát sinh. ".getBytes(StandardCharsets.UTF_8).length)
            .strip();

    @TempDir
    Path folder;

    @Test
    void aNoteOfAMegabyteIsReadAndFilledWhole() throws Exception {
        Path input = folder.resolve("bieu.xlsx");
        Map<String, String> typed = TypedWorkbooks.readTyped(TYPED);
        typed.put("note:1.2", "t:NOTE-HERE");
        withText(TypedWorkbooks.write(typed, folder.resolve("typed.xlsx")), input, "NOTE-HERE", MEGABYTE);
        assertInflatesMoreThanAHundredfold(input, "xl/sharedStrings.xml");

        Run run = fill(input);

        assertEquals(1, run.exit(), run.err());
        assertEquals("", run.err());
        String values = Files.readString(folder.resolve("bieu.values.csv"), StandardCharsets.UTF_8);
        assertTrue(values.contains("\r\n1.2,1.2,Tỷ lệ hoàn thành Kế hoạch CCHC năm (lũy kế đến thời điểm báo cáo),%,100.00,"
                + "derived," + MEGABYTE + "\r\n"), "the note whole in values.csv");
        assertTrue(sharedStrings(folder.resolve("bieu.filled.xlsx")).contains(MEGABYTE), "and in the completed workbook");
    }

    @Test
    void aUnitNameOfAMegabyteIsReadAndFilledWhole() throws Exception {
        Path input = folder.resolve("bieu.xlsx");
        Map<String, String> typed = TypedWorkbooks.readTyped(TYPED);
        typed.put("unit.name", "t:UNIT-HERE");
        withText(TypedWorkbooks.write(typed, folder.resolve("typed.xlsx")), input, "UNIT-HERE", MEGABYTE);
        assertInflatesMoreThanAHundredfold(input, "xl/sharedStrings.xml");

        Run run = fill(input);

        assertEquals(1, run.exit(), run.err());
        assertTrue(run.out().startsWith("bieu.xlsx: xã " + MEGABYTE + ", năm 2023\n"), "said as the unit");
        assertTrue(Files.readString(folder.resolve("bieu.values.csv"), StandardCharsets.UTF_8)
                .contains("\r\nunit.name,,Tên đơn vị (không ghi cấp),," + MEGABYTE + ",entered,\r\n"));
        assertTrue(Files.readString(folder.resolve("bieu.report.txt"), StandardCharsets.UTF_8).contains(MEGABYTE));
    }

    @Test
    void aPartThatInflatesPastWhatItDeclaresIsRefusedAsABombHavingInflatedNoMore() throws Exception {
        // The form's sheet says it holds 4 kB and holds 200 MB of spaces in its cell data, as a hand-made bomb may.
        Path input = folder.resolve("bom.xlsx");
        copyExample(input, (name, content) -> name.equals("xl/worksheets/sheet1.xml") ? spaced(content) : content,
                zip -> { });
        declareSize(input, "xl/worksheets/sheet1.xml", 4096);

        assertRefusedAsABomb(input);
    }

    @Test
    void partsEachUnderTheRatiosThresholdButPastTheTotalBudgetTogetherAreRefused() throws Exception {
        // Eighteen pictures of 15 MiB of zeros each (a thousandfold, but each below the 16 MiB where
        // the ratio is judged): 270 MiB together, past the 256 MiB a package may inflate to.
        Path input = folder.resolve("bom.xlsx");
        copyExample(input, (name, content) -> content, zip -> {
            byte[] zeros = new byte[15 << 20];
            for (int i = 1; i <= 18; i++) {
                zip.putNextEntry(new ZipEntry("xl/media/image" + i + ".png"));
                zip.write(zeros);
            }
        });

        assertRefusedAsABomb(input);
    }

    @Test
    void aPartInflatingAThousandfoldPast16MiBIsRefusedFromTheZipsDirectoryAlone() throws Exception {
        Path input = folder.resolve("bom.xlsx");
        copyExample(input, (name, content) -> name.equals("xl/sharedStrings.xml") ? new byte[100 << 20] : content,
                zip -> { });

        assertRefusedAsABomb(input);
    }

    /** The premise: the part inflates more than the hundredfold a part past 16 MiB may not. */
    private static void assertInflatesMoreThanAHundredfold(Path workbook, String part) throws IOException {
        try (ZipFile zip = new ZipFile(workbook.toFile())) {
            ZipEntry entry = zip.getEntry(part);
            assertTrue(entry.getSize() > 1 << 20 && entry.getSize() > 100 * entry.getCompressedSize(),
                    part + " inflates from " + entry.getCompressedSize() + " to " + entry.getSize() + " bytes");
        }
    }

    private void assertRefusedAsABomb(Path input) throws IOException {
        byte[] before = Files.readAllBytes(input);
        Run run = fill(input);
        assertEquals(2, run.exit(), run.out());
        assertEquals("Tệp «" + input + "» chứa dữ liệu nén bất thường (giải nén ra lớn gấp hàng trăm lần, dấu hiệu của"
                + " tệp «zip bomb»), nên không mở để bảo vệ máy. Tệp Phụ lục I thật không như vậy: hãy lấy lại tệp từ"
                + " người gửi, hoặc chép số liệu vào mẫu tạo bởi lệnh «appendix-fill template -o mau.xlsx».\n", run.err());
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(input), files.toList(), "nothing written");
        }
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(input)));
    }

    // ----- running and building

    private record Run(int exit, String out, String err) {
    }

    private static Run fill(Path input) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new String[] {input.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    /** A sheet with 200 MB of spaces after the start of its cell data. */
    private static byte[] spaced(byte[] sheet) {
        String text = new String(sheet, StandardCharsets.UTF_8);
        int data = text.indexOf("<sheetData>") + "<sheetData>".length();
        byte[] start = text.substring(0, data).getBytes(StandardCharsets.UTF_8);
        byte[] end = text.substring(data).getBytes(StandardCharsets.UTF_8);
        byte[] bomb = new byte[start.length + (200 << 20) + end.length];
        java.util.Arrays.fill(bomb, (byte) ' ');
        System.arraycopy(start, 0, bomb, 0, start.length);
        System.arraycopy(end, 0, bomb, bomb.length - end.length, end.length);
        return bomb;
    }

    /** A copy of a workbook whose shared strings have a placeholder replaced by a text. */
    private static void withText(Path workbook, Path target, String placeholder, String text) throws IOException {
        copy(workbook, target, Deflater.DEFAULT_COMPRESSION, (name, content) -> name.equals("xl/sharedStrings.xml")
                ? new String(content, StandardCharsets.UTF_8).replace(placeholder, text).getBytes(StandardCharsets.UTF_8)
                : content, zip -> { });
    }

    private static String sharedStrings(Path workbook) throws IOException {
        try (ZipFile zip = new ZipFile(workbook.toFile()); InputStream in = zip.getInputStream(zip.getEntry("xl/sharedStrings.xml"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** What a copy does to one part. */
    private interface PartChange {
        byte[] apply(String name, byte[] content);
    }

    /** What a copy adds after the parts. */
    private interface Addition {
        void addTo(ZipOutputStream zip) throws IOException;
    }

    private static void copyExample(Path target, PartChange change, Addition addition) throws IOException {
        copy(BadInputs.EXAMPLE, target, Deflater.BEST_SPEED, change, addition);
    }

    private static void copy(Path source, Path target, int level, PartChange change, Addition addition)
            throws IOException {
        try (ZipFile zip = new ZipFile(source.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            out.setLevel(level);
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                byte[] content;
                try (InputStream in = zip.getInputStream(entry)) {
                    content = in.readAllBytes();
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(change.apply(entry.getName(), content));
            }
            addition.addTo(out);
        }
    }

    /** Rewrites the size the zip's directory declares for an entry, as a hand-made bomb lies about it. */
    private static void declareSize(Path zip, String name, int size) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int at = bytes.length - 22; at >= 0; at--) {
            if (i32(bytes, at) == 0x02014b50 && u16(bytes, at + 28) == wanted.length
                    && java.util.Arrays.equals(bytes, at + 46, at + 46 + wanted.length, wanted, 0, wanted.length)) {
                for (int i = 0; i < 4; i++) {
                    bytes[at + 24 + i] = (byte) (size >>> (8 * i));
                }
                Files.write(zip, bytes);
                return;
            }
        }
        throw new IllegalArgumentException("no directory entry " + name);
    }

    private static int u16(byte[] b, int at) {
        return b[at] & 0xFF | (b[at + 1] & 0xFF) << 8;
    }

    private static int i32(byte[] b, int at) {
        return u16(b, at) | u16(b, at + 2) << 16;
    }
}
