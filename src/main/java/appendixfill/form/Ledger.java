package appendixfill.form;

import appendixfill.input.Typed;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the officer had typed in the cells the tool rewrote, kept in a very hidden sheet, so that
 * filling a completed workbook again reports the same corrections. An entry holds only while the
 * cell still holds what the tool wrote; once the officer types over it, the new content counts.
 */
final class Ledger {

    /** One rewritten cell: what was typed, and what the tool wrote instead (both encoded). */
    record Entry(String original, String written) {
    }

    /** The header row of the ledger sheet. */
    static final List<String> HEADER = List.of("code", "typed", "written");

    private final Map<String, Entry> entries;

    private Ledger(Map<String, Entry> entries) {
        this.entries = entries;
    }

    static Ledger empty() {
        return new Ledger(new LinkedHashMap<>());
    }

    /** The ledger from the rows of its sheet read as text (the first row is the header). */
    static Ledger fromRows(List<List<String>> rows) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.isEmpty() || row.get(0).isEmpty()) {
                continue;
            }
            entries.put(row.get(0), new Entry(row.size() > 1 ? row.get(1) : "", row.size() > 2 ? row.get(2) : ""));
        }
        return new Ledger(entries);
    }

    /** What the officer typed in the cell: the recorded original while the tool's content stands. */
    Typed original(String code, Typed current) {
        Entry entry = entries.get(code);
        if (entry != null && stillWritten(decode(entry.written()), current)) {
            return decode(entry.original());
        }
        entries.remove(code);
        return current;
    }

    /**
     * True when the cell still holds what the tool wrote. A number is compared by its value: the
     * tool writes 46 and the cell gives back 46.0 (a spreadsheet keeps a double).
     */
    private static boolean stillWritten(Typed written, Typed current) {
        if (written instanceof Typed.Number number && current instanceof Typed.Number now) {
            return number.number().compareTo(now.number()) == 0;
        }
        return encode(written).equals(encode(current));
    }

    /** The entries, code → what was typed and what was written, in the order recorded. */
    Map<String, Entry> entries() {
        return Collections.unmodifiableMap(entries);
    }

    void record(String code, Typed original, Typed written) {
        entries.put(code, new Entry(encode(original), encode(written)));
    }

    /** One line of text that stands for a typed content. */
    static String encode(Typed typed) {
        if (typed instanceof Typed.Number n) {
            return (n.percentStyle() ? "percent:" : "number:") + n.number().toPlainString();
        }
        if (typed instanceof Typed.Text t) {
            return "text:" + t.text();
        }
        if (typed instanceof Typed.Date d) {
            return "date:" + d.date();
        }
        if (typed instanceof Typed.Bool b) {
            return "bool:" + b.value();
        }
        if (typed instanceof Typed.Error e) {
            return "error:" + e.code();
        }
        if (typed instanceof Typed.Formula f) {
            // The cached result is left out: a formula is the same formula whatever it last showed.
            return "formula:" + f.formula();
        }
        return "blank:";
    }

    /** The inverse of {@link #encode}; a line the tool did not write reads as blank. */
    static Typed decode(String line) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            return Typed.BLANK;
        }
        String kind = line.substring(0, colon);
        String rest = line.substring(colon + 1);
        try {
            return switch (kind) {
                case "number" -> new Typed.Number(new BigDecimal(rest), false);
                case "percent" -> new Typed.Number(new BigDecimal(rest), true);
                case "text" -> new Typed.Text(rest);
                case "date" -> new Typed.Date(java.time.LocalDate.parse(rest));
                case "bool" -> new Typed.Bool(Boolean.parseBoolean(rest));
                case "error" -> new Typed.Error(rest);
                case "formula" -> new Typed.Formula(rest, Typed.BLANK);
                default -> Typed.BLANK;
            };
        } catch (NumberFormatException | java.time.DateTimeException e) {
            // A ledger edited by hand: the line is not one the tool wrote.
            return Typed.BLANK;
        }
    }
}
