package appendixfill.indicator;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
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

    /**
     * The version of the form's table (sheet Phụ lục I): raised whenever its rows change. Cells added
     * to the details sheet do not change it; a workbook that lacks them is still read.
     */
    public static final String TEMPLATE_VERSION = "2023.1";

    private static final List<String> COLUMNS = List.of("code", "stt", "sheet", "kind", "unit",
            "name", "numerator", "denominator", "consolidation", "wording", "hint", "across-periods");

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
            standard = TabSeparated.resource(RESOURCE, Catalogue::parse);
        }
        return standard;
    }

    /** Reads a catalogue in the format of {@link TabSeparated}. */
    public static Catalogue parse(InputStream in) throws IOException {
        List<Indicator> indicators = new ArrayList<>();
        for (String[] cells : TabSeparated.read(in, COLUMNS, "catalogue")) {
            Kind kind = Kind.of(cells[3]);
            List<String> choices = kind == Kind.CHOICE ? List.of(cells[4].split("\\|")) : List.of();
            String unit = kind == Kind.CHOICE ? "" : cells[4];
            indicators.add(new Indicator(cells[0], cells[1], Sheet.of(cells[2]), kind, unit, choices,
                    cells[5], cells[6], cells[7], Consolidation.parse(cells[8]), cells[9], cells[10], Accrual.of(cells[11])));
        }
        return new Catalogue(indicators);
    }

    public List<Indicator> indicators() {
        return indicators;
    }

    /**
     * The initial capacity of a hash map that holds an entry for every indicator without growing: a
     * consolidation makes several such maps for each of thousands of workbooks.
     */
    public int mapCapacity() {
        return indicators.size() * 4 / 3 + 1;
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
