package appendixfill.cli;

import java.nio.file.Path;

/** Plain Phụ lục I tables (no defined names) for the corpus; see appendixfill.workbook.PlainTables. */
final class PlainForms {

    private PlainForms() {
    }

    static void build(String name, Path input) throws Exception {
        throw new IllegalArgumentException("no input builder named '" + name + "'");
    }
}
