package appendixfill.spreadsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import appendixfill.ooxml.PartText;
import appendixfill.ooxml.Xml;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** A worksheet changed in place: the rows made taller to show their text, the rest as it was. */
class SheetEditTest {

    private static final String SHEET = "<x:worksheet xmlns:x='" + Xml.MAIN + "'>"
            + "<x:cols><x:col min='1' max='1' width='46.5' customWidth='1'/><x:col min='2' max='3' width='70'/></x:cols>"
            + "<x:sheetData>"
            + "<x:row r='1' spans='1:2' ht='96' customHeight='1'><x:c r='B1' t='s'><x:v>0</x:v></x:c></x:row>"
            + "<x:row r='2'><x:c r='B2'><x:v>1</x:v></x:c></x:row>"
            + "<x:row r='3'/>"
            + "</x:sheetData></x:worksheet>";

    private static SheetEdit sheet() throws Exception {
        return SheetEdit.of(PartText.of("xl/worksheets/sheet2.xml", SHEET.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void columnWidthsAreReadFromColsEachColumnOfARange() throws Exception {
        SheetEdit sheet = sheet();
        assertEquals(OptionalDouble.of(46.5), sheet.columnWidth(0));
        assertEquals(OptionalDouble.of(70), sheet.columnWidth(1));
        assertEquals(OptionalDouble.of(70), sheet.columnWidth(2));
        assertEquals(OptionalDouble.empty(), sheet.columnWidth(3));
    }

    @Test
    void aRowIsMadeTallerWithAFixedHeightItsOtherAttributesAndCellsKept() throws Exception {
        PartText text = PartText.of("xl/worksheets/sheet2.xml", SHEET.getBytes(StandardCharsets.UTF_8));
        SheetEdit sheet = SheetEdit.of(text);

        sheet.fitHeight(0, 160.3f);
        sheet.fitHeight(1, 33);
        sheet.set(1, 1, new CellContent.Number(new BigDecimal("2")), 0);
        sheet.apply();

        assertEquals(SHEET.replace("<x:row r='1' spans='1:2' ht='96' customHeight='1'>",
                "<x:row r='1' spans='1:2' ht='160.3' customHeight='1'>")
                .replace("<x:row r='2'><x:c r='B2'><x:v>1</x:v></x:c>",
                        "<x:row r='2' ht=\"33\" customHeight=\"1\"><x:c r=\"B2\"><x:v>2</x:v></x:c>"), text.edited());
    }

    @Test
    void aRowIsNeverMadeShorterNorARowWithoutCellsTouched() throws Exception {
        PartText text = PartText.of("xl/worksheets/sheet2.xml", SHEET.getBytes(StandardCharsets.UTF_8));
        SheetEdit sheet = SheetEdit.of(text);

        sheet.fitHeight(0, 40);
        sheet.fitHeight(1, 14);
        sheet.fitHeight(2, 200);
        sheet.fitHeight(7, 200);
        sheet.apply();

        assertEquals(SHEET, text.edited());
    }
}
