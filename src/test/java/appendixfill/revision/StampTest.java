package appendixfill.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StampTest {

    @ParameterizedTest
    @ValueSource(longs = {0, 999, 1_796_586_588_182L, 951_782_400_000L, 4_102_444_799_999L, -1})
    void aMomentIsWrittenAsJavaTimeWritesItToTheSecond(long millis) {
        assertEquals(Instant.ofEpochMilli(millis).truncatedTo(ChronoUnit.SECONDS).toString(), Stamp.utc(millis));
    }

    @Test
    void theStampIsReadBackFromTheProperties() {
        Stamp stamp = new Stamp("cchc-phu-luc-i", "2023.1", "2026.1", "0.1.0", "xã Vũ Muộn", "năm 2023", "ab", "2026-12-06T19:50:00Z",
                7, 3, "cd");
        Map<String, String> properties = new java.util.LinkedHashMap<>(stamp.properties());
        properties.put("appendix-fill.template", "cchc-phu-luc-i");
        properties.put("appendix-fill.template-version", "2023.1");
        assertEquals(Optional.of(stamp), Stamp.of(properties));
        assertEquals(Optional.empty(), Stamp.of(Map.of("appendix-fill.template", "cchc-phu-luc-i")));
    }
}
