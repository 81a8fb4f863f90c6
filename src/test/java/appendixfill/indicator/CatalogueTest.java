package appendixfill.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogueTest {

    private static final Catalogue CATALOGUE = Catalogue.standard();
    /** The seed report's Phụ lục I, copied into the repository (src/test/resources/seed/README.md says from where). */
    private static final Path SEED = Path.of("src/test/resources/seed/vu-muon-2023-phu-luc-i.txt");

    /** A row of the appendix as printed: STT | wording | unit. */
    record PrintedRow(String stt, String wording, String unit) {
    }

    @Test
    void appendixRowsAreTheSeedsRowsWordForWordInTheSeedsOrder() throws IOException {
        List<PrintedRow> seed = seedAppendix();
        List<PrintedRow> catalogue = new ArrayList<>();
        for (Indicator indicator : CATALOGUE.on(Sheet.APPENDIX)) {
            // The one documented deviation: the seed prints no unit for 7.1.
            String unit = indicator.code().equals("7.1") ? "" : indicator.unit();
            catalogue.add(new PrintedRow(indicator.stt(), indicator.wording(), unit));
        }

        assertEquals(seed, catalogue);
    }

    @Test
    void everyRateTakesItsPartsFromTheRowsJustBelowIt() {
        List<Indicator> rows = CATALOGUE.on(Sheet.APPENDIX);
        for (int i = 0; i < rows.size(); i++) {
            Indicator rate = rows.get(i);
            if (rate.kind() == Kind.RATE) {
                List<String> below = rows.subList(i + 1, Math.min(rows.size(), i + 4)).stream()
                        .map(Indicator::code).toList();
                assertTrue(below.contains(rate.numerator()) && below.contains(rate.denominator()),
                        rate.code() + " takes its parts from " + below);
            }
        }
    }

    @Test
    void definedNamesAreValidExcelNamesAndWordingIsNfc() {
        for (Indicator indicator : CATALOGUE.indicators()) {
            if (indicator.kind() != Kind.HEADING) {
                assertTrue(indicator.name().matches("(PL|TT)_[A-Z0-9_a-z]+"), indicator.name());
            }
            assertEquals(Normalizer.normalize(indicator.wording(), Normalizer.Form.NFC), indicator.wording());
        }
    }

    @Test
    void rowsWithoutSttAreNamedByTheRowTheyStandUnder() {
        assertEquals("«Số hồ sơ TTHC đã tiếp nhận trực tuyến» (thuộc mục 7.2.4)", CATALOGUE.require("7.2.4.b").label());
        assertEquals("3.4 «Tỷ lệ giải quyết phản ánh, kiến nghị (PAKN) về quy định TTHC»", CATALOGUE.require("3.4").label());
        assertEquals("«Số TTHC cấp xã» (thuộc mục 3.1.4)", CATALOGUE.require("3.1.4.a").label());
    }

    @Test
    void anUnknownCodeIsRefusedNamingIt() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CATALOGUE.require("9.9"));
        assertEquals("no indicator with code '9.9' in the catalogue", e.getMessage());
    }

    /** The seed's Phụ lục I rows, without the header lines and the italics markup. */
    private static List<PrintedRow> seedAppendix() throws IOException {
        List<String> lines = Files.readAllLines(SEED, StandardCharsets.UTF_8);
        int start = lines.indexOf("BIỂU THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC");
        List<PrintedRow> rows = new ArrayList<>();
        for (String line : lines.subList(start, lines.size())) {
            String[] cells = line.replaceAll("</?i>", "").split("\t", -1);
            if (cells.length < 4 || cells[0].equals("STT") || cells[2].equals("Đơn vị tính")) {
                continue;
            }
            rows.add(new PrintedRow(cells[0].strip(), cells[1].strip(), cells[2].strip()));
        }
        return rows;
    }
}
