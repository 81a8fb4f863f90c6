package appendixfill.workbook;

import appendixfill.input.Typed;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.apache.poi.ss.util.CellReference;

/**
 * A spreadsheet as cells typed, whatever its format (.xlsx, .xls, .ods): what recognising the
 * form needs and nothing more, so that one recogniser serves every format.
 *
 * @param pages the sheets, in the workbook's order
 * @param names the workbook's defined names that point at one cell
 */
record Grid(List<Page> pages, Map<String, Spot> names) {

    Grid {
        pages = List.copyOf(pages);
        names = Map.copyOf(names);
    }

    /** Every sheet, cell, hidden row, merge and single-cell defined name of a POI workbook. */
    static Grid of(org.apache.poi.ss.usermodel.Workbook workbook) {
        List<Page> pages = new java.util.ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(i);
            NavigableMap<Integer, NavigableMap<Integer, Typed>> rows = new TreeMap<>();
            Set<Integer> hiddenRows = new java.util.HashSet<>();
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                if (row.getZeroHeight()) {
                    hiddenRows.add(row.getRowNum());
                }
                for (org.apache.poi.ss.usermodel.Cell cell : row) {
                    Typed typed = Cells.readSafely(cell);
                    if (!(typed instanceof Typed.Blank)) {
                        rows.computeIfAbsent(row.getRowNum(), r -> new TreeMap<>()).put(cell.getColumnIndex(), typed);
                    }
                }
            }
            List<Merge> merges = sheet.getMergedRegions().stream().map(m -> new Merge(m.getFirstRow(), m.getLastRow(),
                    m.getFirstColumn(), m.getLastColumn())).toList();
            pages.add(new Page(sheet.getSheetName(), workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i), rows,
                    hiddenRows, merges));
        }
        Map<String, Spot> names = new java.util.HashMap<>();
        for (org.apache.poi.ss.usermodel.Name name : workbook.getAllNames()) {
            try {
                String formula = name.getRefersToFormula();
                if (name.isFunctionName() || formula == null || formula.contains("#REF!") || formula.contains(":")) {
                    continue;
                }
                CellReference ref = new CellReference(formula);
                if (ref.getSheetName() != null) {
                    names.put(name.getNameName(), new Spot(ref.getSheetName(), ref.getRow(), ref.getCol()));
                }
            } catch (RuntimeException e) {
                // A name that is not one cell (a constant, a formula) is not one of the form's.
            }
        }
        return new Grid(pages, names);
    }

    java.util.Optional<Page> page(String name) {
        return pages.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** One cell's place: sheet, row and column, counted from 0. */
    record Spot(String sheet, int row, int column) {

        /** As a person finds it: {@code Sheet1!D12}. */
        String shown() {
            return sheet + "!" + new CellReference(row, column).formatAsString();
        }
    }

    /** A rectangle of merged cells. */
    record Merge(int firstRow, int lastRow, int firstColumn, int lastColumn) {

        boolean covers(int row, int column) {
            return row >= firstRow && row <= lastRow && column >= firstColumn && column <= lastColumn;
        }

        boolean isSingleCell() {
            return firstRow == lastRow && firstColumn == lastColumn;
        }

        String shown() {
            return new CellReference(firstRow, firstColumn).formatAsString() + ":"
                    + new CellReference(lastRow, lastColumn).formatAsString();
        }
    }

    /**
     * One sheet: its non-blank cells by row then column, its hidden rows and merged cells.
     *
     * @param hidden the sheet itself is hidden
     */
    record Page(String name, boolean hidden, NavigableMap<Integer, NavigableMap<Integer, Typed>> rows,
            Set<Integer> hiddenRows, List<Merge> merges) {

        Page {
            NavigableMap<Integer, NavigableMap<Integer, Typed>> copy = new TreeMap<>();
            rows.forEach((row, cells) -> copy.put(row, Collections.unmodifiableNavigableMap(new TreeMap<>(cells))));
            rows = Collections.unmodifiableNavigableMap(copy);
            hiddenRows = Set.copyOf(hiddenRows);
            merges = List.copyOf(merges);
        }

        Typed get(int row, int column) {
            NavigableMap<Integer, Typed> cells = rows.get(row);
            Typed typed = cells == null ? null : cells.get(column);
            return typed == null ? Typed.BLANK : typed;
        }

        /** The merged rectangle the cell belongs to, if any. */
        java.util.Optional<Merge> mergeAt(int row, int column) {
            return merges.stream().filter(m -> m.covers(row, column)).findFirst();
        }
    }
}
