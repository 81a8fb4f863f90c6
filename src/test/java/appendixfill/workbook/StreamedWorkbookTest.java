package appendixfill.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import appendixfill.fill.FillJob;
import appendixfill.indicator.Catalogue;
import appendixfill.input.Typed;
import appendixfill.input.UnusableInput;
import appendixfill.rule.RuleBook;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fast reader gives exactly the typed cells POI's usermodel gives. */
class StreamedWorkbookTest {

    static final Path EXAMPLE = Path.of("workbook-templates/example/vu-muon-nam-2023.xlsx");

    @TempDir
    Path temp;

    private static Map<String, Typed> viaPoi(Path file) throws UnusableInput {
        try (FormWorkbook form = FormWorkbook.open(file, Catalogue.standard())) {
            return form.typed();
        }
    }

    private static Map<String, Typed> streamed(Path file) throws UnusableInput {
        return StreamedWorkbook.read(file, Catalogue.standard(), Set.of()).typed();
    }

    /** Compares cell by cell, so that a failure names the cells that differ. */
    private static void assertSameCells(Map<String, Typed> expected, Map<String, Typed> actual) {
        java.util.List<String> differ = new java.util.ArrayList<>();
        for (String code : expected.keySet()) {
            if (!java.util.Objects.equals(expected.get(code), actual.get(code))) {
                differ.add(code + ": " + expected.get(code) + " ≠ " + actual.get(code));
            }
        }
        assertEquals(java.util.List.of(), differ);
        assertEquals(expected, actual);
    }

    @Test
    void readsTheExampleAsPoiReadsIt() throws Exception {
        assertSameCells(viaPoi(EXAMPLE), streamed(EXAMPLE));
    }

    @Test
    void readsACompletedWorkbookBackToWhatTheOfficerTyped() throws Exception {
        new FillJob(Catalogue.standard(), RuleBook.standard()).run(EXAMPLE, temp);
        Path filled = temp.resolve("vu-muon-nam-2023.filled.xlsx");
        assertSameCells(viaPoi(filled), streamed(filled));
    }

    @Test
    void readsTheBlankTemplateAsPoiReadsIt() throws Exception {
        Path blank = temp.resolve("blank.xlsx");
        try (OutputStream out = Files.newOutputStream(blank)) {
            new TemplateBuilder(Catalogue.standard()).write(out);
        }
        assertSameCells(viaPoi(blank), streamed(blank));
    }

    @Test
    void readsTypedNumbersTextsAndBlanksAsPoiReadsThem() throws Exception {
        Path file = TypedWorkbooks.write(Map.of("1.1", "n:12.5", "1.2", "n:87", "1.4", "t:Có",
                "report.date", "t:20/11/2023", "2.2.1", "", "7.1.a", "n:0.7", "year", "n:2023"),
                temp.resolve("typed.xlsx"));
        assertSameCells(viaPoi(file), streamed(file));
    }

    @Test
    void readsTheTemplateVersion() throws Exception {
        StreamedWorkbook workbook = StreamedWorkbook.read(EXAMPLE, Catalogue.standard(), Set.of());
        assertEquals("cchc-phu-luc-i", workbook.template().orElseThrow());
        assertEquals(Catalogue.TEMPLATE_VERSION, workbook.templateVersion().orElseThrow());
    }

    @Test
    void refusesATextFileSayingWhy() throws Exception {
        Path file = Files.writeString(temp.resolve("notes.xlsx"), "không phải bảng tính");
        UnusableInput e = assertThrows(UnusableInput.class, () -> streamed(file));
        assertEquals("Tệp «" + file + "» không phải là tệp Excel (.xlsx).", e.getMessage());
    }

    @Test
    void neverResolvesAnExternalEntity() throws Exception {
        Path secret = Files.writeString(temp.resolve("secret.txt"), "BÍ MẬT");
        Path file = temp.resolve("xxe.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write(("<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                    + "<workbook><definedNames><definedName name=\"PL_1_1\">&x;</definedName></definedNames>"
                    + "</workbook>").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        UnusableInput e = assertThrows(UnusableInput.class, () -> streamed(file));
        assertTrue(!e.getMessage().contains("BÍ MẬT"), e.getMessage());
    }

    @Test
    void readsAWorkbookSavedByLibreOfficeAsPoiReadsIt() throws Exception {
        // LibreOffice rewrites every part: shared strings, its own styles and cell types.
        Path soffice = LibreOffice.require();
        Path profile = Files.createDirectories(temp.resolve("profile"));
        Path converted = Files.createDirectories(temp.resolve("saved"));
        Path source = Files.copy(EXAMPLE, temp.resolve("vi-du.xlsx"));
        Process process = new ProcessBuilder(soffice.toString(), "-env:UserInstallation=" + profile.toUri(),
                "--headless", "--norestore", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir",
                converted.toString(), source.toString()).redirectErrorStream(true)
                .redirectOutput(temp.resolve("soffice.log").toFile()).start();
        assertTrue(process.waitFor(180, java.util.concurrent.TimeUnit.SECONDS), "soffice did not finish");
        Path saved = converted.resolve("vi-du.xlsx");
        assertTrue(Files.exists(saved), Files.readString(temp.resolve("soffice.log")));
        assertSameCells(viaPoi(saved), streamed(saved));
    }
}
