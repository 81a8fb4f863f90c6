package appendixfill.report;

import appendixfill.indicator.Figures;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Kind;
import appendixfill.indicator.Sheet;
import appendixfill.indicator.Value;
import appendixfill.indicator.VietnameseFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One row of Phụ lục I as the report attaches it: {@code $row.stt}, {@code $row.value}. */
public final class AppendixRow {

    private final Indicator indicator;
    private final Value value;
    private final String note;
    private final Flags flags;

    private AppendixRow(Indicator indicator, Value value, String note, Flags flags) {
        this.indicator = indicator;
        this.value = value;
        this.note = note;
        this.flags = flags;
    }

    /** Every row of the appendix, in the form's order, with the officer's Ghi chú. */
    static List<AppendixRow> of(Figures figures, Map<String, String> notes, Flags flags) {
        List<AppendixRow> rows = new ArrayList<>();
        for (Indicator indicator : figures.catalogue().on(Sheet.APPENDIX)) {
            rows.add(new AppendixRow(indicator, figures.get(indicator.code()),
                    notes.getOrDefault(indicator.code(), ""), flags));
        }
        return rows;
    }

    public String getStt() {
        return indicator.stt();
    }

    public String getWording() {
        return cell(indicator.wording());
    }

    public String getUnit() {
        return indicator.unit();
    }

    /**
     * The look of the row: "group" for a numbered heading (bold), "sub" for a row without a number
     * of its own (the italic sub-rows under a rate, "Trong đó"), "item" for the others.
     */
    public String getStyle() {
        boolean numbered = !indicator.stt().isEmpty() && !indicator.stt().equals("Trong đó");
        if (!numbered) {
            return "sub";
        }
        return indicator.kind() == Kind.HEADING ? "group" : "item";
    }

    /**
     * The figure as the table prints it, its unit in the column beside it: 29,18 (not 29,18%),
     * "không phát sinh" for 0 ÷ 0, "chưa có số liệu" when missing; marked when under an error.
     */
    public String getValue() {
        if (indicator.kind() == Kind.HEADING) {
            return "";
        }
        if (value instanceof Value.Missing) {
            return "chưa có số liệu";
        }
        String printed = value instanceof Value.Amount amount
                && (indicator.kind() == Kind.RATE || indicator.kind() == Kind.PERCENT)
                ? VietnameseFormat.percentFigure(amount.number()) : cell(VietnameseFormat.value(indicator, value));
        return flags.print(indicator.code(), flags.over(indicator), printed);
    }

    /** The officer's Ghi chú, on one line. */
    public String getNote() {
        return cell(note);
    }

    /** A cell's text on one line: a line break or a tab would end the row or the cell in the text report. */
    private static String cell(String text) {
        String clean = Marks.clean(text);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                return BREAKS.matcher(clean).replaceAll(" ").strip();
            }
        }
        return clean.strip();
    }

    private static final java.util.regex.Pattern BREAKS = java.util.regex.Pattern.compile("\\s*[\\r\\n\\t]+\\s*");
}
