package appendixfill.workbook;

import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Kind;
import appendixfill.indicator.Sheet;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds Phụ lục I as officers keep it, a plain table without the template's defined names, from
 * the same typed cells as {@link TypedWorkbooks}: the seed's layout (title, two header rows, the
 * header repeated where the seed's pages break), optionally shifted right, on a renamed sheet, with
 * numbers typed as text or the wording of another version of the form.
 */
public final class PlainTables {

    /**
     * How the table is laid out.
     *
     * @param sheet the sheet's name
     * @param shift how many columns come before STT
     * @param textNumbers numbers typed as text ("46" rather than 46)
     * @param wordings wordings that replace the catalogue's, by code (an older or newer form)
     * @param stts STTs that replace the catalogue's, by code (a row renumbered)
     * @param dropped the codes of rows left out
     * @param extra rows added at the end, each "STT|wording|unit|value"
     */
    public record Shape(String sheet, int shift, boolean textNumbers, Map<String, String> wordings,
            Map<String, String> stts, List<String> dropped, List<String> extra) {

        public Shape {
            wordings = Map.copyOf(wordings);
            stts = Map.copyOf(stts);
            dropped = List.copyOf(dropped);
            extra = List.copyOf(extra);
        }

        public Shape(String sheet, int shift, boolean textNumbers, Map<String, String> wordings) {
            this(sheet, shift, textNumbers, wordings, Map.of(), List.of(), List.of());
        }

        public static Shape seed() {
            return new Shape("Phụ lục I", 0, false, Map.of());
        }

        /** Options as golden cases write them: {@code sheet:Sheet1,shift:2,text-numbers}. */
        public static Shape parse(String options) {
            Shape shape = seed();
            for (String option : options.isBlank() ? new String[0] : options.split(",")) {
                String[] parts = option.strip().split(":", 2);
                shape = switch (parts[0]) {
                    case "sheet" -> new Shape(parts[1], shape.shift(), shape.textNumbers(), shape.wordings());
                    case "shift" -> new Shape(shape.sheet(), Integer.parseInt(parts[1]), shape.textNumbers(), shape.wordings());
                    case "text-numbers" -> new Shape(shape.sheet(), shape.shift(), true, shape.wordings());
                    default -> throw new IllegalArgumentException("unknown plain-table option " + option);
                };
            }
            return shape;
        }

        /** With the changes a golden case lists: {@code wording.CODE=}, {@code stt.CODE=}, {@code drop=}, {@code extra=}. */
        public Shape with(java.util.Properties properties) {
            Map<String, String> wordings = new HashMap<>();
            Map<String, String> stts = new HashMap<>();
            for (String key : properties.stringPropertyNames()) {
                if (key.startsWith("wording.")) {
                    wordings.put(key.substring("wording.".length()), properties.getProperty(key));
                } else if (key.startsWith("stt.")) {
                    stts.put(key.substring("stt.".length()), properties.getProperty(key));
                }
            }
            String drop = properties.getProperty("drop", "");
            String extra = properties.getProperty("extra", "");
            return new Shape(sheet, shift, textNumbers, wordings, stts,
                    drop.isBlank() ? List.of() : List.of(drop.split(",")),
                    extra.isBlank() ? List.of() : List.of(extra.split(";")));
        }
    }

    private PlainTables() {
    }

    /** Writes the plain table as .xlsx or, for a name ending in .xls, as Excel 97–2003. */
    public static Path write(Map<String, String> typed, Shape shape, Path file) throws IOException {
        try (Workbook workbook = file.toString().endsWith(".xls") ? new HSSFWorkbook() : new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            build(typed, shape, workbook);
            workbook.write(out);
        }
        return file;
    }

    /** Fills an empty workbook with the plain table; returns the sheet's row of each indicator. */
    public static Map<String, Integer> build(Map<String, String> typed, Shape shape, Workbook workbook) {
        Catalogue catalogue = Catalogue.standard();
        org.apache.poi.ss.usermodel.Sheet sheet = workbook.createSheet(shape.sheet());
        int c = shape.shift();
        if (c > 0) {
            // The columns an officer inserted in front: a running number and a tick column.
            sheet.createRow(0).createCell(0).setCellValue("Đơn vị: xã Vũ Muộn");
        }
        text(sheet, 1, c, "Phụ lục I");
        text(sheet, 2, c, "BIỂU THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC");
        text(sheet, 3, c, "NĂM 2023 XÃ VŨ MUỘN");
        List<Indicator> rows = catalogue.on(Sheet.APPENDIX);
        Map<String, Integer> rowOf = new HashMap<>();
        int r = 6;
        for (Indicator indicator : rows) {
            if (indicator.code().equals("3.1.4")) {
                r += 2; // where the seed's second page repeats the header
            }
            if (indicator.code().equals("7.1.a")) {
                r += 2;
            }
            rowOf.put(indicator.code(), r++);
        }
        header(sheet, 4, c);
        header(sheet, rowOf.get("3.1.4") - 2, c);
        header(sheet, rowOf.get("7.1.a") - 2, c);
        int end = rowOf.values().stream().mapToInt(Integer::intValue).max().orElse(6) + 1;
        for (String line : shape.extra()) {
            String[] cells = line.split("\\|", -1);
            for (int i = 0; i < cells.length; i++) {
                text(sheet, end, c + i, cells[i]);
            }
            end++;
        }
        for (Indicator indicator : rows) {
            if (shape.dropped().contains(indicator.code())) {
                continue;
            }
            int at = rowOf.get(indicator.code());
            if (c > 0) {
                text(sheet, at, 0, String.valueOf(at - 5));
            }
            text(sheet, at, c, shape.stts().getOrDefault(indicator.code(), indicator.stt()));
            text(sheet, at, c + 1, shape.wordings().getOrDefault(indicator.code(), indicator.wording()));
            text(sheet, at, c + 2, indicator.unit());
            if (indicator.kind() == Kind.HEADING) {
                continue;
            }
            String content = typed.get(indicator.code());
            Cell value = cell(sheet, at, c + 3);
            if (content == null && indicator.kind() == Kind.RATE) {
                String numerator = new CellReference(rowOf.get(indicator.numerator()), c + 3).formatAsString();
                String denominator = new CellReference(rowOf.get(indicator.denominator()), c + 3).formatAsString();
                value.setCellFormula("IF(" + denominator + "=0,\"\",ROUND(" + numerator + "/" + denominator + "*100,2))");
            } else if (content != null && content.startsWith("n:")) {
                if (shape.textNumbers()) {
                    value.setCellValue(content.substring(2).replaceFirst("\\.0$", ""));
                } else {
                    value.setCellValue(Double.parseDouble(content.substring(2)));
                }
            } else if (content != null && content.startsWith("t:")) {
                value.setCellValue(content.substring(2));
            }
            String note = typed.get("note:" + indicator.code());
            if (note != null) {
                text(sheet, at, c + 4, note.substring(2));
            }
        }
        return rowOf;
    }

    private static void header(org.apache.poi.ss.usermodel.Sheet sheet, int r, int c) {
        text(sheet, r, c, "STT");
        text(sheet, r, c + 1, "Chỉ tiêu thống kê (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)");
        text(sheet, r, c + 2, "Kết quả thống kê");
        text(sheet, r, c + 4, "Ghi chú");
        text(sheet, r + 1, c + 2, "Đơn vị tính");
        text(sheet, r + 1, c + 3, "Số liệu");
        sheet.addMergedRegion(new CellRangeAddress(r, r, c + 2, c + 3));
        sheet.addMergedRegion(new CellRangeAddress(r, r + 1, c, c));
        sheet.addMergedRegion(new CellRangeAddress(r, r + 1, c + 1, c + 1));
    }

    static void text(org.apache.poi.ss.usermodel.Sheet sheet, int r, int c, String text) {
        if (!text.isEmpty()) {
            cell(sheet, r, c).setCellValue(text);
        }
    }

    static Cell cell(org.apache.poi.ss.usermodel.Sheet sheet, int r, int c) {
        Row row = sheet.getRow(r) != null ? sheet.getRow(r) : sheet.createRow(r);
        return row.getCell(c) != null ? row.getCell(c) : row.createCell(c);
    }
}
