package appendixfill.consolidate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProvenanceTest {

    @Test
    void aSaveTimeIsReadAsExcelAndLibreOfficeWriteItWithOrWithoutAnOffsetOrFractions() {
        assertEquals(1_765_015_200_000L, Provenance.millis(Optional.of("2025-12-06T10:00:00Z")));
        assertEquals(1_765_015_200_000L, Provenance.millis(Optional.of("2025-12-06T17:00:00+07:00")));
        assertEquals(1_765_015_200_123L, Provenance.millis(Optional.of("2025-12-06T10:00:00.123456789Z")));
        assertEquals(1_765_015_200_000L, Provenance.millis(Optional.of("2025-12-06T10:00Z")));
    }

    @Test
    void aWorkbookThatGivesNoTimeOrADateAloneDoesNotSayWhenItWasSaved() {
        assertEquals(0, Provenance.millis(Optional.empty()));
        assertEquals(0, Provenance.millis(Optional.of("2025-12-06")));
        assertEquals(0, Provenance.millis(Optional.of("hôm qua")));
    }

    @Test
    void theLatestThingAWorkbookSaysIsItsFillingOrALaterSave() {
        Provenance filled = new Provenance(Optional.empty(), "1765015200000-42-1", false, 0);
        assertEquals("điền bằng appendix-fill lúc 10:00:00 06/12/2025 UTC", filled.latestSaid());
        Provenance savedAfter = filled.savedAt(Optional.of("2025-12-06T11:30:05Z"));
        assertEquals(1_765_020_605_000L, savedAfter.latest());
        assertEquals("lưu lúc 11:30:05 06/12/2025 UTC", savedAfter.latestSaid());
        assertEquals("điền bằng appendix-fill lúc 10:00:00 06/12/2025 UTC",
                filled.savedAt(Optional.of("2025-12-06T09:59:00Z")).latestSaid());
        assertEquals("", Provenance.NONE.latestSaid());
    }
}
