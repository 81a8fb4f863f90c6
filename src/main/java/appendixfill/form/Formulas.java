package appendixfill.form;

import appendixfill.indicator.Indicator;
import appendixfill.indicator.Rates;
import appendixfill.indicator.VietnameseFormat;

/** The live formula of a derived rate, as the template and every completed workbook hold it. */
public final class Formulas {

    private Formulas() {
    }

    /**
     * Blank when a part is blank (missing is not zero), "không phát sinh" when the denominator is
     * 0, else the rate rounded as {@link Rates} rounds it.
     */
    public static String rate(Indicator rate, Indicator numerator, Indicator denominator) {
        String num = numerator.name();
        String den = denominator.name();
        return "IF(OR(" + num + "=\"\"," + den + "=\"\"),\"\",IF(" + den + "=0,\""
                + VietnameseFormat.NOT_APPLICABLE + "\",ROUND(" + num + "/" + den + "*100," + Rates.SCALE + ")))";
    }
}
