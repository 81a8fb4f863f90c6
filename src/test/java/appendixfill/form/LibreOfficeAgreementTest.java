package appendixfill.form;

import appendixfill.fixtures.LibreOffice;
import appendixfill.template.TemplateBuilder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import appendixfill.cli.Main;
import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Kind;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The completed workbook shows in real LibreOffice the rates values.csv gives: as LibreOffice
 * loads it by default (the cached values the tool wrote) and when it recalculates every formula.
 * Every workbook of the class is made first and converted in one soffice run per load mode.
 */
class LibreOfficeAgreementTest {

    private static final Catalogue CATALOGUE = Catalogue.standard();

    @TempDir
    static Path work;

    /** key → completed workbook, made before any test; each is converted once per load mode. */
    private static final Map<String, Path> FILLED = new LinkedHashMap<>();
    private static final Map<LibreOffice.Load, LibreOffice.Conversion> SHOWN = new EnumMap<>(LibreOffice.Load.class);

    @BeforeAll
    static void fillEveryWorkbookAndConvertThemOncePerLoadMode() throws Exception {
        LibreOffice.require();
        FILLED.put("example", fill(Path.of("workbook-templates/example/vu-muon-nam-2023.xlsx")));
        Path blank = work.resolve("blank.xlsx");
        try (OutputStream out = Files.newOutputStream(blank)) {
            new TemplateBuilder(CATALOGUE).write(out);
        }
        FILLED.put("blank", fill(blank));
        FILLED.put("saved-by-libreoffice", fill(Path.of("src/test/resources/saved-by/vu-muon-nam-2023.filled.libreoffice.xlsx")));
        Path stale = work.resolve("stale.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(FILLED.get("example")));
                OutputStream out = Files.newOutputStream(stale)) {
            Cell cell = TemplateBuilder.cellOf(workbook, CATALOGUE.require("7.2.4").name());
            cell.setCellValue(12.34);
            workbook.write(out);
        }
        FILLED.put("stale", stale);
        SHOWN.putAll(LibreOffice.toCsvInEachLoadMode(FILLED, work));
    }

    @ParameterizedTest
    @EnumSource(LibreOffice.Load.class)
    void everyDerivedCellOfTheFilledExampleShowsTheValueOfValuesCsv(LibreOffice.Load load) throws Exception {
        assertDerivedCellsAgree("example", load);
    }

    @ParameterizedTest
    @EnumSource(LibreOffice.Load.class)
    void aBlankTemplateFilledShowsBlankRatesNotZeros(LibreOffice.Load load) throws Exception {
        assertDerivedCellsAgree("blank", load);
    }

    @ParameterizedTest
    @EnumSource(LibreOffice.Load.class)
    void aCompletedWorkbookSavedByLibreOfficeAndFilledAgainShowsTheValuesOfValuesCsv(LibreOffice.Load load)
            throws Exception {
        assertDerivedCellsAgree("saved-by-libreoffice", load);
    }

    /** Guards the test itself: the two loads really differ, so "recalculated" is not the cache read twice. */
    @Test
    void forcedRecalculationReplacesAStaleCachedValue() throws Exception {
        assertEquals("12.34", shown("stale", LibreOffice.Load.AS_SAVED).get("7.2.4"));
        assertEquals("29.18", shown("stale", LibreOffice.Load.RECALCULATED).get("7.2.4"));
    }

    private void assertDerivedCellsAgree(String key, LibreOffice.Load load) throws Exception {
        Map<String, String> expected = valuesCsv(FILLED.get(key));
        Map<String, String> shown = shown(key, load);
        for (Indicator indicator : CATALOGUE.indicators()) {
            if (indicator.kind() == Kind.RATE) {
                String value = expected.get(indicator.code());
                String cell = shown.get(indicator.code());
                if (value.isEmpty()) {
                    String status = expected.get(indicator.code() + "#status");
                    assertEquals(status.equals("not-applicable") ? "không phát sinh" : "", cell, indicator.code());
                } else {
                    assertEquals(0, new BigDecimal(value).compareTo(new BigDecimal(cell)),
                            indicator.code() + ": values.csv " + value + ", LibreOffice " + cell);
                }
            }
        }
    }

    private static Path fill(Path input) {
        Path out = work.resolve("out-" + input.getFileName());
        StringWriter sink = new StringWriter();
        Main.run(new String[] {input.toString(), "--out", out.toString()}, new PrintWriter(sink), new PrintWriter(sink));
        return out.resolve(input.getFileName().toString().replace(".xlsx", ".filled.xlsx"));
    }

    /** code → value and code#status from the values.csv beside a filled workbook. */
    private static Map<String, String> valuesCsv(Path filled) throws IOException {
        Path csv = filled.resolveSibling(filled.getFileName().toString().replace(".filled.xlsx", ".values.csv"));
        Map<String, String> values = new HashMap<>();
        try (CSVParser parser = CSVParser.parse(Files.readString(csv, StandardCharsets.UTF_8).substring(1),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            for (CSVRecord record : parser) {
                values.put(record.get("code"), record.get("value"));
                values.put(record.get("code") + "#status", record.get("status"));
            }
        }
        return values;
    }

    /** code → what LibreOffice shows in each indicator's cell. */
    private static Map<String, String> shown(String key, LibreOffice.Load load) throws Exception {
        Path workbook = FILLED.get(key);
        LibreOffice.Conversion conversion = SHOWN.get(load);
        Map<String, List<CSVRecord>> sheets = new HashMap<>();
        Map<String, String> shown = new HashMap<>();
        try (XSSFWorkbook names = new XSSFWorkbook(Files.newInputStream(workbook))) {
            for (Indicator indicator : CATALOGUE.indicators()) {
                if (indicator.kind() == Kind.HEADING) {
                    continue;
                }
                CellReference ref = new CellReference(names.getName(indicator.name()).getRefersToFormula());
                List<CSVRecord> rows = sheets.computeIfAbsent(ref.getSheetName(), sheet -> read(
                        conversion.requireSheet(key, sheet)));
                CSVRecord row = rows.get(ref.getRow());
                shown.put(indicator.code(), ref.getCol() < row.size() ? row.get(ref.getCol()) : "");
            }
        }
        return shown;
    }

    private static List<CSVRecord> read(Path csv) {
        try (CSVParser parser = CSVParser.parse(csv, StandardCharsets.UTF_8, CSVFormat.RFC4180)) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
