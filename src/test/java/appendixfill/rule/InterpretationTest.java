package appendixfill.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Value;
import appendixfill.input.Typed;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InterpretationTest {

    private static final Catalogue CATALOGUE = Catalogue.standard();

    private static Interpretation read(String code, Typed typed) {
        return Interpretation.of(CATALOGUE.require(code), typed);
    }

    private static List<String> rules(Interpretation reading) {
        return reading.findings().stream().map(f -> f.severity().id() + ":" + f.rule()).toList();
    }

    @ParameterizedTest(name = "count typed \"{0}\" is {1}")
    @CsvSource(textBlock = """
            '46',          46,   info:input.text-to-number
            '1.234',       1234, info:input.text-to-number
            '1 234',       1234, info:input.text-to-number
            ' 329 ',       329,  info:input.text-to-number
            '46 nhiệm vụ', 46,   warning:input.number-with-text
            '3.757.891.728 đồng', 3757891728, warning:input.number-with-text
            """)
    void countsTypedAsTextAreRead(String typed, long expected, String finding) {
        Interpretation reading = read("1.2.1", new Typed.Text(typed));

        assertEquals(Value.Amount.of(expected), reading.value());
        assertEquals(new Typed.Number(BigDecimal.valueOf(expected), false).number().compareTo(
                ((Typed.Number) reading.canonical()).number()), 0);
        assertEquals(List.of(finding), rules(reading));
    }

    /** The escapes are Java's, turned into characters by the compiler; \\n and \\r stand for line breaks. */
    @ParameterizedTest(name = "\"{0}\" normalises to \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            Quý III                       | Quý III
            'Quy\u0301 III'               | Quý III
            '  Năm  '                     | Năm
            'xã  Vũ   Muộn'               | xã Vũ Muộn
            'xã\u00a0Vũ Muộn'             | xã Vũ Muộn
            'xã\tVũ Muộn'                 | xã Vũ Muộn
            'Dòng một  \\n  dòng hai '    | 'Dòng một\\ndòng hai'
            'Có\u2028'                    | Có
            ''                            | ''
            'một\\r\\nhai\\rba'           | 'một\\nhai\\nba'
            '\\n\\n  đầu \\n\\n cuối \t\\n\\n' | 'đầu\\n\\ncuối'
            'a \t b\u2003\u2003c'         | 'a b\u2003\u2003c'
            ' \u00a0 \t '                 | ''
            """)
    void textIsNormalisedToNfcWithSingleSpaces(String typed, String expected) {
        assertEquals(expected.replace("\\n", "\n"),
                Interpretation.normalise(typed.replace("\\n", "\n").replace("\\r", "\r")));
    }

    @ParameterizedTest(name = "count typed \"{0}\" is refused")
    @CsvSource(textBlock = """
            'nhiều',  error:input.not-a-number
            '-3',     error:input.negative
            '12,5',   error:input.fraction
            """)
    void countsThatAreNotWholeNonNegativeNumbersAreErrorsAndMissing(String typed, String finding) {
        Interpretation reading = read("1.2.1", new Typed.Text(typed));

        assertEquals(Value.MISSING, reading.value());
        assertEquals(List.of(finding), rules(reading));
    }

    @Test
    void aBlankCountIsMissingNotZeroWithAWarning() {
        Interpretation reading = read("1.3.1", Typed.BLANK);

        assertEquals(Value.MISSING, reading.value());
        assertEquals("1.3.1 «Tổng số nhiệm vụ được giao» để trống. Nếu không có thì ghi 0; ô trống được hiểu là "
                + "chưa có số liệu, không phải là 0.", reading.findings().get(0).message());
    }

    @Test
    void aCountExcelTurnedIntoADateIsAnError() {
        Interpretation reading = read("1.1", new Typed.Date(LocalDate.of(2023, 2, 1)));

        assertEquals(Value.MISSING, reading.value());
        assertEquals(List.of("error:input.date"), rules(reading));
    }

    @Test
    void aFormulaErrorInAnInputIsAFindingNotACrash() {
        Interpretation reading = read("1.1", new Typed.Formula("A1/0", new Typed.Error("#DIV/0!")));

        assertEquals(Value.MISSING, reading.value());
        assertEquals("1.1 «Số văn bản chỉ đạo CCHC đã ban hành (kết luận, chỉ thị, công văn chỉ đạo, quán triệt)» "
                + "ô có lỗi công thức #DIV/0!; hãy sửa công thức hoặc nhập số trực tiếp.",
                reading.findings().get(0).message());
    }

    @ParameterizedTest(name = "percentage typed \"{0}\" is {1}")
    @CsvSource(textBlock = """
            '12,5',  12.5
            '70%',   70
            '70 %',  70
            '100',   100
            """)
    void typedPercentagesAcceptCommaDecimalsAndAPercentSign(String typed, String expected) {
        assertEquals(new Value.Amount(new BigDecimal(expected)), read("7.1.a", new Typed.Text(typed)).value());
    }

    @Test
    void aPercentageShownAsPercentIsTheFractionTimesHundred() {
        Interpretation reading = read("7.1.a", new Typed.Number(new BigDecimal("0.7"), true));

        assertEquals(Value.Amount.of(70), reading.value());
        assertEquals(List.of(), reading.findings());
    }

    @Test
    void aPercentageAboveHundredIsAnError() {
        Interpretation reading = read("4.1.4", new Typed.Number(new BigDecimal("120"), false));

        assertEquals(Value.MISSING, reading.value());
        assertEquals("4.1.4 «Tỷ lệ phần trăm biên chế đã tinh giản so với năm 2015» ghi 120%, ngoài khoảng 0–100. "
                + "Giá trị hợp lệ: số từ 0 đến 100, ví dụ 70 hoặc 12,5.", reading.findings().get(0).message());
    }

    @ParameterizedTest(name = "yes/no typed \"{0}\" is {1}")
    @CsvSource(textBlock = """
            'Có',    true,  0
            'có',    true,  1
            'co',    true,  1
            'Không', false, 0
            'khong', false, 1
            'KHÔNG', false, 1
            """)
    void yesNoAnswersAreReadLooselyAndRewrittenCanonically(String typed, boolean yes, int findings) {
        Interpretation reading = read("1.4", new Typed.Text(typed));

        assertEquals(new Value.YesNo(yes), reading.value());
        assertEquals(new Typed.Text(yes ? "Có" : "Không"), reading.canonical());
        assertEquals(findings, reading.findings().size());
    }

    @Test
    void decomposedVietnameseIsNormalisedToNfc() {
        String nfd = java.text.Normalizer.normalize("Vũ Muộn", java.text.Normalizer.Form.NFD);

        Interpretation reading = read("unit.name", new Typed.Text(nfd));

        assertEquals(new Value.Text("Vũ Muộn"), reading.value());
        assertEquals(new Typed.Text("Vũ Muộn"), reading.canonical());
    }

    @ParameterizedTest(name = "period typed \"{0}\" is \"{1}\"")
    @CsvSource(textBlock = """
            'năm',     năm
            'Năm',     năm
            'Quý 1',   quý I
            'quý IV',  quý IV
            '6 tháng', 6 tháng
            """)
    void periodsAreMatchedToTheirChoices(String typed, String expected) {
        assertEquals(new Value.Text(expected), read("period", new Typed.Text(typed)).value());
    }

    @Test
    void anUnknownPeriodListsTheChoices() {
        Interpretation reading = read("period", new Typed.Text("quý 5"));

        assertEquals("«Kỳ báo cáo» ghi «quý 5». Chọn một trong: quý I, quý II, quý III, quý IV, 6 tháng, 9 tháng, năm.",
                reading.findings().get(0).message());
    }

    @ParameterizedTest(name = "date typed \"{0}\"")
    @CsvSource(textBlock = """
            '20/11/2023', 20, 11, 2023
            '11/2023',    0,  11, 2023
            '5-1-2024',   5,  1,  2024
            """)
    void reportDatesMayOmitTheDay(String typed, int day, int month, int year) {
        assertEquals(new Value.Day(day, month, year), read("report.date", new Typed.Text(typed)).value());
    }

    @ParameterizedTest(name = "\"{0}\" is a date: {1}")
    @CsvSource(textBlock = """
            '31/02/2023', false
            '31/04/2024', false
            '30/04/2024', true
            '29/02/2023', false
            '29/02/2024', true
            '29/02/1900', false
            '29/02/2000', true
            '0/13/2024',  false
            """)
    void aDateIsCheckedAgainstItsMonthsLengthInLeapYearsToo(String typed, boolean isDate) {
        Interpretation reading = read("report.date", new Typed.Text(typed));

        assertEquals(isDate ? List.of() : List.of("error:date.invalid"), rules(reading));
    }

    @Test
    void theUnitNameIsRequired() {
        Interpretation reading = read("unit.name", Typed.BLANK);

        assertEquals("«Tên đơn vị (không ghi cấp)» để trống; báo cáo cần thông tin này.",
                reading.findings().get(0).message());
        assertEquals("error", reading.findings().get(0).severity().id());
    }

    @Test
    void anOptionalDetailLeftBlankIsSilent() {
        Indicator number = CATALOGUE.require("report.number");

        assertEquals(List.of(), Interpretation.of(number, Typed.BLANK).findings());
    }

    @ParameterizedTest(name = "unit name typed \"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            xã Yên Thượng       | «Tên đơn vị (không ghi cấp)» ghi «xã Yên Thượng»; đã bỏ «xã» ở đầu tên, vì cấp đơn vị ghi ở ô «Cấp đơn vị». Tên đơn vị là «Yên Thượng».
            Xã  xã Yên Thượng   | «Tên đơn vị (không ghi cấp)» ghi «Xã xã Yên Thượng»; đã bỏ «Xã xã» ở đầu tên, vì cấp đơn vị ghi ở ô «Cấp đơn vị». Tên đơn vị là «Yên Thượng».
            """)
    void aLevelTypedIntoTheUnitsNameIsTakenOffWithAnInfoFinding(String typed, String message) {
        Interpretation reading = read("unit.name", new Typed.Text(typed));

        assertEquals(new Value.Text("Yên Thượng"), reading.value());
        assertEquals(new Typed.Text("Yên Thượng"), reading.canonical());
        assertEquals(List.of(new Finding(Severity.INFO, "unit.level-in-name", "unit.name", message)), reading.findings());
    }

    @Test
    void aNameWithoutItsLevelAndOtherTextsAreLeftAsTyped() {
        assertEquals(List.of(), read("unit.name", new Typed.Text("Yên Thượng")).findings());
        // Only the unit's name has its level apart: a place may well be «xã Yên Thượng».
        Interpretation place = read("place", new Typed.Text("xã Yên Thượng"));
        assertEquals(new Value.Text("xã Yên Thượng"), place.value());
        assertEquals(List.of(), place.findings());
    }
}
