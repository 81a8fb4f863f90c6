package appendixfill.ooxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parts changed by splicing, and markup written with the prefixes in scope where it goes. */
class PartTextTest {

    private static final String MAIN = Xml.MAIN;

    @Test
    void everythingOutsideTheEditedSpansStaysAsItWas() throws Exception {
        String xml = "\uFEFF<?xml version='1.0'?>\r\n<x:ws xmlns:x='" + MAIN + "' >\r\n  <x:c  r = 'D9' >1</x:c></x:ws>";
        PartText text = PartText.of("p.xml", xml.getBytes(StandardCharsets.UTF_8));
        int start = xml.indexOf("<x:c");
        int end = xml.indexOf("</x:ws>");

        text.replace(start, end, "<x:c r='D9'>2</x:c>");
        text.insert(start, "<!-- before -->");

        assertEquals(xml.substring(0, start) + "<!-- before --><x:c r='D9'>2</x:c></x:ws>", text.edited());
        assertEquals(text.edited(), new String(text.bytes(), StandardCharsets.UTF_8));
    }

    @Test
    void overlappingEditsAreTheToolsBug() throws Exception {
        PartText text = PartText.fresh("p.xml", "<a><b/><c/></a>");
        text.replace(3, 7, "<d/>");

        assertThrows(IllegalStateException.class, () -> text.replace(5, 11, ""));
        assertThrows(IllegalStateException.class, () -> text.insert(5, "<e/>"));
    }

    @Test
    void aPartInUtf16IsWrittenBackInUtf16() throws Exception {
        String xml = "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?><sst xmlns=\"" + MAIN + "\"><si><t>Có</t></si></sst>";
        PartText text = PartText.of("xl/sharedStrings.xml", xml.getBytes(StandardCharsets.UTF_16LE));
        text.insert(xml.indexOf("</sst>"), "<si><t>Không</t></si>");

        assertEquals(xml.replace("</sst>", "<si><t>Không</t></si></sst>"),
                new String(text.bytes(), StandardCharsets.UTF_16LE));
    }

    @Test
    void anEmptyRootIsOpenedForWhatIsAppended() throws Exception {
        PartText text = PartText.fresh("_rels/.rels", "<?xml version=\"1.0\"?>\n<Relationships xmlns=\""
                + Xml.PACKAGE_RELATIONSHIPS + "\"/>");
        text.appendToRoot("<Relationship Id=\"rId1\"/>");
        text.appendToRoot("<Relationship Id=\"rId2\"/>");

        assertEquals("<?xml version=\"1.0\"?>\n<Relationships xmlns=\"" + Xml.PACKAGE_RELATIONSHIPS + "\">"
                + "<Relationship Id=\"rId1\"/><Relationship Id=\"rId2\"/></Relationships>", text.edited());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            default namespace in scope   | <worksheet xmlns='MAIN' xmlns:r='REL'><row/></worksheet>      | <c r="D9" r:id="rId1"/>
            x: prefix in scope           | <x:worksheet xmlns:x='MAIN' xmlns:r='REL'><x:row/></x:worksheet> | <x:c r="D9" r:id="rId1"/>
            another prefix for r         | <worksheet xmlns='MAIN' xmlns:rel='REL'><row/></worksheet>    | <c r="D9" rel:id="rId1"/>
            r declared nowhere           | <worksheet xmlns='MAIN'><row/></worksheet>                     | <c xmlns:r="REL" r="D9" r:id="rId1"/>
            r bound to something else    | <worksheet xmlns='MAIN' xmlns:r='urn:other'><row/></worksheet> | <c xmlns:r1="REL" r="D9" r1:id="rId1"/>
            no namespace in scope at all | <ws><row/></ws>                                               | <c xmlns="MAIN" xmlns:r="REL" r="D9" r:id="rId1"/>
            """)
    void markupNamesItsElementsWithThePrefixesInScopeAndDeclaresTheOthers(String situation, String part,
            String written) throws Exception {
        String xml = part.replace("MAIN", MAIN).replace("REL", Xml.RELATIONSHIPS);
        PartText text = PartText.fresh("p.xml", xml);
        javax.xml.namespace.NamespaceContext scope = text.root().scope();

        String cell = new Markup(scope).start(MAIN, "c").attribute("r", "D9").attribute(Xml.RELATIONSHIPS, "id", "rId1")
                .end(MAIN, "c").toString();

        assertEquals(written.replace("MAIN", MAIN).replace("REL", Xml.RELATIONSHIPS), cell);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            <c r="D9" s="3">                     | s        | 7  | <c r="D9" s="7">
            <c r='D9'/>                          | s        | 7  | <c r='D9' s="7"/>
            <c  r = "D9"  s = '3' t="n" >        | s        | 12 | <c  r = "D9"  s = '12' t="n" >
            <sheet name="A&amp;B" r:id="rId1"/>  | state    | veryHidden | <sheet name="A&amp;B" r:id="rId1" state="veryHidden"/>
            """)
    void anAttributeIsSetByTheGrammarOfTheStartTagKeepingTheRest(String element, String attribute, String value,
            String expected) {
        assertEquals(expected, StartTag.with(element, attribute, value));
    }

    @Test
    void anAttributeIsReadAndRemovedByTheGrammarOfTheStartTag() {
        assertEquals("3", StartTag.value("<c r=\"D9\" s=\"3\"><v>1</v></c>", "s"));
        assertEquals(null, StartTag.value("<c r=\"D9\" rs=\"3\"/>", "s"));
        assertEquals("<c r=\"D9\"><v>1</v></c>", StartTag.without("<c r=\"D9\" s=\"3\"><v>1</v></c>", "s"));
    }
}
