package appendixfill.workbook;

import appendixfill.indicator.Indicator;
import appendixfill.indicator.Rates;
import appendixfill.indicator.Value;
import appendixfill.indicator.VietnameseFormat;
import org.apache.poi.ss.usermodel.Cell;

/** The live formula of a derived rate and its cached value, written together. */
final class Formulas {

    private Formulas() {
    }

    /**
     * Blank when a part is blank (missing is not zero), "không phát sinh" when the denominator is
     * 0, else the rate rounded as {@link Rates} rounds it.
     */
    static String rate(Indicator rate, Indicator numerator, Indicator denominator) {
        String num = numerator.name();
        String den = denominator.name();
        return "IF(OR(" + num + "=\"\"," + den + "=\"\"),\"\",IF(" + den + "=0,\""
                + VietnameseFormat.NOT_APPLICABLE + "\",ROUND(" + num + "/" + den + "*100," + Rates.SCALE + ")))";
    }

    /** Writes the formula and the value LibreOffice and Excel show before they recalculate. */
    static void write(Cell cell, String formula, Value value) {
        cell.setCellFormula(formula);
        if (value instanceof Value.Amount amount) {
            cell.setCellValue(amount.number().doubleValue());
        } else if (value instanceof Value.NotApplicable) {
            cell.setCellValue(VietnameseFormat.NOT_APPLICABLE);
        } else {
            cell.setCellValue("");
        }
    }
}
