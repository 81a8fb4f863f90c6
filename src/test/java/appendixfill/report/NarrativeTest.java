package appendixfill.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Figures;
import appendixfill.indicator.Value;
import java.util.Map;
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

    @Test
    void viewsPrintValuesAsVietnameseDocumentsWriteThem() {
        String text = new Narrative("velocity/views.vm").render(figures());

        assertEquals("29,18 % | không phát sinh | … | 3.757.891.728 | ngày      tháng 11 năm 2023\n", text);
    }

    @Test
    void anUndefinedReferenceIsAnErrorNeverPrintedAsItsName() {
        Exception e = assertThrows(Exception.class, () -> new Narrative("velocity/undefined-reference.vm").render(figures()));

        assertTrue(e.getMessage().contains("$nothing"), e.getMessage());
    }

    @Test
    void aCodeOutsideTheCatalogueIsAnError() {
        VelocityException e = assertThrows(VelocityException.class,
                () -> new Narrative("velocity/unknown-code.vm").render(figures()));

        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertEquals("no indicator with code '9.9' in the catalogue", cause.getMessage());
    }
}
