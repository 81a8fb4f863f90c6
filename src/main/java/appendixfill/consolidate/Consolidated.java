package appendixfill.consolidate;

import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Consolidation.Method;
import appendixfill.indicator.Figures;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Kind;
import appendixfill.indicator.Sheet;
import appendixfill.indicator.Value;
import appendixfill.indicator.VietnameseFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A consolidation (bản tổng hợp): the roll of units and the consolidated values of every
 * indicator, with what each total covers.
 *
 * @param catalogue the form
 * @param name the consolidating unit ("UBND tỉnh Bắc Kạn", "Cụm 1")
 * @param roll where every unit stands, and the totals of those counted
 * @param figures the consolidated values
 */
public record Consolidated(Catalogue catalogue, String name, Roll roll, Figures figures) {

    public Consolidated {
        Objects.requireNonNull(name);
    }

    /** Consolidates the counted units of a roll. */
    public static Consolidated of(Catalogue catalogue, String name, Roll roll) {
        Map<String, Value> details = new LinkedHashMap<>();
        details.put("unit.name", new Value.Text(name.isBlank() ? "…" : name));
        roll.period().ifPresent(p -> {
            details.put("period", new Value.Text(p.name()));
            details.put("year", Value.Amount.of(p.year()));
        });
        return new Consolidated(catalogue, name, roll, roll.totals().figures(catalogue, details));
    }

    public Totals totals() {
        return roll.totals();
    }

    /** The indicators a consolidated table shows: the whole appendix, then the report's figures. */
    public List<Indicator> rows() {
        return catalogue.indicators().stream().filter(i -> i.sheet() == Sheet.APPENDIX
                || i.kind() == Kind.COUNT || i.kind() == Kind.RATE).toList();
    }

    /**
     * How a consolidated value came about, as values.csv reports it: {@code summed},
     * {@code derived} (a rate from the summed parts), {@code weighted}, {@code counted} (yes/no
     * answers), {@code not-applicable}, {@code missing} (no unit gave it), {@code per-unit} (not
     * consolidated), {@code entered} (the consolidation's own name and period); empty for headings.
     */
    public String status(String code) {
        Indicator indicator = catalogue.require(code);
        Value value = figures.get(code);
        Method method = indicator.consolidation().method();
        if (indicator.kind() == Kind.HEADING) {
            return "";
        }
        if (value instanceof Value.NotApplicable) {
            return "not-applicable";
        }
        if (method == Method.PER_UNIT || method == Method.NONE) {
            return value.isPresent() ? "entered" : "per-unit";
        }
        if (method == Method.SAME) {
            return value.isPresent() ? "entered" : "missing";
        }
        if (!value.isPresent()) {
            return "missing";
        }
        return switch (method) {
            case RATE -> "derived";
            case WEIGHTED -> "weighted";
            case YES_COUNT -> "counted";
            default -> "summed";
        };
    }

    /** How many units a total covers, when not all: "3/5 đơn vị có số liệu"; else empty. */
    public String coverageNote(String code) {
        int all = totals().units();
        int covered = totals().coverage(catalogue, code);
        return covered < all ? VietnameseFormat.count(covered) + "/" + VietnameseFormat.count(all)
                + " đơn vị có số liệu" : "";
    }

    /** What the receiver is told beside a total: which units it covers, how it was computed. */
    public String note(String code) {
        Indicator indicator = catalogue.require(code);
        int all = totals().units();
        int covered = totals().coverage(catalogue, code);
        String coverage = coverageNote(code);
        return switch (indicator.consolidation().method()) {
            case SUM -> coverage;
            case RATE -> join("tính lại từ tổng " + catalogue.require(indicator.numerator()).label() + " ÷ tổng "
                    + catalogue.require(indicator.denominator()).label() + " × 100", coverage);
            case WEIGHTED -> join("bình quân gia quyền theo " + catalogue.require(indicator.consolidation().base())
                    .label(), coverage);
            case YES_COUNT -> covered == 0 ? "" : VietnameseFormat.count(totals().tally(code).yes()) + "/"
                    + VietnameseFormat.count(covered) + " đơn vị trả lời «Có»"
                    + (covered < all ? " (" + VietnameseFormat.count(all - covered) + " đơn vị không trả lời)" : "");
            case PER_UNIT -> indicator.kind() == Kind.PERCENT
                    ? "không có cơ sở để tính tỷ lệ chung" : "";
            default -> "";
        };
    }

    /** The number of units that answered "Có" to a yes/no row, out of those that answered: "12/15". */
    public static String answers(Tally tally) {
        return tally.yes() + "/" + tally.units();
    }

    private static String join(String a, String b) {
        return b.isEmpty() ? a : a + "; " + b;
    }
}
