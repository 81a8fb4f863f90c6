package appendixfill.form;

import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Kind;
import appendixfill.indicator.Sheet;
import appendixfill.indicator.Wordings;
import appendixfill.input.Message;
import appendixfill.input.Typed;
import appendixfill.input.UnusableInput;
import appendixfill.rule.Finding;
import appendixfill.rule.Interpretation;
import appendixfill.rule.Severity;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import appendixfill.spreadsheet.CellRef;
import appendixfill.spreadsheet.Grid;

/**
 * A Phụ lục I the officer typed as a plain table, without the template's defined names: found by
 * its header (STT / Chỉ tiêu / Đơn vị tính / Số liệu, anywhere on any sheet) and read row by row,
 * each row matched to the catalogue by STT and by wording.
 */
final class PlainForm {

    /** Where the table's columns are, counted from 0; -1 when the table has no such column. */
    record Columns(int headerRow, int firstDataRow, int stt, int wording, int unit, int value, int note) {
    }

    /** One row of the input matched to an indicator. */
    private record Match(Indicator indicator, int row) {
    }

    /** Two rows of the input matched to the same indicator. */
    private record Duplicate(Indicator indicator, int first, int second) {
    }

    /** A candidate sheet and how well it reads as the form. */
    private record Table(Grid.Page page, Columns columns, Map<String, Match> matches, List<Finding> findings,
            Map<String, List<Integer>> sttRows, List<Duplicate> duplicates) {

        long counted() {
            return matches.values().stream().filter(m -> m.indicator().kind() != Kind.HEADING).count();
        }
    }

    private final Catalogue catalogue;
    private final Wordings wordings;
    private final String shown;

    private PlainForm(Catalogue catalogue, Wordings wordings, String shown) {
        this.catalogue = catalogue;
        this.wordings = wordings;
        this.shown = shown;
    }

    /** Reads the plain table of a workbook, or says in Vietnamese why there is none to read. */
    static Reading recognise(Grid grid, Catalogue catalogue, Wordings wordings, String shown) throws UnusableInput {
        return new PlainForm(catalogue, wordings, shown).read(grid);
    }

    private Reading read(Grid grid) throws UnusableInput {
        List<Table> tables = new ArrayList<>();
        Optional<Map.Entry<Grid.Page, Columns>> withoutValues = Optional.empty();
        List<Grid.Page> pages = grid.pages().stream().filter(p -> !p.name().equals(Layout.FINDINGS_SHEET)
                && !p.name().equals(Layout.LEDGER_SHEET)).toList();
        for (Grid.Page page : pages) {
            Optional<Columns> columns = header(page);
            if (columns.isEmpty()) {
                continue;
            }
            if (columns.get().value() < 0) {
                withoutValues = withoutValues.or(() -> Optional.of(Map.entry(page, columns.get())));
                continue;
            }
            tables.add(match(page, columns.get()));
        }
        // A visible sheet is the form before a hidden copy of it.
        tables.sort(Comparator.comparing((Table t) -> t.page().hidden()).thenComparing(Table::counted,
                Comparator.reverseOrder()));
        tables = tables.stream().filter(t -> t.counted() > 0).toList();
        if (tables.isEmpty()) {
            if (withoutValues.isPresent()) {
                Grid.Page page = withoutValues.get().getKey();
                Columns c = withoutValues.get().getValue();
                throw new UnusableInput(Message.of("table.no-value-column", page.name(), shown,
                        cell(c.headerRow(), c.stt()), cell(c.headerRow(), c.wording())));
            }
            throw new UnusableInput(Message.of("table.none", shown,
                    pages.stream().map(p -> "«" + p.name() + "»").collect(Collectors.joining(", "))));
        }
        Table best = tables.get(0);
        if (tables.size() > 1 && tables.get(1).counted() == best.counted()
                && tables.get(1).page().hidden() == best.page().hidden()) {
            List<Table> tied = tables.stream().filter(t -> t.counted() == best.counted()).toList();
            throw new UnusableInput(Message.of("table.tied", shown, tied.size(),
                    tied.stream().map(t -> "«" + t.page().name() + "»").collect(Collectors.joining(", ")), best.counted()));
        }
        return reading(best);
    }

    /** The header row: a cell "STT" with "Chỉ tiêu…" beside it, the other titles in it or the two rows below. */
    private static Optional<Columns> header(Grid.Page page) {
        for (var row : page.rows().entrySet()) {
            for (var cell : row.getValue().entrySet()) {
                if (!isSttTitle(fold(text(page.get(row.getKey(), cell.getKey()))))) {
                    continue;
                }
                int top = row.getKey();
                int wording = -1;
                int unit = -1;
                int value = -1;
                int note = -1;
                int last = top;
                for (int r = top; r <= top + 2; r++) {
                    var cells = page.rows().get(r);
                    if (cells == null) {
                        continue;
                    }
                    for (var title : cells.entrySet()) {
                        String folded = fold(text(page.get(r, title.getKey())));
                        int column = title.getKey();
                        if (wording < 0 && (folded.startsWith("chi tieu") || folded.startsWith("noi dung"))) {
                            wording = column;
                        } else if (unit < 0 && (folded.startsWith("don vi tinh") || folded.equals("dvt"))) {
                            unit = column;
                        } else if (value < 0 && (folded.startsWith("so lieu") || folded.equals("gia tri"))) {
                            value = column;
                        } else if (note < 0 && folded.startsWith("ghi chu")) {
                            note = column;
                        } else {
                            continue;
                        }
                        last = Math.max(last, r);
                    }
                }
                if (wording >= 0) {
                    return Optional.of(new Columns(top, last + 1, cell.getKey(), wording, unit, value, note));
                }
            }
        }
        return Optional.empty();
    }

    private Table match(Grid.Page page, Columns columns) {
        Map<String, Match> matches = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        Map<String, List<Integer>> sttRows = new TreeMap<>();
        List<Duplicate> duplicates = new ArrayList<>();
        String parent = null;
        int lastRow = page.rows().isEmpty() ? -1 : page.rows().lastKey();
        for (int at = columns.firstDataRow(); at <= lastRow; at++) {
            final int r = at;
            if (!page.rows().containsKey(r)) {
                continue;
            }
            String stt = stt(page.get(r, columns.stt()));
            String wording = Interpretation.normalise(text(page.get(r, columns.wording())));
            Typed value = page.get(r, columns.value());
            if (isSttTitle(fold(stt)) || fold(wording).startsWith("chi tieu") || fold(text(value)).startsWith("so lieu")
                    || columns.unit() >= 0 && fold(text(page.get(r, columns.unit()))).startsWith("don vi tinh")
                    || !wording.isEmpty() && Wordings.key(wording).matches("[\\d ]*")) {
                continue; // a header repeated on a new page, or the row of column numbers (1) (2) (3)
            }
            boolean subRow = stt.isEmpty() || fold(stt).equals("trong do");
            if (!subRow) {
                sttRows.computeIfAbsent(stt, s -> new ArrayList<>()).add(r);
            }
            if (wording.isEmpty() && subRow) {
                if (!(value instanceof Typed.Blank)) {
                    findings.add(unmatched(page, r, stt, wording, value));
                }
                continue;
            }
            Optional<Indicator> found;
            if (subRow) {
                String under = parent;
                found = unique(wordings.find(wording, i -> isSubRow(i) && i.parentCode().equals(under)
                        && !matches.containsKey(i.code())));
                if (found.isPresent()) {
                    aliasNote(found.get(), wording, page, r).ifPresent(findings::add);
                } else {
                    found = unique(wordings.find(wording, i -> i.sheet() == Sheet.APPENDIX
                            && !matches.containsKey(i.code())));
                    found.ifPresent(i -> findings.add(finding(Severity.WARNING, "form.matched-by-wording", i.code(),
                            where(page, r) + (isSubRow(i) ? " «" + wording + "» không nằm dưới mục " + i.parentCode()
                                    + " như trong mẫu" : " không ghi STT") + "; đã khớp theo nội dung với " + i.label()
                            + ".")));
                    if (found.isPresent() && !isSubRow(found.get())) {
                        // A numbered row whose STT was left out is still the parent of the sub-rows below it.
                        parent = found.get().code();
                    }
                }
            } else {
                Optional<Indicator> bySTT = catalogue.on(Sheet.APPENDIX).stream()
                        .filter(i -> i.stt().equals(stt)).findFirst();
                if (bySTT.isPresent() && !wording.isEmpty() && wordings.match(wording, bySTT.get()).isPresent()) {
                    found = bySTT;
                    aliasNote(bySTT.get(), wording, page, r).ifPresent(findings::add);
                } else {
                    found = unique(wordings.find(wording, i -> i.sheet() == Sheet.APPENDIX
                            && !matches.containsKey(i.code())));
                    if (found.isPresent()) {
                        Indicator i = found.get();
                        findings.add(finding(Severity.WARNING, "form.matched-by-wording", i.code(), where(page, r)
                                + " ghi STT «" + stt + "» nhưng nội dung «" + wording + "» là của " + i.label()
                                + "; đã khớp theo nội dung."));
                    } else if (bySTT.isPresent()) {
                        found = bySTT;
                        findings.add(finding(Severity.WARNING, "form.matched-by-stt", bySTT.get().code(), where(page, r)
                                + " ghi «" + wording + "», khác nội dung của mẫu «" + bySTT.get().wording()
                                + "»; đã khớp theo STT «" + stt + "». Kiểm tra lại số liệu của dòng này."));
                    }
                }
                parent = found.map(Indicator::code).orElse(null);
            }
            if (found.isEmpty()) {
                if (!(value instanceof Typed.Blank) || !subRow) {
                    findings.add(unmatched(page, r, stt, wording, value));
                }
                continue;
            }
            Match previous = matches.putIfAbsent(found.get().code(), new Match(found.get(), r));
            if (previous != null) {
                duplicates.add(new Duplicate(found.get(), previous.row(), r));
            }
        }
        return new Table(page, columns, matches, findings, sttRows, duplicates);
    }

    private Reading reading(Table table) throws UnusableInput {
        Grid.Page page = table.page();
        Columns columns = table.columns();
        for (Map.Entry<String, List<Integer>> stt : table.sttRows().entrySet()) {
            if (stt.getValue().size() > 1) {
                throw new UnusableInput(Message.of("table.duplicate-stt", page.name(), shown, stt.getKey(),
                        stt.getValue().size(), rows(stt.getValue())));
            }
        }
        if (!table.duplicates().isEmpty()) {
            Duplicate duplicate = table.duplicates().get(0);
            throw new UnusableInput(Message.of("table.duplicate-row", page.name(), shown, duplicate.indicator().label(),
                    rows(List.of(duplicate.first(), duplicate.second()))));
        }
        List<Integer> hidden = new ArrayList<>();
        Map<String, Typed> typed = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        for (Match match : table.matches().values()) {
            Indicator indicator = match.indicator();
            if (indicator.kind() == Kind.HEADING) {
                continue;
            }
            if (page.hiddenRows().contains(match.row())) {
                hidden.add(match.row());
            }
            Optional<Grid.Merge> merge = page.mergeAt(match.row(), columns.value());
            if (merge.isPresent() && !merge.get().isSingleCell()) {
                throw new UnusableInput(Message.of("table.merged", merge.get().shown(), page.name(), shown,
                        indicator.label()));
            }
            typed.put(indicator.code(), page.get(match.row(), columns.value()));
            if (columns.note() >= 0) {
                String note = Interpretation.normalise(text(page.get(match.row(), columns.note())));
                if (!note.isEmpty()) {
                    notes.put(indicator.code(), note);
                }
            }
        }
        if (!hidden.isEmpty()) {
            hidden.sort(null);
            throw new UnusableInput(Message.of("table.hidden-rows", page.name(), shown, rows(hidden)));
        }
        List<Finding> findings = new ArrayList<>();
        findings.add(new Finding(Severity.INFO, "form.recognised", "", "Tệp không có ô được đặt tên của mẫu: đã nhận "
                + "dạng bảng ở trang «" + page.name() + "» (dòng tiêu đề " + (columns.headerRow() + 1) + "; cột STT "
                + column(columns.stt()) + ", Chỉ tiêu " + column(columns.wording()) + ", Số liệu " + column(columns.value())
                + "), " + table.counted() + " dòng số liệu khớp với mẫu. Biểu hoàn chỉnh được ghi theo mẫu chuẩn Phụ lục I."));
        findings.addAll(table.findings());
        for (Indicator indicator : catalogue.on(Sheet.APPENDIX)) {
            if (indicator.kind() != Kind.HEADING && !table.matches().containsKey(indicator.code())) {
                findings.add(finding(Severity.WARNING, "form.row-missing", indicator.code(), "Bảng ở trang «"
                        + page.name() + "» không có dòng " + indicator.label() + " của mẫu; chỉ tiêu này được coi là "
                        + "chưa có số liệu."));
            }
        }
        return new Reading(typed, notes, findings);
    }

    private Optional<Finding> aliasNote(Indicator indicator, String wording, Grid.Page page, int row) {
        return wordings.match(wording, indicator).filter(v -> !v.source().isEmpty()).map(v -> finding(Severity.INFO,
                "form.variant-wording", indicator.code(), where(page, row) + " ghi «" + wording + "», " + v.source()
                + "; đã hiểu là " + indicator.label() + "."));
    }

    /** The one indicator the variants stand for; none when they stand for none or for several. */
    private Optional<Indicator> unique(List<Wordings.Variant> variants) {
        List<String> codes = variants.stream().map(Wordings.Variant::code).distinct().toList();
        return codes.size() == 1 ? catalogue.find(codes.get(0)) : Optional.empty();
    }

    private Finding unmatched(Grid.Page page, int row, String stt, String wording, Typed value) {
        String what = (stt.isEmpty() ? "" : "STT «" + stt + "» ") + (wording.isEmpty() ? "" : "«" + wording + "» ")
                + (value instanceof Typed.Blank ? "" : "số liệu «" + text(value) + "» ");
        return new Finding(Severity.WARNING, "form.unmatched-row", "", where(page, row) + " (" + what.strip()
                + ") không khớp với dòng nào của mẫu Phụ lục I; số liệu của dòng này không được dùng.");
    }

    private static Finding finding(Severity severity, String rule, String code, String message) {
        return new Finding(severity, rule, code, message);
    }

    private static boolean isSubRow(Indicator indicator) {
        return indicator.sheet() == Sheet.APPENDIX && (indicator.stt().isEmpty() || indicator.stt().equals("Trong đó"));
    }

    private static boolean isSttTitle(String folded) {
        return folded.equals("stt") || folded.equals("tt") || folded.equals("so tt") || folded.equals("so thu tu");
    }

    private static String where(Grid.Page page, int row) {
        return "Dòng " + (row + 1) + " của trang «" + page.name() + "»";
    }

    /** Row numbers as a person counts them: "10, 11". */
    private static String rows(List<Integer> rows) {
        return rows.stream().map(r -> String.valueOf(r + 1)).collect(Collectors.joining(", "));
    }

    private static String cell(int row, int column) {
        return CellRef.address(row, column);
    }

    private static String column(int column) {
        return CellRef.column(column);
    }

    /** The STT as printed: 1.2 typed as a number is "1.2"; a trailing dot ("1.2.") is dropped. */
    private static String stt(Typed typed) {
        if (typed instanceof Typed.Number n) {
            return n.number().stripTrailingZeros().toPlainString();
        }
        return Interpretation.normalise(text(typed)).replaceAll("[.\\s]+$", "");
    }

    /** What a cell shows as text, for titles, wordings and messages. */
    static String text(Typed typed) {
        if (typed instanceof Typed.Text t) {
            return t.text();
        }
        if (typed instanceof Typed.Number n) {
            return n.number().stripTrailingZeros().toPlainString();
        }
        if (typed instanceof Typed.Formula f) {
            return text(f.cached());
        }
        if (typed instanceof Typed.Date d) {
            return d.date().toString();
        }
        if (typed instanceof Typed.Bool b) {
            return b.value() ? "TRUE" : "FALSE";
        }
        if (typed instanceof Typed.Error e) {
            return e.code();
        }
        return "";
    }

    /** Lower case without diacritics or punctuation, for recognising titles typed loosely. */
    private static String fold(String text) {
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").replace('đ', 'd').replaceAll("[^a-z0-9]+", " ").strip();
    }
}
