package appendixfill.spreadsheet;

import java.util.Locale;
import java.util.Optional;

/**
 * A cell's place: its sheet, and its row and column counted from 0.
 *
 * @param sheet the sheet's name as the workbook gives it
 */
public record CellRef(String sheet, int row, int column) {

    /** Excel's last row and column. */
    public static final int MAX_ROWS = 1_048_576;
    public static final int MAX_COLUMNS = 16_384;

    /** The cell's address without its sheet: D9. */
    public String address() {
        return address(row, column);
    }

    /** As a person finds it: {@code Phụ lục I!D9}. */
    public String shown() {
        return sheet + "!" + address();
    }

    /** D9 for row 8, column 3. */
    public static String address(int row, int column) {
        return column(column) + (row + 1);
    }

    /** A column's letters: 0 → A, 26 → AA. */
    public static String column(int column) {
        StringBuilder letters = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.toString();
    }

    /** {row, column} of an address such as D9 or $D$9; empty when it is not one. */
    public static Optional<int[]> parse(String address) {
        String cell = address.strip().replace("$", "").toUpperCase(Locale.ROOT);
        int letters = 0;
        while (letters < cell.length() && cell.charAt(letters) >= 'A' && cell.charAt(letters) <= 'Z') {
            letters++;
        }
        if (letters == 0 || letters > 3 || letters == cell.length() || cell.length() - letters > 7
                || cell.charAt(letters) == '0' || !cell.substring(letters).chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int column = 0;
        for (int i = 0; i < letters; i++) {
            column = column * 26 + (cell.charAt(i) - 'A' + 1);
        }
        int row = Integer.parseInt(cell.substring(letters));
        if (column > MAX_COLUMNS || row > MAX_ROWS) {
            return Optional.empty();
        }
        return Optional.of(new int[] {row - 1, column - 1});
    }

    /**
     * Where a defined name's formula points when it is one cell: 'Phụ lục I'!$D$9 (an apostrophe
     * doubled inside quotes); empty for a range, an error, a constant or anything else.
     */
    public static Optional<CellRef> ofReference(String formula) {
        if (formula == null) {
            return Optional.empty();
        }
        String text = formula.strip();
        if (text.startsWith("=")) {
            text = text.substring(1).strip();
        }
        int bang = text.lastIndexOf('!');
        if (bang <= 0 || text.contains(":") || text.contains("#REF!")) {
            return Optional.empty();
        }
        String sheet = text.substring(0, bang).strip();
        if (sheet.length() >= 2 && sheet.startsWith("'") && sheet.endsWith("'")) {
            sheet = sheet.substring(1, sheet.length() - 1).replace("''", "'");
        } else if (sheet.contains("'") || sheet.contains(" ") || sheet.contains("[")) {
            return Optional.empty();
        }
        String sheetName = sheet;
        return parse(text.substring(bang + 1)).filter(rc -> !sheetName.isEmpty())
                .map(rc -> new CellRef(sheetName, rc[0], rc[1]));
    }

    /** How a formula names a cell of a sheet: 'Phụ lục I'!$D$9. */
    public String reference() {
        return "'" + sheet.replace("'", "''") + "'!$" + column(column) + "$" + (row + 1);
    }
}
