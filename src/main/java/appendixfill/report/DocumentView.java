package appendixfill.report;

import appendixfill.indicator.Document;

/** The report's identity for the narrative template: {@code $doc.unitTitle}. */
public final class DocumentView {

    private final Document document;

    DocumentView(Document document) {
        this.document = document;
    }

    public String getUnitTitle() {
        return document.unitTitle();
    }

    public String getUnit() {
        return document.unit();
    }

    public String getUnitUpper() {
        return document.unitUpper();
    }

    public String getPeriod() {
        return document.period();
    }

    public String getReportNumber() {
        return document.reportNumber();
    }

    public String getPlaceAndDate() {
        return document.placeAndDate();
    }
}
