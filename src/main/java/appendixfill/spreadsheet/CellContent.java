package appendixfill.spreadsheet;

import appendixfill.ooxml.Markup;
import appendixfill.ooxml.Xml;
import java.math.BigDecimal;

/** What a cell is written to hold. */
public sealed interface CellContent {

    /** A number, stored as the double a spreadsheet holds. */
    record Number(BigDecimal number) implements CellContent {
    }

    /** A text (kept inline in the cell, so the shared strings stay as they are). */
    record Text(String text) implements CellContent {
    }

    record Bool(boolean value) implements CellContent {
    }

    /** A formula error such as #REF!. */
    record Error(String code) implements CellContent {
    }

    /** Nothing but its style. */
    record Blank() implements CellContent {
    }

    /** A formula and the value it shows until it is recalculated: a number, a text or nothing. */
    record Formula(String formula, CellContent cached) implements CellContent {
        public Formula {
            if (!(cached instanceof Number || cached instanceof Text || cached instanceof Blank)) {
                throw new IllegalArgumentException("a formula's saved value is a number, a text or nothing: " + cached);
            }
        }
    }

    /** The cell's own content, as the workbook has it; only its style may change. */
    record Keep() implements CellContent {
    }

    /** Writes the cell's element: {@code <c r="D9" s="5">…</c>}, named as the place it goes into names them. */
    static void write(Markup markup, String address, int style, CellContent content) {
        markup.start(Xml.MAIN, "c").attribute("r", address);
        if (style != 0) {
            markup.attribute("s", String.valueOf(style));
        }
        CellContent value = content instanceof Formula formula ? formula.cached() : content;
        if (value instanceof Text) {
            markup.attribute("t", content instanceof Formula ? "str" : "inlineStr");
        } else if (value instanceof Bool) {
            markup.attribute("t", "b");
        } else if (value instanceof Error) {
            markup.attribute("t", "e");
        }
        if (content instanceof Formula formula) {
            markup.start(Xml.MAIN, "f").text(formula.formula()).end(Xml.MAIN, "f");
        }
        if (value instanceof Number number) {
            markup.start(Xml.MAIN, "v").text(stored(number.number())).end(Xml.MAIN, "v");
        } else if (value instanceof Text text && content instanceof Formula) {
            markup.start(Xml.MAIN, "v").text(ExcelText.encode(text.text())).end(Xml.MAIN, "v");
        } else if (value instanceof Text text) {
            markup.start(Xml.MAIN, "is").start(Xml.MAIN, "t").attribute(Xml.XML, "space", "preserve")
                    .text(ExcelText.encode(text.text())).end(Xml.MAIN, "t").end(Xml.MAIN, "is");
        } else if (value instanceof Bool bool) {
            markup.start(Xml.MAIN, "v").text(bool.value() ? "1" : "0").end(Xml.MAIN, "v");
        } else if (value instanceof Error error) {
            markup.start(Xml.MAIN, "v").text(error.code()).end(Xml.MAIN, "v");
        } else if (value instanceof Keep) {
            throw new IllegalArgumentException("a kept cell is not written anew");
        }
        markup.end(Xml.MAIN, "c");
    }

    /** A number as a cell stores it: the double a spreadsheet holds, written without an exponent. */
    static String stored(BigDecimal number) {
        BigDecimal stored = new BigDecimal(Double.toString(number.doubleValue())).stripTrailingZeros();
        return stored.scale() < 0 ? stored.setScale(0).toPlainString() : stored.toPlainString();
    }
}
