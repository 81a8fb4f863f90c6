package appendixfill.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import appendixfill.consolidate.Roll;
import appendixfill.consolidate.Unit;
import appendixfill.indicator.Catalogue;
import appendixfill.input.Typed;
import appendixfill.rule.Assessment;
import appendixfill.rule.RuleBook;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CsvOutputsTest {

    @ParameterizedTest(name = "\"{0}\" is written as \"{1}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            =HYPERLINK("http://x";"bấm vào")  | '=HYPERLINK("http://x";"bấm vào")
            +84 912 345 678                   | '+84 912 345 678
            -1+1                              | '-1+1
            @SUM(A1:A9)                       | '@SUM(A1:A9)
            - Duy trì hoạt động Trang TTĐT    | '- Duy trì hoạt động Trang TTĐT
            -5                                | -5
            29.18                             | 29.18
            Kế hoạch                          | Kế hoạch
            a=b                               | a=b
            """)
    void textASpreadsheetWouldTakeForAFormulaIsNeutralised(String text, String written) {
        assertEquals(written, CsvOutputs.neutralise(text));
    }

    @Test
    void aFormulaTypedInANoteAndInAReportParagraphReachesTheCsvAsText() {
        Catalogue catalogue = Catalogue.standard();
        Assessment assessment = Assessment.of(catalogue, RuleBook.standard(),
                Map.of("unit.name", new Typed.Text("=cmd|' /C calc'!A0")));

        String values = CsvOutputs.values(catalogue, assessment, Map.of("1.1", "@SUM(1+1)*cmd|' /C calc'!A0"));

        assertTrue(values.contains("\r\nunit.name,,Tên đơn vị (không ghi cấp),,'=cmd|' /C calc'!A0,entered,\r\n"), values);
        assertTrue(values.contains(",'@SUM(1+1)*cmd|' /C calc'!A0\r\n"), values);
    }

    @Test
    void aUnitsCodeNameAndParentFromUnitsCsvReachUnitsCsvNeutralised() {
        Roll roll = Roll.of(List.of(new Unit("@SUM(1+1)", "+cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\")"),
                new Unit("-2+3", "\txã Vũ Muộn", "\rhuyện Bạch Thông")), List.of(), Optional.empty());

        String units = CsvOutputs.units(roll);

        assertEquals("\uFEFFunit,file,status,errors,warnings,code,parent,reason\r\n"
                + "'+cmd|' /C calc'!A0,,missing,,,'@SUM(1+1),\"'=HYPERLINK(\"\"http://x\"\")\",\r\n"
                + "'\txã Vũ Muộn,,missing,,,'-2+3,\"'\rhuyện Bạch Thông\",\r\n", units);
    }
}
