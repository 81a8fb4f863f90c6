package appendixfill.ooxml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scanner reads every part as Woodstox does, event for event (namespaces resolved, references
 * replaced, line ends and attribute values normalised), and refuses what Woodstox refuses, for the
 * same reason: each case below is held to both.
 */
class XmlScannerTest {

    private static final String MAIN = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";

    private static void readAlike(byte[] bytes) {
        Set<String> names = new HashSet<>();
        assertEquals(XmlEvents.outcome(XmlEvents.byWoodstox(bytes, "xl/part.xml", names)),
                XmlEvents.outcome(XmlEvents.byScanner(bytes, "xl/part.xml", names)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<sst " + MAIN + " count=\"2\"><si><t>Số hồ sơ</t></si><si><r><t xml:space=\"preserve\"> a </t></r></si></sst>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<worksheet " + MAIN + "><sheetData/></worksheet>",
        "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData><x:row r=\"1\">"
            + "<x:c r=\"A1\" t=\"s\"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>",
        "<workbook " + MAIN + " xmlns:rel=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<sheets><sheet name=\"Phụ lục I\" sheetId=\"1\" rel:id=\"rId1\"/></sheets></workbook>",
        "<a " + MAIN + "><b xmlns=\"urn:other\"><c/></b><d/></a>",
        "<a xmlns=\"urn:one\"><b xmlns=\"\"><c/></b></a>",
        "<a><b xmlns:p=\"urn:p\" p:x='1' x = \"2\" /><p:c xmlns:p=\"urn:q\"/></a>",
        "<a>&amp;&lt;&gt;&quot;&apos;&#10;&#x1F600;&#233;</a>",
        "<a x=\"tab\tand&#9;line\nend&#10;cr\r\nlf\">text\r\nmore\rend</a>",
        "<a><![CDATA[<b>&amp;\r\n]]>after<!-- a comment -->tail<?pi data?></a>",
        "<a>  <b/>\n\t<c>x</c>  </a><!-- after --><?after?>\n",
        "<a   \n  x=\"1\"\n  ></a   >",
        "<r:a xmlns:r=\"urn:r\" r:b=\"1\" b=\"2\"/>",
        "<a xml:lang=\"vi\" xmlns:xml=\"http://www.w3.org/XML/1998/namespace\"/>",
        "<sst xmlns=\"http://purl.oclc.org/ooxml/spreadsheetml/main\"><si><t>Strict</t></si></sst>",
        "<a>&#x00000000041;&#0000065;</a>",
        "<?xml version='1.0' encoding='UTF-8'?><a/>",
        "<?xml version=\"1.1\"?><a/>",
        "<Việt_Nam·1 thuộc-tính=\"x\"/>",
    })
    void wellFormedPartsAreReadAsWoodstoxReadsThem(String xml) {
        readAlike(xml.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16", "UTF-16LE", "UTF-16BE", "ISO-8859-1", "windows-1258"})
    void aPartInAnotherEncodingIsReadAsItsDeclarationOrMarkSays(String encoding) {
        String bom = encoding.equals("UTF-16LE") || encoding.equals("UTF-16BE") ? "\uFEFF" : "";
        String xml = bom + "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?><a x=\"Hòa\">Việt Nam: Hòa</a>";
        String text = encoding.startsWith("UTF") ? xml : xml.replace("Việt Nam: ", "");
        readAlike(text.getBytes(Charset.forName(encoding)));
    }

    @org.junit.jupiter.api.Test
    void aByteOrderMarkBeforeUtf8IsPassedOver() {
        byte[] xml = "\uFEFF<?xml version=\"1.0\"?><a>ê</a>".getBytes(StandardCharsets.UTF_8);
        readAlike(xml);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<a><b></a></b>",
        "<a>",
        "<a></a><b/>",
        "<a/>text",
        "text<a/>",
        "<p:a/>",
        "<a p:x=\"1\"/>",
        "<a>&nbsp;</a>",
        "<a>& b</a>",
        "<a>&#0;</a>",
        "<a>&#xD800;</a>",
        "<a x=\"<\"/>",
        "<a x=\"&bad;\"/>",
        "<a x=\"1\" x=\"2\"/>",
        "<a x=1/>",
        "<a x=\"1\"y=\"2\"/>",
        "<a>\u0001</a>",
        "<a>]]></a>",
        "<a><!-- a -- b --></a>",
        "<a><!-- open</a>",
        "<a><?xml version=\"1.0\"?></a>",
        "<a xmlns:p=\"\"/>",
        "<a:b:c xmlns:a=\"urn:a\"/>",
        "<1a/>",
        "<a><![CDATA[open</a>",
        "",
        "   ",
        "</a>",
        "<a>&#x110000;</a>",
        "<a>&#99999999999999999999999;</a>",
        "<a xmlns:x=\"u\" xmlns:y=\"u\" x:b=\"1\" y:b=\"2\"/>",
        "<a xmlns:p=\"http://www.w3.org/2000/xmlns/\"/>",
        "<a xmlns:x=\"http://www.w3.org/XML/1998/namespace\"/>",
        "<a xmlns=\"http://www.w3.org/XML/1998/namespace\"/>",
        "<?xml version=\"9\" bogus?><a/>",
        "<?xml encoding=\"UTF-8\"?><a/>",
        "<?xml version=\"1.0\" standalone=\"maybe\"?><a/>",
        "<?xml version=\"1.0\" standalone=\"yes\" encoding=\"UTF-8\"?><a/>",
        "<\u00D7a/>",
        "<a\u00D7b/>",
        "<a \u2030=\"1\"/>",
    })
    void whatIsNotWellFormedIsRefusedAsWoodstoxRefusesIt(String xml) {
        readAlike(xml.getBytes(StandardCharsets.UTF_8));
    }

    @org.junit.jupiter.api.Test
    void bytesThatAreNotUtf8AreRefused() {
        readAlike(new byte[] {'<', 'a', '>', (byte) 0xC3, '(', '<', '/', 'a', '>'});
        readAlike(new byte[] {'<', 'a', '>', (byte) 0xE0, (byte) 0x80, (byte) 0x80, '<', '/', 'a', '>'});
        readAlike(new byte[] {'<', 'a', ' ', 'x', '=', '"', (byte) 0xFF, '"', '/', '>'});
    }

    @org.junit.jupiter.api.Test
    void aDoctypeIsRefusedForWhatItIs() {
        readAlike("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>".getBytes(StandardCharsets.UTF_8));
    }

    @org.junit.jupiter.api.Test
    void elementsNestedBeyondTheLimitAreRefused() {
        readAlike(("<a>".repeat(Xml.MAX_DEPTH) + "</a>".repeat(Xml.MAX_DEPTH)).getBytes(StandardCharsets.UTF_8));
        readAlike(("<a>".repeat(Xml.MAX_DEPTH + 1) + "</a>".repeat(Xml.MAX_DEPTH + 1)).getBytes(StandardCharsets.UTF_8));
    }

    @org.junit.jupiter.api.Test
    void manyAttributesAreCheckedForTwiceAndCounted() {
        StringBuilder many = new StringBuilder("<a");
        for (int i = 0; i < 40; i++) {
            many.append(" x").append(i).append("=\"").append(i).append('"');
        }
        readAlike((many + "/>").getBytes(StandardCharsets.UTF_8));
        readAlike((many + " x7=\"again\"/>").getBytes(StandardCharsets.UTF_8));
    }
}
