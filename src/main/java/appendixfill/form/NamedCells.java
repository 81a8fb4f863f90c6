package appendixfill.form;

import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Kind;
import appendixfill.indicator.Sheet;
import appendixfill.input.Message;
import appendixfill.input.UnusableInput;
import appendixfill.spreadsheet.CellRef;
import appendixfill.spreadsheet.Grid;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one reader of the form's defined names: the cell each indicator's name points at, from the
 * workbook's own names only (a copy of the form sheet brings names scoped to the copy; those are
 * not the form's). A name defined twice, or pointing off the form's sheet, is refused: which cell
 * holds the figure would be a guess.
 *
 * @param cells the cell of every indicator whose name points at one, by code
 * @param titles the title cells the fill writes, by name
 */
record NamedCells(Map<String, CellRef> cells, Map<String, CellRef> titles) {

    NamedCells {
        cells = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        titles = Map.copyOf(titles);
    }

    /**
     * The catalogue's cells as the workbook names them; empty when the workbook does not name every
     * cell of the table (it is then read as a plain table).
     *
     * @param sheets the workbook's sheet names, in order
     * @param shown the file as messages name it
     */
    static Optional<NamedCells> of(Collection<Grid.DefinedName> names, List<String> sheets, Catalogue catalogue,
            String shown) throws UnusableInput {
        // The workbooks of a consolidation share their workbook.xml, read once into the same list of
        // names: what it resolves to is worked out once for them all.
        Known key = new Known(names, sheets, catalogue);
        Optional<NamedCells> known = KNOWN.get(key);
        if (known == null) {
            known = resolveAll(names, sheets, catalogue, shown);
            if (KNOWN.size() >= 64) {
                KNOWN.clear();
            }
            KNOWN.put(key, known);
        }
        return known;
    }

    /** Names (the same list, not merely an equal one), sheets and catalogue. */
    private record Known(Collection<Grid.DefinedName> names, List<String> sheets, Catalogue catalogue) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Known k && k.names == names && k.catalogue == catalogue && k.sheets.equals(sheets);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(names) * 31 + sheets.hashCode();
        }
    }

    private static final Map<Known, Optional<NamedCells>> KNOWN = new java.util.concurrent.ConcurrentHashMap<>();

    private static Optional<NamedCells> resolveAll(Collection<Grid.DefinedName> names, List<String> sheets,
            Catalogue catalogue, String shown) throws UnusableInput {
        Map<String, Grid.DefinedName> byName = new HashMap<>();
        for (Grid.DefinedName name : names) {
            if (!name.isWorkbookScope()) {
                continue;
            }
            Grid.DefinedName twin = byName.put(fold(name.name()), name);
            if (twin != null && isForms(name.name(), catalogue)) {
                throw new UnusableInput(Message.of("form.name-twice", shown, name.name(), twin.formula(),
                        name.formula()));
            }
        }
        Map<String, CellRef> cells = new LinkedHashMap<>();
        for (Indicator indicator : catalogue.indicators()) {
            if (indicator.kind() == Kind.HEADING) {
                continue;
            }
            Optional<CellRef> cell = resolve(byName.get(fold(indicator.name())), sheets);
            if (cell.isEmpty() && indicator.sheet() == Sheet.APPENDIX) {
                return Optional.empty();
            }
            cell.ifPresent(c -> cells.put(indicator.code(), c));
        }
        for (Sheet sheet : Sheet.values()) {
            requireOneSheet(cells, sheet, catalogue, shown);
        }
        Map<String, CellRef> titles = new HashMap<>();
        for (String title : List.of(Layout.TITLE_PERIOD_NAME, Layout.TITLE_ATTACHED_NAME)) {
            resolve(byName.get(fold(title)), sheets).ifPresent(c -> titles.put(title, c));
        }
        return Optional.of(new NamedCells(cells, titles));
    }

    /** Every name of one sheet of the form points at that one sheet: the sheet most of them point at. */
    private static void requireOneSheet(Map<String, CellRef> cells, Sheet sheet, Catalogue catalogue, String shown)
            throws UnusableInput {
        Map<String, Integer> counts = new HashMap<>();
        cells.forEach((code, cell) -> {
            if (catalogue.require(code).sheet() == sheet) {
                counts.merge(cell.sheet(), 1, Integer::sum);
            }
        });
        if (counts.size() < 2) {
            return;
        }
        String home = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        for (Map.Entry<String, CellRef> cell : cells.entrySet()) {
            Indicator indicator = catalogue.require(cell.getKey());
            if (indicator.sheet() == sheet && !cell.getValue().sheet().equals(home)) {
                throw new UnusableInput(Message.of("form.name-off-sheet", shown, indicator.name(),
                        cell.getValue().shown(), home));
            }
        }
    }

    /** The cell a name points at, on a sheet the workbook has (named as the workbook names it). */
    private static Optional<CellRef> resolve(Grid.DefinedName name, List<String> sheets) {
        if (name == null) {
            return Optional.empty();
        }
        Optional<CellRef> cell = CellRef.ofReference(name.formula());
        if (cell.isEmpty()) {
            return Optional.empty();
        }
        for (String sheet : sheets) {
            if (sheet.equalsIgnoreCase(cell.get().sheet())) {
                return Optional.of(new CellRef(sheet, cell.get().row(), cell.get().column()));
            }
        }
        return Optional.empty();
    }

    private static boolean isForms(String name, Catalogue catalogue) {
        String folded = fold(name);
        return folded.equals(fold(Layout.TITLE_PERIOD_NAME)) || folded.equals(fold(Layout.TITLE_ATTACHED_NAME))
                || catalogue.indicators().stream().anyMatch(i -> !i.name().isEmpty() && fold(i.name()).equals(folded));
    }

    /** Names compared as Excel compares them: regardless of case. */
    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The sheets holding named cells, in the order of the workbook. */
    List<String> sheets(List<String> order) {
        List<String> found = new ArrayList<>();
        for (String sheet : order) {
            if (cells.values().stream().anyMatch(c -> c.sheet().equals(sheet))
                    || titles.values().stream().anyMatch(c -> c.sheet().equals(sheet))) {
                found.add(sheet);
            }
        }
        return found;
    }

    /** The named cells of the table that the workbook lacks: none, or some of the details sheet's. */
    List<Indicator> absent(Catalogue catalogue) {
        return catalogue.indicators().stream().filter(i -> i.kind() != Kind.HEADING && !cells.containsKey(i.code()))
                .toList();
    }
}
