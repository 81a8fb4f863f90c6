package appendixfill.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MarksTest {

    private static final Marks MARKS = Marks.INSTANCE;

    @Test
    void plainTextLeavesOutPartLinesWholeWithTheirLineEnd() {
        String marked = MARKS.part("heading") + "\nỦY BAN NHÂN DÂN\n" + MARKS.part("body") + "\nI. KẾT QUẢ\n";

        assertEquals("ỦY BAN NHÂN DÂN\nI. KẾT QUẢ\n", Marks.plain(marked));
    }

    @Test
    void plainTextDropsALooksNameAndAFlaggedFiguresKeyButKeepsTheFigure() {
        String marked = MARKS.style("heading") + "1. Tổng số hồ sơ: " + Marks.figure("PL_2_1", "330") + " hồ sơ.\n";

        assertEquals("1. Tổng số hồ sơ: 330 hồ sơ.\n", Marks.plain(marked));
    }

    @Test
    void plainTextKeepsOneBlankLineBetweenParagraphsAndNoneAtEitherEnd() {
        String marked = "\n\n" + MARKS.part("body") + "\nMột\n\n\n\n" + MARKS.part("signature") + "\n\nHai\n\tBa\t\n\n\n";

        assertEquals("Một\n\nHai\n\tBa\t\n", Marks.plain(marked));
    }

    @Test
    void plainTextLeavesAMarkNotClosedOnItsLineAsItIs() {
        // The template's own marks are always closed; a mark left open is not taken for one that spans lines.
        String open = Marks.STYLE + "heading\n" + Marks.END + "text";

        assertEquals(open + "\n", Marks.plain(open));
    }

    @Test
    void plainTextOfNothingIsOneLineEnd() {
        assertEquals("\n", Marks.plain("\n\n" + MARKS.part("body") + "\n"));
    }
}
