package appendixfill.indicator;

import java.util.Locale;

/** The report's identity as its pages print it: the unit, the period, the number and the date. */
public record Document(String unit, String period, String reportNumber, String placeAndDate, String reportDate) {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final String UNKNOWN = "…";

    /** Reads the report's details from the figures; a missing detail shows as "…". */
    public static Document of(Figures figures) {
        String unit = text(figures, "unit.level") + " " + text(figures, "unit.name");
        String year = figures.get("year") instanceof Value.Amount a ? a.number().toPlainString() : UNKNOWN;
        String period = switch (text(figures, "period")) {
            case "năm" -> "năm " + year;
            case "6 tháng" -> "6 tháng đầu năm " + year;
            case UNKNOWN -> "kỳ … năm " + year;
            default -> text(figures, "period") + " năm " + year;
        };
        String number = figures.get("report.number") instanceof Value.Text t ? t.text() : "     ";
        Value date = figures.get("report.date");
        String prose = date instanceof Value.Day day ? VietnameseFormat.dateInProse(day)
                : "ngày     tháng     năm " + year;
        // As the seed prints a report not yet dated: "ngày    /11/2023".
        String shortDate = date instanceof Value.Day day
                ? (day.hasDay() ? "" : "    /") + VietnameseFormat.date(day) : "    /    /" + year;
        String place = figures.get("place") instanceof Value.Text t ? t.text() : text(figures, "unit.name");
        return new Document(unit, period, "Số: " + number + "/BC-UBND", place + ", " + prose, shortDate);
    }

    /** True when the unit and the period are known (a plain table has neither until they are typed). */
    public boolean isIdentified() {
        return !unit.contains(UNKNOWN) && !period.contains(UNKNOWN);
    }

    /** "UBND xã Vũ Muộn". */
    public String unitTitle() {
        return "UBND " + unit;
    }

    public String unitUpper() {
        return unit.toUpperCase(VIETNAMESE);
    }

    /** The third line of the appendix's title: "NĂM 2023 XÃ VŨ MUỘN". */
    public String appendixPeriodLine() {
        return (period + " " + unit).toUpperCase(VIETNAMESE);
    }

    /** "(Kèm theo Báo cáo số 125/BC-UBND ngày 20/11/2023 của UBND xã Vũ Muộn)". */
    public String appendixAttachedLine() {
        return "(Kèm theo Báo cáo " + reportNumber.replace("Số: ", "số ") + " ngày " + reportDate
                + " của " + unitTitle() + ")";
    }

    private static String text(Figures figures, String code) {
        return figures.get(code) instanceof Value.Text t ? t.text() : UNKNOWN;
    }
}
