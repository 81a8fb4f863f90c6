package appendixfill.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VietnameseFormatTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            3757891728, 3.757.891.728
            329,        329
            1234,       1.234
            0,          0
            12.5,       '12,5'
            1000000.25, '1.000.000,25'
            -46,        -46
            """)
    void numbersGroupThousandsWithDotsAndDecimalsWithComma(String number, String expected) {
        assertEquals(expected, VietnameseFormat.number(new BigDecimal(number)));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            0,          0
            999,        999
            1000,       1.000
            3306,       3.306
            1234567,    1.234.567
            """)
    void countsGroupThousandsWithDots(long count, String expected) {
        assertEquals(expected, VietnameseFormat.count(count));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            29.18,  '29,18%'
            61.09,  '61,09%'
            100.00, 100%
            100,    100%
            75.5,   '75,50%'
            0.00,   0%
            """)
    void percentagesShowTwoDecimalsUnlessWhole(String percent, String expected) {
        assertEquals(expected, VietnameseFormat.percent(new BigDecimal(percent)));
    }

    @Test
    void datesInProseLeaveAnUnknownDayBlank() {
        assertEquals("ngày 20 tháng 11 năm 2023", VietnameseFormat.dateInProse(new Value.Day(20, 11, 2023)));
        assertEquals("ngày      tháng 11 năm 2023", VietnameseFormat.dateInProse(new Value.Day(0, 11, 2023)));
        assertEquals("ngày 05 tháng 01 năm 2025", VietnameseFormat.dateInProse(new Value.Day(5, 1, 2025)));
        assertEquals("ngày 09 tháng 3 năm 2025", VietnameseFormat.dateInProse(new Value.Day(9, 3, 2025)));
        assertEquals("05/01/2024", VietnameseFormat.date(new Value.Day(5, 1, 2024)));
        assertEquals("11/2023", VietnameseFormat.date(new Value.Day(0, 11, 2023)));
    }
}
