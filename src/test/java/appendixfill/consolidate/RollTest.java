package appendixfill.consolidate;

import static appendixfill.consolidate.ConsolidationTest.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import appendixfill.indicator.Value;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where each unit stands: received, missing, sent twice, wrong period, unreadable. */
class RollTest {

    static final List<Unit> UNITS = List.of(
            new Unit("001", "xã An Bình", "Cụm 1"),
            new Unit("002", "Bình Minh", "Cụm 1"),
            new Unit("003", "xã Cao Sơn", "Cụm 2"),
            new Unit("004", "phường Đông Hải", "Cụm 2"),
            new Unit("005", "xã Eo Gió", "Cụm 2"));

    static String line(Roll.Entry e) {
        return e.name() + " | " + e.submission().map(Submission::file).orElse("-") + " | " + e.standing().id()
                + " | " + e.reason();
    }

    @Test
    void everyUnitIsListedWithWhereItStandsAndWhy() {
        Submission anBinh = unit("an-binh.xlsx", "unit.name=t:An Bình", "1.1=n:5", "report.date=t:10/11/2023");
        Submission anBinhAgain = unit("an-binh-v2.xlsx", "unit.name=t:An Bình", "1.1=n:7", "report.date=t:20/11/2023");
        Submission binhMinh = unit("002-binh-minh.xlsx", "unit.name=t:Bình Minh (cũ)", "1.1=n:1", "1.2.1=n:1",
                "1.2.2=n:2");
        Submission caoSon = unit("cao-son.xlsx", "unit.name=t:Cao Sơn", "year=n:2022", "1.1=n:100");
        Submission broken = Submission.unreadable("hong.xlsx", "Tệp «hong.xlsx» bị hỏng.");
        Submission stranger = unit("la.xlsx", "unit.name=t:Lạ", "1.1=n:2");
        Roll roll = Roll.of(UNITS, List.of(anBinh, anBinhAgain, binhMinh, caoSon, broken, stranger), Optional.empty());

        assertEquals(Optional.of(new Period("năm", 2023)), roll.period());
        assertEquals(List.of(
                "xã An Bình | an-binh-v2.xlsx | received | gửi 2 tệp; dùng tệp này vì có ngày báo cáo muộn hơn"
                        + " (20/11/2023 so với 10/11/2023); so với tệp «an-binh.xlsx», đã sửa 2 ô: 1.1 «Số văn bản chỉ"
                        + " đạo CCHC đã ban hành (kết luận, chỉ thị, công văn chỉ đạo, quán triệt)»: 5 → 7; «Ngày báo"
                        + " cáo»: 10/11/2023 → 20/11/2023",
                "xã An Bình | an-binh.xlsx | duplicate | không dùng; đã dùng tệp «an-binh-v2.xlsx» vì có"
                        + " ngày báo cáo muộn hơn (20/11/2023 so với 10/11/2023)",
                "Bình Minh | 002-binh-minh.xlsx | with-errors | biểu ghi đơn vị «xã Bình Minh (cũ)», không có trong"
                        + " danh sách; tính cho Bình Minh theo mã 002 ở tên tệp; 1 lỗi, 47 cảnh báo",
                "xã Cao Sơn | cao-son.xlsx | wrong-period | báo cáo năm 2022, cần năm 2023",
                "phường Đông Hải | - | missing | ",
                "xã Eo Gió | - | missing | ",
                "hong.xlsx | hong.xlsx | unreadable | Tệp «hong.xlsx» bị hỏng.",
                "xã Lạ | la.xlsx | unlisted | không có trong danh sách đơn vị; vẫn được tổng hợp"),
                roll.entries().stream().map(RollTest::line).toList());
        // 7 (An Bình's later workbook) + 1 (Bình Minh) + 2 (the unit not on the list); Cao Sơn's 2022 is left out.
        assertEquals(new Value.Amount(BigDecimal.valueOf(10)), roll.totals().figures(
                appendixfill.indicator.Catalogue.standard(), Map.of()).get("1.1"));
        assertEquals(3, roll.totals().units());
        assertEquals(2, roll.count(Standing.MISSING));
    }

    @Test
    void thePeriodAskedForWinsOverWhatMostWorkbooksSay() {
        Roll roll = Roll.of(List.of(), List.of(unit("a.xlsx", "unit.name=t:A"), unit("b.xlsx", "unit.name=t:B")),
                Optional.of(new Period("năm", 2024)));
        assertEquals(List.of("xã A | a.xlsx | wrong-period | báo cáo năm 2023, cần năm 2024",
                "xã B | b.xlsx | wrong-period | báo cáo năm 2023, cần năm 2024"),
                roll.entries().stream().map(RollTest::line).toList());
        assertEquals(0, roll.totals().units());
    }

    @Test
    void aWorkbookOfAnotherTemplateVersionIsNotCounted() {
        Submission old = new Submission("cu.xlsx", "xã A", Optional.of(new Period("năm", 2023)), Value.MISSING,
                "2019.1", 0, 0, List.of(), Map.of(), Totals.NONE, Map.of(), "");
        Roll roll = Roll.of(List.of(), List.of(old), Optional.empty());
        assertEquals(List.of("xã A | cu.xlsx | wrong-version | lập theo mẫu phiên bản 2019.1, cần mẫu phiên bản 2023.1"
                + " (tạo bằng lệnh «appendix-fill template»)"), roll.entries().stream().map(RollTest::line).toList());
    }

    @Test
    void betweenTwoIdenticalWorkbooksTheCompletedOneIsUsed() {
        Roll roll = Roll.of(List.of(), List.of(unit("a.xlsx", "unit.name=t:A"), unit("a.filled.xlsx", "unit.name=t:A")),
                Optional.empty());
        assertEquals("xã A | a.filled.xlsx | received | gửi 2 tệp; dùng tệp này vì là tệp đã hoàn thiện (.filled.xlsx); "
                + "số liệu như tệp «a.xlsx»",
                line(roll.entries().get(0)));
        assertEquals(Standing.DUPLICATE, roll.entries().get(1).standing());
    }

    @Test
    void betweenTwoWorkbooksAlikeButForTheirNamesTheOneNamedWithSomethingAddedIsTakenForTheLaterOne() {
        Roll roll = Roll.of(List.of(), List.of(unit("bieu-gui-lai.xlsx", "unit.name=t:A", "1.1=n:5"),
                unit("bieu.xlsx", "unit.name=t:A", "1.1=n:4")), Optional.empty());
        assertEquals(List.of("bieu-gui-lai.xlsx | received", "bieu.xlsx | duplicate"), roll.entries().stream()
                .map(e -> e.submission().orElseThrow().file() + " | " + e.standing().id()).toList());
    }

    @Test
    void workbooksThatDoNotNameTheirUnitAreNotDuplicatesOfEachOther() {
        Roll roll = Roll.of(List.of(), List.of(unit("x.xlsx", "1.1=n:1"), unit("y.xlsx", "1.1=n:2")), Optional.empty());
        // A blank unit name is an error of its own, but no reason to drop either workbook.
        assertEquals(List.of(Standing.WITH_ERRORS, Standing.WITH_ERRORS), roll.entries().stream().map(Roll.Entry::standing).toList());
        assertEquals(2, roll.totals().units());
    }

    @Test
    void aUnitThatTypedItsLevelIntoItsNameOnceOrTwiceIsMatchedToTheList() {
        List<Unit> units = List.of(new Unit("012", "xã Tân Lập", ""), new Unit("013", "Xã Yên Thượng", ""));
        Roll roll = Roll.of(units, List.of(unit("tan-lap.xlsx", "unit.name=t:Xã  xã Tân Lập"),
                unit("bao-cao.xlsx", "unit.name=t:xã Yên Thượng")), Optional.empty());

        assertEquals(List.of("xã Tân Lập | tan-lap.xlsx | received | ", "Xã Yên Thượng | bao-cao.xlsx | received | "),
                roll.entries().stream().map(RollTest::line).toList());
        assertEquals("xã Tân Lập", roll.entries().get(0).submission().orElseThrow().unit());
    }

    @Test
    void anUnreadableFileIsLinkedToTheUnitItsNameCarries() {
        List<Unit> units = List.of(new Unit("08109", "xã Nghĩa Tá", ""), new Unit("08110", "xã Phú Lương", ""),
                new Unit("08111", "xã Quang Trung", ""), new Unit("08112", "phường Tân Lập", ""));
        Roll roll = Roll.of(units, List.of(Submission.unreadable("nghia-ta.xlsx", "hỏng."),
                Submission.unreadable("Bao cao 08110 quy III.xls", "hỏng."),
                Submission.unreadable("Xa_Quang_Trung_2025.xlsx", "hỏng."),
                Submission.unreadable("tan.xlsx", "hỏng.")), Optional.empty());

        assertEquals(List.of(
                "xã Nghĩa Tá | nghia-ta.xlsx | unreadable | gắn với đơn vị theo tên tệp. hỏng.",
                "xã Phú Lương | Bao cao 08110 quy III.xls | unreadable | gắn với đơn vị theo tên tệp. hỏng.",
                "xã Quang Trung | Xa_Quang_Trung_2025.xlsx | unreadable | gắn với đơn vị theo tên tệp. hỏng.",
                "phường Tân Lập | - | missing | ",
                "tan.xlsx | tan.xlsx | unreadable | hỏng."),
                roll.entries().stream().map(RollTest::line).toList());
        assertEquals(1, roll.count(Standing.MISSING));
    }

    @Test
    void aWorkbookIsCountedForTheUnitItNamesNotForTheCodeItsFileNameCarries() {
        // Cao Sơn saved its workbook over a copy of An Bình's file: 001-an-binh.xlsx now holds Cao Sơn's figures.
        Submission renamedCopy = unit("001-an-binh.xlsx", "unit.name=t:Cao Sơn", "1.1=n:4");
        Submission caoSon = unit("003-cao-son.xlsx", "unit.name=t:Cao Sơn", "1.1=n:4",
                "report.date=t:20/11/2023");
        Roll roll = Roll.of(UNITS.subList(0, 3), List.of(renamedCopy, caoSon), Optional.empty());

        assertEquals(List.of("xã An Bình | - | missing | ",
                "Bình Minh | - | missing | ",
                "xã Cao Sơn | 003-cao-son.xlsx | received | gửi 2 tệp; dùng tệp này vì có ngày báo cáo muộn hơn"
                        + " (20/11/2023 so với không ghi ngày); so với tệp «001-an-binh.xlsx», đã sửa 1 ô: «Ngày báo cáo»:"
                        + " trống → 20/11/2023",
                "xã Cao Sơn | 001-an-binh.xlsx | duplicate | tên tệp mang mã 001 của xã An Bình nhưng biểu ghi đơn vị"
                        + " «xã Cao Sơn»; không dùng; đã dùng tệp «003-cao-son.xlsx» vì có ngày báo"
                        + " cáo muộn hơn (20/11/2023 so với không ghi ngày)"),
                roll.entries().stream().map(RollTest::line).toList());
        assertEquals(new Value.Amount(BigDecimal.valueOf(4)), roll.totals().figures(
                appendixfill.indicator.Catalogue.standard(), Map.of()).get("1.1"));
        assertEquals(1, roll.totals().units());
    }

    @Test
    void aFileNameThatCarriesTwoUnitsIsLinkedToNeither() {
        List<Unit> units = List.of(new Unit("1", "xã Tân Lập", "Cụm 1"), new Unit("2", "phường Tân Lập", "Cụm 2"));
        Roll roll = Roll.of(units, List.of(Submission.unreadable("tan-lap.xlsx", "hỏng.")), Optional.empty());

        assertEquals(List.of("xã Tân Lập | - | missing | ", "phường Tân Lập | - | missing | ",
                "tan-lap.xlsx | tan-lap.xlsx | unreadable | hỏng."), roll.entries().stream().map(RollTest::line).toList());
    }

    @Test
    void withoutErrorsAWorkbookWithErrorsIsListedButNotCounted() {
        Submission clean = unit("a.xlsx", "unit.name=t:A", "1.1=n:5");
        Submission wrong = unit("b.xlsx", "unit.name=t:B", "1.1=n:7", "1.2.1=n:30", "1.2.2=n:32");
        Roll roll = Roll.of(List.of(new Unit("1", "xã A", ""), new Unit("2", "xã B", "")), List.of(clean, wrong),
                Optional.empty(), true);

        assertEquals(List.of("xã A | a.xlsx | received | ", "xã B | b.xlsx | with-errors-left-out | 1 lỗi, 47 cảnh báo"),
                roll.entries().stream().map(RollTest::line).toList());
        assertEquals(1, roll.totals().units());
        assertEquals(List.of("xã A"), roll.counted().stream().map(Roll.Entry::name).toList());
        assertEquals(new Value.Amount(BigDecimal.valueOf(5)), roll.totals().figures(
                appendixfill.indicator.Catalogue.standard(), Map.of()).get("1.1"));
    }
}
