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
                + "mã | STT | chỉ tiêu | cũ | mới | tình trạng\n"
                + "unit.name |  | Tên đơn vị (không ghi cấp) | Vũ Muộn | vũ muộn | đã sửa\n"
                + "Đã ghi:\n  " + folder.resolve("diff.csv") + "\n", run.out());
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
