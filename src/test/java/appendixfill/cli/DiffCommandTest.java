package appendixfill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import appendixfill.fixtures.TypedWorkbooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** «appendix-fill diff OLD NEW»: the inputs it refuses. */
class DiffCommandTest {

    @TempDir
    Path folder;

    private Path workbook(String file, String name, String count) throws IOException {
        return TypedWorkbooks.write(Map.of("unit.level", "t:xã", "unit.name", "t:" + name, "period", "t:năm", "year",
                "n:2025", "1.1", "n:" + count), folder.resolve(file));
    }

    @Test
    void twoWorkbooksOfDifferentUnitsAreRefused() throws IOException {
        Path older = workbook("vu-muon.xlsx", "Vũ Muộn", "3");
        Path newer = workbook("cao-son.xlsx", "Cao Sơn", "4");
        CommandRun run = CommandRun.of("diff", older.toString(), newer.toString(), "--out",
                folder.resolve("diff.csv").toString());
        assertEquals(2, run.exit());
        assertEquals("", run.out());
        assertEquals("«" + older + "» là báo cáo của xã Vũ Muộn, còn «" + newer + "» là của xã Cao Sơn: không phải hai "
                + "bản của cùng một biểu. Lệnh diff so sánh bản cũ và bản gửi lại của cùng một đơn vị.\n", run.err());
        assertEquals(false, Files.exists(folder.resolve("diff.csv")));
    }

    @Test
    void aNameWrittenInAnotherCaseIsTheSameUnit() throws IOException {
        Path older = workbook("cu.xlsx", "Vũ Muộn", "3");
        Path newer = workbook("moi.xlsx", "vũ muộn", "3");
        CommandRun run = CommandRun.of("diff", older.toString(), newer.toString(), "--out",
                folder.resolve("diff.csv").toString());
        assertEquals(0, run.exit());
        assertEquals("So sánh «cu.xlsx» (xã Vũ Muộn, năm 2025) với «moi.xlsx» (xã vũ muộn, năm 2025): 1 ô thay đổi.\n"
                + "mã | STT | chỉ tiêu | ô | cũ | mới | tình trạng\n"
                + "unit.name |  | Tên đơn vị (không ghi cấp) | Số liệu | Vũ Muộn | vũ muộn | đã sửa\n"
                + "Đã ghi:\n  " + folder.resolve("diff.csv") + "\n", run.out());
    }

    @Test
    void aGhiChuTypedChangedOrDeletedIsAChangedCellBesideItsLinesValue() throws IOException {
        Map<String, String> common = Map.of("unit.level", "t:xã", "unit.name", "t:Vũ Muộn", "period", "t:năm", "year",
                "n:2025");
        Map<String, String> before = new java.util.HashMap<>(common);
        before.putAll(Map.of("1.1", "n:3", "note:1.2.1", "t:Theo kế hoạch số 10", "note:7.1", "t:Cả văn bản nội bộ"));
        Map<String, String> after = new java.util.HashMap<>(common);
        after.putAll(Map.of("1.1", "n:4", "note:1.1", "t:Gồm 1 công văn", "note:1.2.1", "t:Theo kế hoạch số 12"));
        Path older = TypedWorkbooks.write(before, folder.resolve("cu.xlsx"));
        Path newer = TypedWorkbooks.write(after, folder.resolve("moi.xlsx"));

        CommandRun run = CommandRun.of("diff", older.toString(), newer.toString(), "--out",
                folder.resolve("diff.csv").toString());

        assertEquals(0, run.exit(), run.err());
        assertEquals(java.util.List.of("So sánh «cu.xlsx» (xã Vũ Muộn, năm 2025) với «moi.xlsx» (xã Vũ Muộn, năm 2025): 4 ô"
                + " thay đổi.", "mã | STT | chỉ tiêu | ô | cũ | mới | tình trạng",
                "1.1 | 1.1 | Số văn bản chỉ đạo CCHC đã ban hành (kết luận, chỉ thị, công văn chỉ đạo, quán triệt) | Số liệu"
                        + " | 3 | 4 | đã sửa",
                "1.1 | 1.1 | Số văn bản chỉ đạo CCHC đã ban hành (kết luận, chỉ thị, công văn chỉ đạo, quán triệt) | Ghi chú"
                        + " | trống | Gồm 1 công văn | điền thêm",
                "1.2.1 | 1.2.1 | Số nhiệm vụ đề ra trong kế hoạch | Ghi chú | Theo kế hoạch số 10 | Theo kế hoạch số 12"
                        + " | đã sửa",
                "7.1 | 7.1 | Tổng số văn bản đi giữa các cơ quan nhà nước | Ghi chú | Cả văn bản nội bộ | trống | đã xóa"),
                run.out().lines().limit(6).toList());
        assertEquals(java.util.List.of("\uFEFFcode,stt,indicator,cell,old,new,status",
                "1.1,1.1,\"Số văn bản chỉ đạo CCHC đã ban hành (kết luận, chỉ thị, công văn chỉ đạo, quán triệt)\",value,3,4,"
                        + "changed",
                "1.1,1.1,\"Số văn bản chỉ đạo CCHC đã ban hành (kết luận, chỉ thị, công văn chỉ đạo, quán triệt)\",note,,"
                        + "Gồm 1 công văn,added",
                "1.2.1,1.2.1,Số nhiệm vụ đề ra trong kế hoạch,note,Theo kế hoạch số 10,Theo kế hoạch số 12,changed",
                "7.1,7.1,Tổng số văn bản đi giữa các cơ quan nhà nước,note,Cả văn bản nội bộ,,removed"),
                Files.readAllLines(folder.resolve("diff.csv")));
    }

    @Test
    void twoIdenticalWorkbooksChangeNoCell() throws IOException {
        Path older = workbook("cu.xlsx", "Vũ Muộn", "3");
        Path newer = workbook("moi.xlsx", "Vũ Muộn", "3");
        CommandRun run = CommandRun.of("diff", older.toString(), newer.toString(), "--out",
                folder.resolve("diff.csv").toString());
        assertEquals(0, run.exit());
        assertEquals("So sánh «cu.xlsx» (xã Vũ Muộn, năm 2025) với «moi.xlsx» (xã Vũ Muộn, năm 2025): không ô nào thay"
                + " đổi.\nĐã ghi:\n  " + folder.resolve("diff.csv") + "\n", run.out());
    }

    @Test
    void theOutputMustBeACsvFile() throws IOException {
        Path older = workbook("cu.xlsx", "Vũ Muộn", "3");
        CommandRun run = CommandRun.of("diff", older.toString(), older.toString(), "--out",
                folder.resolve("diff.xlsx").toString());
        assertEquals(2, run.exit());
        assertEquals("Tên tệp kết quả «" + folder.resolve("diff.xlsx") + "» phải có đuôi .csv, ví dụ: --out thay-doi.csv.\n",
                run.err());
    }
}
