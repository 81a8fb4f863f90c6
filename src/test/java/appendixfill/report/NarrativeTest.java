package appendixfill.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Figures;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Kind;
import appendixfill.indicator.Value;
import appendixfill.input.Typed;
import appendixfill.rule.Assessment;
import appendixfill.rule.Finding;
import appendixfill.rule.RuleBook;
import appendixfill.rule.Severity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.velocity.exception.VelocityException;
import org.junit.jupiter.api.Test;

class NarrativeTest {

    private static final Catalogue CATALOGUE = Catalogue.standard();

    private static Figures figures() {
        return Figures.derive(CATALOGUE, Map.of(
                "7.2.4.a", Value.Amount.of(329), "7.2.4.b", Value.Amount.of(96),
                "2.2.1.a", Value.Amount.of(0), "2.2.1.b", Value.Amount.of(0),
                "x.invest.done", Value.Amount.of(3_757_891_728L),
                "report.date", new Value.Day(0, 11, 2023)));
    }

    private static Assessment withoutFindings(Figures figures) {
        return new Assessment(figures, Map.of(), Map.of(), List.of());
    }

    /** A commune's workbook as typed: its identity, then code/content pairs (a number, or a text). */
    static Assessment typed(Object... cells) {
        Map<String, Typed> typed = new LinkedHashMap<>();
        typed.put("unit.level", new Typed.Text("xã"));
        typed.put("unit.name", new Typed.Text("Yên Thượng"));
        typed.put("period", new Typed.Text("năm"));
        typed.put("year", new Typed.Number(BigDecimal.valueOf(2024), false));
        for (int i = 0; i < cells.length; i += 2) {
            typed.put((String) cells[i], cells[i + 1] instanceof String text ? new Typed.Text(text)
                    : new Typed.Number(BigDecimal.valueOf(((Number) cells[i + 1]).longValue()), false));
        }
        return Assessment.of(CATALOGUE, RuleBook.standard(), typed);
    }

    private static String text(Assessment assessment) {
        return new Narrative().render(assessment, Map.of()).text();
    }

    @Test
    void viewsPrintValuesAsVietnameseDocumentsWriteThem() {
        String text = new Narrative("velocity/views.vm").render(withoutFindings(figures()), Map.of()).text();

        assertEquals("29,18% | không phát sinh | … | 3.757.891.728 | ngày      tháng 11 năm 2023\n", text);
    }

    @Test
    void anUndefinedReferenceIsAnErrorNeverPrintedAsItsName() {
        Exception e = assertThrows(Exception.class,
                () -> new Narrative("velocity/undefined-reference.vm").render(withoutFindings(figures()), Map.of()));

        assertTrue(e.getMessage().contains("$nothing"), e.getMessage());
    }

    @Test
    void aCodeOutsideTheCatalogueIsAnError() {
        VelocityException e = assertThrows(VelocityException.class,
                () -> new Narrative("velocity/unknown-code.vm").render(withoutFindings(figures()), Map.of()));

        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertEquals("no indicator with code '9.9' in the catalogue", cause.getMessage());
    }

    @Test
    void aWorkbookWithErrorsOpensWithHowManyRemainAndThatTheMarkedFiguresMustBeCorrectedFirst() {
        String text = text(typed("1.2.1", 30, "1.2.2", 32));

        assertTrue(text.startsWith("""
                Lưu ý: biểu số liệu còn 1 lỗi chưa được sửa; các số liệu có lỗi đã được đánh dấu trong biểu. \
                Phải sửa các số liệu đó rồi lập lại báo cáo trước khi ban hành.

                ỦY BAN NHÂN DÂN
                XÃ YÊN THƯỢNG
                """), text);
    }

    @Test
    void aFigureUnderAnErrorIsNotStatedAsAnAchievement() {
        String text = text(typed("1.2.1", 30, "1.2.2", 32));

        assertFalse(text.contains("đã hoàn thành 32 nhiệm vụ"), text);
        assertTrue(text.contains("\nKế hoạch CCHC năm: số nhiệm vụ đề ra trong kế hoạch: 30 nhiệm vụ; số nhiệm vụ đã hoàn "
                + "thành (lũy kế đến thời điểm báo cáo): 32 nhiệm vụ; tỷ lệ hoàn thành kế hoạch: 106,67%.\n"), text);
    }

    @Test
    void aCleanWorkbooksReportStartsWithItsHeadingAndStatesItsAchievements() {
        Assessment clean = typed("1.2.1", 30, "1.2.2", 30);
        String text = text(clean);

        assertFalse(clean.hasErrors());
        assertTrue(text.startsWith("ỦY BAN NHÂN DÂN\nXÃ YÊN THƯỢNG\n"), text);
        assertFalse(text.contains("Lưu ý"), text);
        assertTrue(text.contains("\nKế hoạch CCHC năm đề ra 30 nhiệm vụ; lũy kế đến thời điểm báo cáo đã hoàn thành "
                + "30 nhiệm vụ, đạt 100% kế hoạch.\n"), text);
    }

    /** Phrases that state what was achieved: a figure under an error never directly follows one. */
    private static final Pattern ACHIEVEMENT = Pattern.compile(
            "(đã hoàn thành|đạt|đã ban hành|đã xây dựng, ban hành|đã xử lý xong|đã giải quyết xong|đã tiếp nhận"
            + "|đã số hóa được|đã đăng|tổ chức|vốn đầu tư công là|trên địa bàn [^:;]* là|phát sinh|=) "
            + Marks.FIGURE);

    @Test
    void noSentenceOfTheTemplateStatesAFigureUnderAnErrorAsAnAchievement() {
        // Every figure present and under an error: each sentence that would claim one must say what the
        // table holds instead. A new sentence of the template is held to it as well.
        Map<String, Value> entered = new LinkedHashMap<>();
        List<Finding> errors = new ArrayList<>();
        for (Indicator indicator : CATALOGUE.indicators()) {
            if (indicator.kind() == Kind.COUNT || indicator.kind() == Kind.PERCENT) {
                entered.put(indicator.code(), Value.Amount.of(indicator.kind() == Kind.PERCENT ? 40 : 7));
            }
            if (indicator.kind().isNumeric()) {
                errors.add(new Finding(Severity.ERROR, "test", indicator.code(), "sai " + indicator.code()));
            }
        }
        Assessment allWrong = new Assessment(Figures.derive(CATALOGUE, entered), Map.of(), Map.of(), errors);

        Report report = new Narrative().render(allWrong, Map.of());

        Matcher claim = ACHIEVEMENT.matcher(report.marked());
        assertFalse(claim.find(), () -> "stated as an achievement: …" + report.marked().substring(
                Math.max(0, claim.start() - 80), claim.end() + 20).replaceAll("[\uE000-\uE005]", "¤") + "…");
        assertTrue(report.flaggedFigures() > 50, "every figure printed is flagged: " + report.flaggedFigures());
    }

    @Test
    void theSamePhrasesOverCleanFiguresAreAchievements() {
        // The check above is no check if the phrases never occur: over clean figures they do.
        Assessment clean = typed("1.2.1", 30, "1.2.2", 30, "3.4.1", 4, "3.4.2", 4, "x.digitised", 381);

        String text = text(clean);

        for (String phrase : List.of("đã hoàn thành 30", "đạt 100%", "đã giải quyết xong 4", "đã số hóa được 381")) {
            assertTrue(text.contains(phrase), phrase);
        }
    }

    @Test
    void recipientsTypedOneALineGetTheirDashOnceAndAGroupHeadingNone() {
        String text = text(typed("recipients", "Gửi bản giấy:\nSở Nội vụ (b/c);\n- TT Đảng ủy;\n+ Chủ tịch UBND;\nLưu: VT."));

        assertTrue(text.contains("""
                Nơi nhận:

                Gửi bản giấy:

                - Sở Nội vụ (b/c);

                - TT Đảng ủy;

                + Chủ tịch UBND;

                - Lưu: VT.

                TM. ỦY BAN NHÂN DÂN
                """), text);
    }

    @Test
    void phuLucIIsAttachedOneRowALineItsCellsSeparatedByTabsAsTheSeedAttachesIt() {
        String text = text(typed("7.2.4.a", 329, "7.2.4.b", 96, "2.2.1.a", 0, "2.2.1.b", 0, "1.4", "Có"));

        assertTrue(text.contains("""
                Phụ lục I
                BIỂU THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC
                NĂM 2024 XÃ YÊN THƯỢNG

                (Kèm theo Báo cáo số      /BC-UBND ngày     /    /2024 của UBND xã Yên Thượng)

                STT\tChỉ tiêu thống kê (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)\tKết quả thống kê\t\tGhi chú
                \t\tĐơn vị tính\tSố liệu\t
                1\tCông tác chỉ đạo điều hành CCHC\t\t\t
                1.1\tSố văn bản chỉ đạo CCHC đã ban hành (kết luận, chỉ thị, công văn chỉ đạo, quán triệt)\tVăn bản\tchưa có số liệu\t
                """), text);
        assertTrue(text.contains("\n1.4\tTổ chức đối thoại của lãnh đạo với người dân, cộng đồng doanh nghiệp\tCó/không\tCó\t\n"), text);
        assertTrue(text.contains("\n2.2.1\tTỷ lệ xử lý VBQPPL sau kiểm tra\t%\tkhông phát sinh\t\n"), text);
        assertTrue(text.contains("\n7.2.4\tTỷ lệ hồ sơ TTHC được tiếp nhận trực tuyến mức độ 3 và 4 (chỉ thống kê đối với các "
                + "TTHC mức độ 3 và 4 có phát sinh hồ sơ)\t%\t29,18\t\n"), text);
        assertTrue(text.endsWith("\tSố TTHC đã được tích hợp, triển khai thanh toán trực tuyến trên Cổng DVC quốc gia hoặc "
                + "trên Cổng DVC của tỉnh.\tThủ tục\tchưa có số liệu\t\n"), text);
    }

    @Test
    void anOfficersTextCannotForgeAMarkOfTheReport() {
        Assessment forged = typed("request", "công văn số 1\uE000x\uE001 99\uE002 của \uE003issuer\uE005Sở",
                "1.2.1", 30, "1.2.2", 30);

        Report report = new Narrative().render(forged, Map.of());

        assertTrue(report.text().contains("Thực hiện công văn số 1x 99 của issuerSở. UBND xã Yên Thượng báo cáo"),
                report.text());
        assertEquals(0, report.flaggedFigures());
    }
}
