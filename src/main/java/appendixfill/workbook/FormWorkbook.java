package appendixfill.workbook;

import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Kind;
import appendixfill.indicator.Sheet;
import appendixfill.input.Typed;
import appendixfill.input.UnusableInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A Phụ lục I workbook opened from a file: the cells the catalogue names, as the officer left
 * them. The file itself is only read, never written.
 */
public final class FormWorkbook implements AutoCloseable {

    private final Path file;
    private final XSSFWorkbook workbook;
    private final Map<String, CellReference> cells;
    private final Map<String, Typed> typed;
    private final Map<String, String> notes;
    private final Ledger ledger;

    private FormWorkbook(Path file, XSSFWorkbook workbook, Map<String, CellReference> cells,
            Map<String, Typed> typed, Map<String, String> notes, Ledger ledger) {
        this.file = file;
        this.workbook = workbook;
        this.cells = cells;
        this.typed = typed;
        this.notes = notes;
        this.ledger = ledger;
    }

    /** Opens a workbook, or says in Vietnamese why it cannot be used. */
    public static FormWorkbook open(Path file, Catalogue catalogue) throws UnusableInput {
        String shown = "«" + file + "»";
        requireReadableFile(file, shown);
        XSSFWorkbook workbook = load(file, shown);
        try {
            Map<String, CellReference> cells = locate(workbook, catalogue, shown);
            Ledger ledger = Ledger.read(workbook);
            Map<String, Typed> typed = new LinkedHashMap<>();
            Map<String, String> notes = new LinkedHashMap<>();
            for (Indicator indicator : catalogue.indicators()) {
                CellReference ref = cells.get(indicator.code());
                if (ref == null) {
                    continue;
                }
                Cell cell = cell(workbook, ref);
                typed.put(indicator.code(), ledger.original(indicator.code(), Cells.read(cell)));
                if (indicator.sheet() == Sheet.APPENDIX) {
                    Typed note = Cells.read(cell(workbook, new CellReference(ref.getSheetName(), ref.getRow(),
                            Layout.NOTE_COLUMN, false, false)));
                    if (note instanceof Typed.Text text) {
                        notes.put(indicator.code(), appendixfill.rule.Interpretation.normalise(text.text()));
                    }
                }
            }
            return new FormWorkbook(file, workbook, cells, Collections.unmodifiableMap(typed),
                    Collections.unmodifiableMap(notes), ledger);
        } catch (UnusableInput | RuntimeException e) {
            closeQuietly(workbook);
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    /** What each cell held as the officer typed it (what the tool rewrote earlier is taken back). */
    public Map<String, Typed> typed() {
        return typed;
    }

    /** The officer's Ghi chú beside each row of the appendix that has one. */
    public Map<String, String> notes() {
        return notes;
    }

    /** The cell of an indicator as a person finds it: 'Phụ lục I'!D40. */
    public String address(String code) {
        CellReference ref = cells.get(code);
        return ref == null ? "" : ref.getSheetName() + "!" + new CellReference(ref.getRow(), ref.getCol()).formatAsString();
    }

    XSSFWorkbook workbook() {
        return workbook;
    }

    Map<String, CellReference> cells() {
        return cells;
    }

    Ledger ledger() {
        return ledger;
    }

    static Cell cell(XSSFWorkbook workbook, CellReference ref) {
        org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheet(ref.getSheetName());
        Row row = sheet.getRow(ref.getRow());
        if (row == null) {
            row = sheet.createRow(ref.getRow());
        }
        Cell cell = row.getCell(ref.getCol());
        return cell != null ? cell : row.createCell(ref.getCol());
    }

    @Override
    public void close() {
        closeQuietly(workbook);
    }

    private static void requireReadableFile(Path file, String shown) throws UnusableInput {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (Files.isDirectory(file)) {
            throw new UnusableInput(shown + " là một thư mục, không phải tệp. Hãy chỉ ra tệp .xlsx cần xử lý.");
        }
        if (!Files.exists(file)) {
            throw new UnusableInput("Không tìm thấy tệp " + shown + ". Hãy kiểm tra lại tên và đường dẫn; "
                    + "cần một tệp Excel .xlsx theo mẫu Phụ lục I.");
        }
        if (name.startsWith("~$")) {
            throw new UnusableInput("Tệp " + shown + " là tệp khóa tạm của Excel, không phải bảng tính. "
                    + "Hãy chọn tệp «" + name.substring(2) + "».");
        }
        try {
            if (Files.size(file) == 0) {
                throw new UnusableInput("Tệp " + shown + " rỗng (0 byte). Cần một tệp Excel .xlsx theo mẫu Phụ lục I.");
            }
        } catch (IOException e) {
            throw new UnusableInput("Không đọc được tệp " + shown + ": " + e.getMessage() + ".", e);
        }
    }

    private static XSSFWorkbook load(Path file, String shown) throws UnusableInput {
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        } catch (IOException e) {
            throw new UnusableInput("Không đọc được tệp " + shown + ": " + e.getMessage() + ".", e);
        }
        if (magic == FileMagic.OLE2) {
            throw new UnusableInput(ole2Message(file, shown));
        }
        if (magic != FileMagic.OOXML) {
            throw new UnusableInput("Tệp " + shown + " không phải là tệp Excel (.xlsx). Cần một tệp Excel .xlsx theo "
                    + "mẫu Phụ lục I; tạo mẫu trống bằng lệnh «appendix-fill template -o mau.xlsx».");
        }
        requireSpreadsheetPackage(file, shown);
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        } catch (IOException | RuntimeException e) {
            throw new UnusableInput("Tệp " + shown + " bị hỏng, không đọc được như tệp Excel (.xlsx). "
                    + "Hãy mở lại bằng Excel hoặc LibreOffice, lưu lại dưới dạng .xlsx rồi chạy lại.", e);
        }
    }

    /** Looks at the zip's entry names only (not their contents) to tell what kind of document it is. */
    private static void requireSpreadsheetPackage(Path file, String shown) throws UnusableInput {
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                names.add(entry.getName());
            }
        } catch (IOException e) {
            throw new UnusableInput("Tệp " + shown + " bị hỏng hoặc không trọn vẹn (có thể tải về hoặc sao chép "
                    + "chưa xong). Hãy lấy lại tệp gốc, mở bằng Excel hoặc LibreOffice, lưu lại rồi chạy lại.", e);
        }
        if (names.contains("xl/workbook.xml")) {
            return;
        }
        String kind = names.contains("word/document.xml") ? "một văn bản Word (.docx)"
                : names.contains("ppt/presentation.xml") ? "một bản trình chiếu PowerPoint (.pptx)"
                : names.contains("content.xml") ? "một tệp OpenDocument (.ods/.odt)"
                : "một tệp nén, không phải bảng tính Excel";
        throw new UnusableInput("Tệp " + shown + " là " + kind + ", không phải bảng tính Excel (.xlsx). "
                + "Hãy mở biểu Phụ lục I bằng Excel hoặc LibreOffice và lưu dưới dạng .xlsx.");
    }

    private static String ole2Message(Path file, String shown) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            if (fs.getRoot().hasEntry("EncryptionInfo")) {
                return "Tệp " + shown + " được đặt mật khẩu nên không đọc được. Hãy mở bằng Excel, bỏ mật khẩu "
                        + "(Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu, xóa mật khẩu), lưu lại rồi chạy lại.";
            }
        } catch (IOException | RuntimeException e) {
            // Falls through to the generic message below.
        }
        return "Tệp " + shown + " là định dạng Excel 97–2003 (.xls) hoặc không phải bảng tính. "
                + "Hãy mở bằng Excel hoặc LibreOffice và lưu lại dưới dạng Excel Workbook (.xlsx) rồi chạy lại.";
    }

    private static Map<String, CellReference> locate(XSSFWorkbook workbook, Catalogue catalogue, String shown)
            throws UnusableInput {
        Map<String, CellReference> cells = new LinkedHashMap<>();
        List<String> absent = new ArrayList<>();
        for (Indicator indicator : catalogue.indicators()) {
            if (indicator.kind() == Kind.HEADING) {
                continue;
            }
            Name name = workbook.getName(indicator.name());
            CellReference ref = name == null ? null : reference(workbook, name);
            if (ref == null) {
                absent.add(indicator.name());
            } else {
                cells.put(indicator.code(), ref);
            }
        }
        if (cells.isEmpty()) {
            throw new UnusableInput("Tệp " + shown + " không phải biểu Phụ lục I theo mẫu của appendix-fill: không có "
                    + "ô nào được đặt tên như PL_1_1 (trang «" + Sheet.APPENDIX.title() + "»). Hãy nhập số liệu vào mẫu "
                    + "tạo bởi lệnh «appendix-fill template -o mau.xlsx».");
        }
        if (!absent.isEmpty()) {
            throw new UnusableInput("Tệp " + shown + " thiếu " + absent.size() + " ô được đặt tên của mẫu Phụ lục I ("
                    + String.join(", ", absent.subList(0, Math.min(5, absent.size())))
                    + (absent.size() > 5 ? ", …" : "") + "); có thể các dòng đã bị xóa. Hãy chép số liệu sang mẫu "
                    + "mới tạo bởi lệnh «appendix-fill template -o mau.xlsx».");
        }
        return cells;
    }

    private static CellReference reference(XSSFWorkbook workbook, Name name) {
        String formula = name.getRefersToFormula();
        if (formula == null || formula.contains("#REF!") || formula.contains(":")) {
            return null;
        }
        CellReference ref = new CellReference(formula);
        return ref.getSheetName() != null && workbook.getSheet(ref.getSheetName()) != null ? ref : null;
    }

    private static void closeQuietly(XSSFWorkbook workbook) {
        try {
            workbook.close();
        } catch (IOException e) {
            // Read from memory: nothing to release that could fail meaningfully.
        }
    }
}
