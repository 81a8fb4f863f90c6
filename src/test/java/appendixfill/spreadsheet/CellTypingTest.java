package appendixfill.spreadsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import appendixfill.input.Typed;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one place a stored cell gets its meaning, for every format. */
class CellTypingTest {

    @ParameterizedTest(name = "{0} «{1}» in {3} → {4}")
    @CsvSource(delimiter = '|', textBlock = """
            NUMBER  | 46         |            | General    | number:46.0
            NUMBER  | 0.7        |            | 0%         | percent:0.7
            NUMBER  | 45250      |            | dd/mm/yyyy | date:2023-11-20
            NUMBER  | 45250      |            | m/d/yy     | date:2023-11-20
            NUMBER  | 45250      |            | 0.00       | number:45250.0
            NUMBER  | 1.2e3      |            | General    | number:1200.0
            NUMBER  | abc        |            | General    | text:abc
            TEXT    | Có         |            | General    | text:Có
            TEXT    |            |            | General    | blank:
            BOOLEAN | 1          |            | General    | bool:true
            BOOLEAN | 0          |            | General    | bool:false
            ERROR   | #DIV/0!    |            | General    | error:#DIV/0!
            DATE    | 2023-02-01T00:00:00 |   | General    | date:2023-02-01
            EMPTY   |            |            | General    | blank:
            EMPTY   |            | D9*2       | General    | formula:D9*2=number:0
            NUMBER  | 29.18      | D78/D79    | 0.00       | formula:D78/D79=number:29.18
            TEXT    | không phát sinh | IF(1,"","") | General | formula:IF(1,"","")=text:không phát sinh
            """)
    void aStoredCellIsTypedByItsKindValueFormulaAndFormat(RawCell.Kind kind, String value, String formula,
            String format, String expected) {
        RawCell cell = new RawCell(kind, value == null ? "" : value, formula, format);
        assertEquals(expected, shown(CellTyping.type(cell, false)));
    }

    @ParameterizedTest(name = "{0} in the {1} date system")
    @CsvSource(textBlock = """
            45250, false, 2023-11-20
            43788, true,  2023-11-20
            """)
    void aDateCountsFromTheWorkbooksOwnDateSystem(String serial, boolean date1904, LocalDate date) {
        assertEquals(new Typed.Date(date), CellTyping.type(new RawCell(RawCell.Kind.NUMBER, serial, null, "d/m/yyyy"),
                date1904));
    }

    private static String shown(Typed typed) {
        if (typed instanceof Typed.Number n) {
            return (n.percentStyle() ? "percent:" : "number:") + n.number();
        }
        if (typed instanceof Typed.Text t) {
            return "text:" + t.text();
        }
        if (typed instanceof Typed.Date d) {
            return "date:" + d.date();
        }
        if (typed instanceof Typed.Bool b) {
            return "bool:" + b.value();
        }
        if (typed instanceof Typed.Error e) {
            return "error:" + e.code();
        }
        if (typed instanceof Typed.Formula f) {
            return "formula:" + f.formula() + "=" + shown(f.cached());
        }
        return "blank:";
    }

}
