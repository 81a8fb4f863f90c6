package appendixfill.consolidate;

import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Consolidation.Method;
import appendixfill.indicator.Figures;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Kind;
import appendixfill.indicator.Sheet;
import appendixfill.indicator.Value;
import appendixfill.indicator.VietnameseFormat;
import appendixfill.form.Layout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A consolidation (bản tổng hợp): the roll of units and the consolidated values of every
 * indicator, with what each total covers.
 *
 * @param catalogue the form
 * @param name the consolidating unit ("UBND tỉnh Bắc Kạn", "Cụm 1")
 * @param roll where every unit stands, and the totals of those counted
 * @param figures the consolidated values
 * @param flags by the code of a consolidated value, the figures under an error finding it includes
 */
public record Consolidated(Catalogue catalogue, String name, Roll roll, Figures figures, Map<String, List<Flag>> flags) {

    /** How many units a note names before it says how many more there are. */
    static final int NAMED = 3;

    /**
     * A figure a total includes although the unit's own checks found it wrong (1.2.2 = 32 tasks
     * done of 30 planned): whose it is, which figure, and what the finding says.
     *
     * @param unit the unit, as the roll names it
     * @param code the figure under the error
     * @param message the finding's message
     */
    public record Flag(String unit, String code, String message) {
        public Flag {
            Objects.requireNonNull(unit);
            Objects.requireNonNull(code);
            Objects.requireNonNull(message);
        }
    }

    public Consolidated {
        Objects.requireNonNull(name);
        flags = Map.copyOf(flags);
    }

    /** Consolidates the counted units of a roll. */
    public static Consolidated of(Catalogue catalogue, String name, Roll roll) {
        Map<String, Value> details = new LinkedHashMap<>();
        details.put("unit.name", new Value.Text(name.isBlank() ? "…" : name));
        roll.period().ifPresent(p -> {
            details.put("period", new Value.Text(p.name()));
            details.put("year", Value.Amount.of(p.year()));
        });
        return new Consolidated(catalogue, name, roll, roll.totals().figures(catalogue, details),
                flags(catalogue, roll));
    }

    /** For every consolidated value, the units' figures under an error that enter it, in the roll's order. */
    private static Map<String, List<Flag>> flags(Catalogue catalogue, Roll roll) {
        Map<String, List<String>> includedIn = new HashMap<>();
        for (Indicator indicator : catalogue.indicators()) {
            for (String input : inputs(catalogue, indicator)) {
                includedIn.computeIfAbsent(input, c -> new ArrayList<>()).add(indicator.code());
            }
        }
        Map<String, List<Flag>> flags = new HashMap<>();
        for (Roll.Entry entry : roll.counted()) {
            Submission submission = entry.submission().orElseThrow();
            submission.errorsInTotals().forEach((code, messages) -> {
                for (String total : includedIn.getOrDefault(code, List.of())) {
                    for (String message : messages) {
                        flags.computeIfAbsent(total, c -> new ArrayList<>()).add(new Flag(entry.name(), code, message));
                    }
                }
            });
        }
        flags.replaceAll((code, list) -> List.copyOf(list));
        return flags;
    }

    /** The units' figures a consolidated value is made of: itself, its base, a rate's parts. */
    private static Set<String> inputs(Catalogue catalogue, Indicator indicator) {
        return switch (indicator.consolidation().method()) {
            case SUM, YES_COUNT -> Set.of(indicator.code());
            case WEIGHTED -> Set.of(indicator.code(), indicator.consolidation().base());
            case RATE -> {
                Set<String> parts = new LinkedHashSet<>(inputs(catalogue, catalogue.require(indicator.numerator())));
                parts.addAll(inputs(catalogue, catalogue.require(indicator.denominator())));
                yield parts;
            }
            default -> Set.of();
        };
    }

    /** The figures under an error that a consolidated value includes; empty for most. */
    public List<Flag> flags(String code) {
        return flags.getOrDefault(code, List.of());
    }

    /** The units whose figures under an error a consolidated value includes, each once, in the roll's order. */
    public List<String> flaggedUnits(String code) {
        return flags(code).stream().map(Flag::unit).distinct().toList();
    }

    /**
     * What a total says of the wrong figures it includes, naming the first units and their
     * findings: "gồm số liệu có lỗi của xã Bình Minh (1.2.2 «…» = 32 lớn hơn 1.2.1 «…» = 30. …)";
     * empty when it includes none.
     */
    public String errorsNote(String code) {
        List<String> units = flaggedUnits(code);
        if (units.isEmpty()) {
            return "";
        }
        List<String> named = new ArrayList<>();
        for (String unit : units.subList(0, Math.min(NAMED, units.size()))) {
            List<String> messages = flags(code).stream().filter(f -> f.unit().equals(unit))
                    .map(f -> brief(f.message())).distinct().toList();
            named.add(unit + " (" + String.join("; ", messages) + ")");
        }
        String more = units.size() > NAMED ? "; và " + VietnameseFormat.count(units.size() - NAMED)
                + " đơn vị khác (xem trang «" + Layout.ROLL_SHEET + "»)" : "";
        return "gồm số liệu có lỗi của " + (units.size() == 1 ? "" : VietnameseFormat.count(units.size())
                + " đơn vị: ") + String.join("; ", named) + more;
    }

    /**
     * A finding as a total's note names it, short enough for a printed cell: its first sentence, each
     * row by its STT alone where it has one ("1.2.2 = 32 lớn hơn 1.2.1 = 30"); the whole finding is on
     * the roll sheet and in the receiver's report.
     */
    static String brief(String message) {
        // The first ". " outside a quoted wording: a wording may hold one.
        int end = message.length();
        int quoted = 0;
        for (int i = 0; i < message.length() - 1; i++) {
            char c = message.charAt(i);
            quoted += c == '«' ? 1 : c == '»' ? -1 : 0;
            if (quoted == 0 && c == '.' && message.charAt(i + 1) == ' ') {
                end = i;
                break;
            }
        }
        String first = message.substring(0, end);
        if (first.endsWith(".")) {
            first = first.substring(0, first.length() - 1);
        }
        return ROW_WORDING.matcher(first).replaceAll("$1");
    }

    /** A row's STT followed by its wording in quotes: «1.2.2 «Số nhiệm vụ đã hoàn thành»». */
    private static final Pattern ROW_WORDING = Pattern.compile(
            "(\\d+(?:\\.\\d+)*) «[^»]*»");

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

    /**
     * What the receiver is told beside a total: which units it covers, how it was computed, and
     * the figures under an error it includes ({@link #errorsNote}).
     */
    public String note(String code) {
        return join(methodNote(code), errorsNote(code));
    }

    /** What the receiver is told beside a total of how it was made: which units it covers, how it was computed. */
    public String methodNote(String code) {
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
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }
}
