package appendixfill.report;

import appendixfill.indicator.Document;

/** The report's identity for the narrative template: {@code $doc.unitTitle}. */
public final class DocumentView {

    private final Document document;

    DocumentView(Document document) {
        this.document = document;
    }

    public String getUnitTitle() {
        return Marks.clean(document.unitTitle());
    }

    public String getUnit() {
        return Marks.clean(document.unit());
    }

    public String getUnitUpper() {
        return Marks.clean(document.unitUpper());
    }

    public String getPeriod() {
        return Marks.clean(document.period());
    }

    public String getReportNumber() {
        return Marks.clean(document.reportNumber());
    }

    public String getPlaceAndDate() {
        return Marks.clean(document.placeAndDate());
    }

    /** The appendix's third title line: "NĂM 2023 XÃ VŨ MUỘN". */
    public String getAppendixPeriodLine() {
        return Marks.clean(document.appendixPeriodLine());
    }

    /** "(Kèm theo Báo cáo số 125/BC-UBND ngày 20/11/2023 của UBND xã Vũ Muộn)". */
    public String getAppendixAttachedLine() {
        return Marks.clean(document.appendixAttachedLine());
    }
}
