package appendixfill.indicator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The catalogue of Phụ lục I: every indicator of the form, in the form's order. */
public final class Catalogue {

    /** The classpath resource the build copies from {@code workbook-templates/}. */
    public static final String RESOURCE = "/workbook-templates/phu-luc-i.catalogue.tsv";

    /** Identifies the form in the workbooks the tool writes. */
    public static final String TEMPLATE_ID = "cchc-phu-luc-i";

    /** Raised whenever the catalogue or the template it generates changes shape. */
    public static final String TEMPLATE_VERSION = "2023.1";

    private static final List<String> COLUMNS = List.of("code", "stt", "sheet", "kind", "unit",
            "name", "numerator", "denominator", "consolidation", "wording", "hint");

    private static Catalogue standard;

    private final List<Indicator> indicators;
    private final Map<String, Indicator> byCode;
    private final Map<String, Integer> positions;

    public Catalogue(List<Indicator> indicators) {
        this.indicators = List.copyOf(indicators);
        Map<String, Indicator> map = new LinkedHashMap<>();
        for (Indicator indicator : indicators) {
            if (map.put(indicator.code(), indicator) != null) {
                throw new IllegalArgumentException("duplicate code " + indicator.code());
            }
        }
        this.byCode = Map.copyOf(map);
        Map<String, Integer> order = new LinkedHashMap<>();
        for (int i = 0; i < this.indicators.size(); i++) {
            order.put(this.indicators.get(i).code(), i);
        }
        // Looked up for every finding of every workbook when sorting: a consolidation sorts thousands.
        this.positions = Map.copyOf(order);
        for (Indicator rate : indicators) {
            if (rate.kind() == Kind.RATE) {
                requireCount(rate, rate.numerator());
                requireCount(rate, rate.denominator());
            }
            if (rate.consolidation().method() == Consolidation.Method.WEIGHTED) {
                requireCount(rate, rate.consolidation().base());
            }
        }
    }

    /** The catalogue shipped with the tool, read once. */
    public static synchronized Catalogue standard() {
        if (standard == null) {
            try (InputStream in = Catalogue.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
                }
                standard = parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return standard;
    }

    /** Reads a catalogue: tab-separated, one header line, lines starting with # ignored. */
    public static Catalogue parse(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<Indicator> indicators = new ArrayList<>();
        boolean header = true;
        int lineNumber = 0;
        for (String line; (line = reader.readLine()) != null; ) {
            lineNumber++;
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (header) {
                if (!Arrays.asList(cells).equals(COLUMNS)) {
                    throw new IllegalArgumentException("catalogue header must be " + COLUMNS);
                }
                header = false;
                continue;
            }
            if (cells.length != COLUMNS.size()) {
                throw new IllegalArgumentException("catalogue line " + lineNumber + " has " + cells.length
                        + " columns, expected " + COLUMNS.size());
            }
            Kind kind = Kind.of(cells[3]);
            List<String> choices = kind == Kind.CHOICE ? List.of(cells[4].split("\\|")) : List.of();
            String unit = kind == Kind.CHOICE ? "" : cells[4];
            indicators.add(new Indicator(cells[0], cells[1], Sheet.of(cells[2]), kind, unit, choices,
                    cells[5], cells[6], cells[7], Consolidation.parse(cells[8]), cells[9], cells[10]));
        }
        return new Catalogue(indicators);
    }

    public List<Indicator> indicators() {
        return indicators;
    }

    /** The indicators of one sheet, in the form's order. */
    public List<Indicator> on(Sheet sheet) {
        return indicators.stream().filter(i -> i.sheet() == sheet).toList();
    }

    public Optional<Indicator> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public Indicator require(String code) {
        Indicator indicator = byCode.get(code);
        if (indicator == null) {
            throw new IllegalArgumentException("no indicator with code '" + code + "' in the catalogue");
        }
        return indicator;
    }

    /** The position of an indicator in the form, for ordering findings. */
    public int position(String code) {
        Integer position = positions.get(code);
        if (position == null) {
            require(code);
        }
        return position;
    }

    private void requireCount(Indicator owner, String code) {
        Indicator part = byCode.get(code);
        if (part == null || part.kind() != Kind.COUNT) {
            throw new IllegalArgumentException(owner.code() + " refers to " + code + ", which is not a count");
        }
    }
}
