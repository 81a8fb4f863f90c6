package appendixfill.spreadsheet;

import appendixfill.fixtures.LibreOffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import appendixfill.input.Typed;
import appendixfill.ooxml.Unsupported;
import appendixfill.ooxml.ZipArchive;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The .ods reader, on content.xml written the way LibreOffice writes it. */
class OdsReaderTest {

    private static final String OPEN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
             xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
             xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
             xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0">
            <office:body><office:spreadsheet>
            """;
    private static final String CLOSE = "</office:spreadsheet></office:body></office:document-content>";

    private static Grid parse(String body) throws Exception {
        return OdsReader.read(zipped(OPEN + body + CLOSE));
    }

    /** content.xml alone in a zip, as the reader finds it in an .ods. */
    private static ZipArchive zipped(String content) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return ZipArchive.of(bytes.toByteArray(), ZipArchive.Limits.OFFICE);
    }

    @Test
    void cellsRepeatedRowsHiddenRowsMergesAndNamesAreRead() throws Exception {
        Grid grid = parse("""
                <table:table table:name="Phụ lục I">
                 <table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="5"/></table:table-row>
                 <table:table-row>
                  <table:table-cell table:number-columns-repeated="2"/>
                  <table:table-cell office:value-type="string"><text:p>Số<text:s text:c="2"/>nhiệm vụ</text:p><text:p>đề ra</text:p></table:table-cell>
                  <table:table-cell office:value-type="float" office:value="46"><text:p>46</text:p></table:table-cell>
                  <table:table-cell office:value-type="percentage" office:value="0.7"><text:p>70%</text:p></table:table-cell>
                 </table:table-row>
                 <table:table-row table:visibility="collapse">
                  <table:table-cell office:value-type="date" office:date-value="2023-02-01T00:00:00"><text:p>01/02/23</text:p></table:table-cell>
                  <table:table-cell table:formula="of:=[.D3]/0" office:value-type="float" office:value="0" calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>
                  <table:table-cell table:number-rows-spanned="2" table:number-columns-spanned="1" office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>
                 </table:table-row>
                 <table:table-row><table:covered-table-cell table:number-columns-repeated="3"/></table:table-row>
                 <table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
                </table:table>
                <table:named-expressions>
                 <table:named-range table:name="PL_1_2_1" table:base-cell-address="$'Phụ lục I'.$D$3" table:cell-range-address="$'Phụ lục I'.$D$3"/>
                </table:named-expressions>
                """);

        Grid.Page page = grid.pages().get(0);
        assertEquals("Phụ lục I", page.name());
        assertEquals(new Typed.Text("Số  nhiệm vụ\nđề ra"), page.get(2, 2));
        assertEquals(new Typed.Number(new BigDecimal("46.0"), false), page.get(2, 3));
        assertEquals(new Typed.Number(new BigDecimal("0.7"), true), page.get(2, 4));
        assertEquals(new Typed.Date(LocalDate.of(2023, 2, 1)), page.get(3, 0));
        assertEquals(new Typed.Formula("of:=[.D3]/0", new Typed.Error("#DIV/0!")), page.get(3, 1));
        assertEquals(new Typed.Bool(true), page.get(3, 2));
        assertEquals(Set.of(3), page.hiddenRows());
        assertEquals(List.of(new Grid.Merge(3, 4, 2, 2)), page.merges());
        assertEquals(List.of(new Grid.DefinedName("PL_1_2_1", -1, "'Phụ lục I'!$D$3")), grid.names());
    }

    @Test
    void aDoctypeIsRefusedNamingThePart() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d>&x;</d>";

        Unsupported e = assertThrows(Unsupported.class, () -> OdsReader.read(zipped(xml)));
        assertEquals(Unsupported.Reason.DOCTYPE, e.reason());
        assertEquals("content.xml", e.part());
    }
}
