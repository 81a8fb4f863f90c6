package appendixfill.spreadsheet;

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
        long parsed = parsePacked(address);
        return parsed < 0 ? Optional.empty() : Optional.of(new int[] {(int) (parsed >>> 20), (int) (parsed & 0xFFFFF)});
    }

    /**
     * An address read without allocating (every cell of every sheet read has one): row << 20 |
     * column, both from 0; -1 when it is not an address.
     */
    static long parsePacked(String address) {
        int at = 0;
        int end = address.length();
        while (at < end && address.charAt(at) == ' ') {
            at++;
        }
        while (end > at && address.charAt(end - 1) == ' ') {
            end--;
        }
        if (at < end && address.charAt(at) == '$') {
            at++;
        }
        int column = 0;
        int letters = 0;
        while (at < end) {
            char c = address.charAt(at);
            char upper = c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
            if (upper < 'A' || upper > 'Z') {
                break;
            }
            column = column * 26 + (upper - 'A' + 1);
            letters++;
            at++;
        }
        if (letters == 0 || letters > 3) {
            return -1;
        }
        if (at < end && address.charAt(at) == '$') {
            at++;
        }
        int digits = end - at;
        if (digits == 0 || digits > 7 || address.charAt(at) == '0') {
            return -1;
        }
        int row = 0;
        for (; at < end; at++) {
            char c = address.charAt(at);
            if (c < '0' || c > '9') {
                return -1;
            }
            row = row * 10 + (c - '0');
        }
        if (column > MAX_COLUMNS || row > MAX_ROWS) {
            return -1;
        }
        return (long) (row - 1) << 20 | (column - 1);
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
