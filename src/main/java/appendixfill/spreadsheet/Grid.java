package appendixfill.spreadsheet;

import appendixfill.input.Typed;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A spreadsheet as its stored cells, whatever its format (.xlsx, .xls, .ods): what recognising
 * a form needs and nothing more, so that one recogniser serves every format.
 *
 * @param pages the sheets, in the workbook's order
 * @param names the workbook's defined names, of every scope
 * @param date1904 the workbook counts dates from 1904
 */
public record Grid(List<Page> pages, List<DefinedName> names, boolean date1904) {

    public Grid {
        pages = List.copyOf(pages);
        names = List.copyOf(names);
    }

    public Optional<Page> page(String name) {
        return pages.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** A defined name: a workbook's ({@code sheet} -1) or one sheet's (its index). */
    public record DefinedName(String name, int sheet, String formula) {

        public boolean isWorkbookScope() {
            return sheet < 0;
        }
    }

    /** A rectangle of merged cells. */
    public record Merge(int firstRow, int lastRow, int firstColumn, int lastColumn) {

        public boolean covers(int row, int column) {
            return row >= firstRow && row <= lastRow && column >= firstColumn && column <= lastColumn;
        }

        public boolean isSingleCell() {
            return firstRow == lastRow && firstColumn == lastColumn;
        }

        public String shown() {
            return CellRef.address(firstRow, firstColumn) + ":" + CellRef.address(lastRow, lastColumn);
        }
    }

    /**
     * One sheet: its stored cells by row then column (empty cells left out), its hidden rows and
     * merged cells.
     *
     * @param hidden the sheet itself is hidden
     * @param date1904 the workbook counts dates from 1904
     */
    public record Page(String name, boolean hidden, NavigableMap<Integer, NavigableMap<Integer, RawCell>> rows,
            Set<Integer> hiddenRows, List<Merge> merges, boolean date1904) {

        public Page {
            NavigableMap<Integer, NavigableMap<Integer, RawCell>> copy = new TreeMap<>();
            rows.forEach((row, cells) -> copy.put(row, Collections.unmodifiableNavigableMap(new TreeMap<>(cells))));
            rows = Collections.unmodifiableNavigableMap(copy);
            hiddenRows = Set.copyOf(hiddenRows);
            merges = List.copyOf(merges);
        }

        /** The cell as stored; null when the sheet has none there. */
        public RawCell raw(int row, int column) {
            NavigableMap<Integer, RawCell> cells = rows.get(row);
            return cells == null ? null : cells.get(column);
        }

        /** The cell as typed; blank when the sheet has none there. */
        public Typed get(int row, int column) {
            RawCell cell = raw(row, column);
            return cell == null ? Typed.BLANK : CellTyping.type(cell, date1904);
        }

        /** The merged rectangle the cell belongs to, if any. */
        public Optional<Merge> mergeAt(int row, int column) {
            return merges.stream().filter(m -> m.covers(row, column)).findFirst();
        }

        /** The rows of the sheet as text, blank cells as "" (the ledger, a consolidation's totals). */
        public List<List<String>> textRows() {
            List<List<String>> out = new java.util.ArrayList<>();
            int last = rows.isEmpty() ? -1 : rows.lastKey();
            for (int r = 0; r <= last; r++) {
                NavigableMap<Integer, RawCell> cells = rows.get(r);
                List<String> values = new java.util.ArrayList<>();
                if (cells != null) {
                    for (int c = 0; c <= cells.lastKey(); c++) {
                        RawCell cell = cells.get(c);
                        values.add(cell == null ? "" : cell.value());
                    }
                }
                out.add(values);
            }
            return out;
        }
    }
}
