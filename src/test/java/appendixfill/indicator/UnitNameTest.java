package appendixfill.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A unit's name as officers type it: the level they add in front is taken off, once or repeated. */
class UnitNameTest {

    @ParameterizedTest(name = "«{0}» is «{1}», level «{2}»")
    @CsvSource(delimiter = '|', textBlock = """
            Yên Thượng               | Yên Thượng | ''
            xã Yên Thượng            | Yên Thượng | xã
            Xã  xã Yên Thượng        | Yên Thượng | Xã xã
            XÃ YÊN THƯỢNG            | YÊN THƯỢNG | XÃ
            'phường\u00a0Cao Sơn'     | Cao Sơn    | phường
            Thị  Trấn Phố Lu         | Phố Lu     | Thị Trấn
            đặc khu Côn Đảo          | Côn Đảo    | đặc khu
            xã phường Tân Lập        | Tân Lập    | xã phường
            xã                       | xã         | ''
            Xã Đàn                   | Đàn        | Xã
            Xãi Long                 | Xãi Long   | ''
            Phường                   | Phường     | ''
            """)
    void aLevelTypedInFrontOfTheNameIsTakenOff(String typed, String name, String level) {
        assertEquals(name, UnitName.withoutLevel(typed));
        assertEquals(level, UnitName.level(typed));
    }

    @ParameterizedTest(name = "«{0}» matches «{1}»")
    @CsvSource(delimiter = '|', textBlock = """
            xã Yên Thượng      | Yên Thượng
            Xã  xã yên  thượng | YÊN THƯỢNG
            """)
    void namesAreComparedWithoutLevelCaseOrSpacing(String a, String b) {
        assertEquals(UnitName.key(a), UnitName.key(b));
    }

    @ParameterizedTest(name = "«{0}» folds to {1}")
    @CsvSource(delimiter = '|', textBlock = """
            xã Nghĩa Tá       | xanghiata
            Nghĩa Tá          | nghiata
            Đông Hưng Thuận   | donghungthuan
            nghia-ta_2025     | nghiata2025
            """)
    void foldedNamesAreAsFileNamesCarryThem(String name, String folded) {
        assertEquals(folded, UnitName.folded(name));
    }
}
