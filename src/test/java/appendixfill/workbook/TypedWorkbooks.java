package appendixfill.workbook;

import appendixfill.form.Layout;
import appendixfill.indicator.Catalogue;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds workbooks for tests from the generated template and cells typed as an officer types
 * them: {@code n:46} a number, {@code t:Có} a text, an empty content a blank cell (on a rate, the
 * formula deleted), {@code note:CODE} the Ghi chú beside a row.
 */
public final class TypedWorkbooks {

    private TypedWorkbooks() {
    }

    /** Reads a typed-cells file: one "code TAB content" a line, # comments. */
    public static Map<String, String> readTyped(Path file) throws IOException {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int tab = line.indexOf('\t');
            typed.put(line.substring(0, tab), line.substring(tab + 1).replace("\\n", "\n"));
        }
        return typed;
    }

    /** The template with the given cells typed in. */
    public static XSSFWorkbook build(Map<String, String> typed) {
        Catalogue catalogue = Catalogue.standard();
        XSSFWorkbook workbook = new TemplateBuilder(catalogue).build();
        typed.forEach((code, content) -> {
            Cell cell;
            if (code.startsWith("note:")) {
                CellReference ref = new CellReference(workbook.getName(catalogue.require(code.substring(5)).name())
                        .getRefersToFormula());
                cell = PoiCells.cell(workbook, new CellReference(ref.getSheetName(), ref.getRow(),
                        Layout.NOTE_COLUMN, false, false));
            } else {
                cell = TemplateBuilder.cellOf(workbook, catalogue.require(code).name());
            }
            if (content.isEmpty()) {
                cell.setBlank();
            } else if (content.startsWith("n:")) {
                cell.setBlank();
                cell.setCellValue(Double.parseDouble(content.substring(2)));
            } else if (content.startsWith("t:")) {
                cell.setBlank();
                cell.setCellValue(content.substring(2));
            } else {
                throw new IllegalArgumentException("typed content must be empty, n:… or t:…, not " + content);
            }
        });
        return workbook;
    }

    /** Writes a typed workbook to a file. */
    public static Path write(Map<String, String> typed, Path file) throws IOException {
        try (XSSFWorkbook workbook = build(typed); OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        return file;
    }
}
