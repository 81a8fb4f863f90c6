package appendixfill.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import appendixfill.fixtures.PlainTables;
import appendixfill.fixtures.TypedWorkbooks;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A DOCTYPE (entities expanding a thousandfold, an external entity naming /etc/passwd) in any XML
 * part of an .xlsx, whichever way the fill goes: the template's own workbook completed in place, and
 * an officer's plain table filled into a copy of the template (whose parts the fill never reads
 * but for the table). Each is refused naming the part, in Vietnamese and English, before anything
 * is written.
 */
class DoctypeInEveryPartTest {

    static final String DOCTYPE = "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY secret SYSTEM \"file:///etc/passwd\">]>";

    @TempDir
    static Path inputs;

    @TempDir
    Path folder;

    /** The workbooks the parts come from: the example (filled in place) and a plain table (filled on the template). */
    static Path example;
    static Path plainTable;

    @BeforeAll
    static void workbooks() throws IOException {
        example = BadInputs.EXAMPLE;
        plainTable = PlainTables.write(TypedWorkbooks.readTyped(PlainForms.SEED), PlainTables.Shape.seed(),
                inputs.resolve("plain.xlsx"));
    }

    static Stream<Arguments> everyXmlPart() throws IOException {
        workbooks();
        List<Arguments> cases = new ArrayList<>();
        for (Path workbook : List.of(example, plainTable)) {
            String kind = workbook == example ? "in place" : "plain table";
            for (String part : entries(workbook)) {
                if (part.endsWith(".xml") || part.endsWith(".rels")) {
                    cases.add(Arguments.of(kind, part));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyXmlPart")
    void aDoctypeInAnyXmlPartIsRefusedNamingThePartAndNothingIsWritten(String kind, String part) throws IOException {
        Path input = folder.resolve("bieu.xlsx");
        withDoctype(kind.equals("in place") ? example : plainTable, part, input);
        byte[] before = Files.readAllBytes(input);

        String vi = refusal(input, "vi");
        String en = refusal(input, "en");

        assertEquals("Tệp «" + input + "» có khai báo DOCTYPE/thực thể XML ở phần «" + part + "» (có thể nhằm đọc trộm"
                + " tệp trên máy), điều không có trong bảng tính thật, nên không mở. Hãy lấy lại tệp từ người gửi, hoặc"
                + " chép số liệu vào mẫu tạo bởi lệnh «appendix-fill template -o mau.xlsx».\n", vi);
        assertEquals("File «" + input + "» declares a DOCTYPE/XML entities in its part «" + part + "» (possibly to read"
                + " files of this computer), which no real spreadsheet does, so it is not opened. Get the file again from"
                + " its sender, or copy the figures into the form made by «appendix-fill template -o form.xlsx».\n", en);
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(input), files.toList(), "nothing written");
        }
        assertArrayEquals(before, Files.readAllBytes(input));
    }

    private String refusal(Path input, String language) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new String[] {input.toString(), "--lang", language}, new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertEquals(2, exit, () -> err.toString() + out);
        assertEquals("", out.toString());
        return err.toString();
    }

    /** A copy of the workbook with the DOCTYPE after the XML declaration of one part (before its root when it has none). */
    private static void withDoctype(Path workbook, String part, Path target) throws IOException {
        try (ZipFile source = new ZipFile(workbook.toFile());
                ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
            for (var entries = source.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream in = source.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                if (entry.getName().equals(part)) {
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    int declaration = text.startsWith("<?xml") ? text.indexOf("?>") + 2 : 0;
                    bytes = (text.substring(0, declaration) + DOCTYPE + text.substring(declaration))
                            .getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(bytes);
            }
        }
    }

    private static List<String> entries(Path workbook) throws IOException {
        try (ZipFile zip = new ZipFile(workbook.toFile())) {
            return zip.stream().map(ZipEntry::getName).toList();
        }
    }
}
