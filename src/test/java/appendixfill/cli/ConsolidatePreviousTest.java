package appendixfill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import appendixfill.fixtures.TypedWorkbooks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * «appendix-fill consolidate DIR --previous OLDDIR»: each unit compared with its workbook of the
 * earlier period, found by its code (units.csv and the file's name), else by its name.
 */
class ConsolidatePreviousTest {

    @TempDir
    Path folder;

    private static Map<String, String> commune(String name, String period, String... cells) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("unit.level", "t:xã");
        typed.put("unit.name", "t:" + name);
        typed.put("period", "t:" + period);
        typed.put("year", "n:2025");
        for (int i = 0; i < cells.length; i += 2) {
            typed.put(cells[i], cells[i + 1]);
        }
        return typed;
    }

    private Path folders() throws Exception {
        Path before = Files.createDirectories(folder.resolve("6-thang"));
        Path now = Files.createDirectories(folder.resolve("9-thang"));
        // An Bình by its code (the file names differ, and so does the name it writes): 3.4.1 goes down.
        TypedWorkbooks.write(commune("An Bình", "6 tháng", "3.4.1", "n:40"), before.resolve("001-an-binh.xlsx"));
        TypedWorkbooks.write(commune("An Binh", "9 tháng", "3.4.1", "n:35"), now.resolve("001.xlsx"));
        // Bình Minh by its name: 3.1.4 (a level) jumps from 20 to 80.
        TypedWorkbooks.write(commune("Bình Minh", "6 tháng", "3.1.4", "n:20"), before.resolve("binh-minh.xlsx"));
        TypedWorkbooks.write(commune("Bình Minh", "9 tháng", "3.1.4", "n:80"), now.resolve("bm.xlsx"));
        // Cao Sơn sent nothing the period before.
        TypedWorkbooks.write(commune("Cao Sơn", "9 tháng", "1.1", "n:2"), now.resolve("cao-son.xlsx"));
        Files.writeString(folder.resolve("units.csv"), "code,name\n001,xã An Bình\n002,xã Bình Minh\n003,xã Cao Sơn\n",
                StandardCharsets.UTF_8);
        return now;
    }

    @Test
    void eachUnitIsComparedWithItsWorkbookOfTheEarlierPeriod() throws Exception {
        Path now = folders();
        Path out = folder.resolve("out/tong-hop.xlsx");
        CommandRun run = CommandRun.of("consolidate", now.toString(), "--units", folder.resolve("units.csv").toString(),
                "--previous", folder.resolve("6-thang").toString(), "--out", out.toString(), "--name", "Tỉnh");
        assertEquals("", run.err());
        assertEquals(1, run.exit());
        assertEquals(true, run.out().contains("So sánh với kỳ trước (thư mục «" + folder.resolve("6-thang") + "»): 2 đơn "
                + "vị; 1 số liệu lũy kế giảm (lỗi), 1 số liệu thay đổi bất thường (cảnh báo); xem cột lý do của trang «Tình "
                + "hình nộp báo cáo».\n"), run.out());
        List<String> units = Files.readAllLines(folder.resolve("out/tong-hop.units.csv"), StandardCharsets.UTF_8);
        // Its name typed without a diacritic is not the list's: it is counted for the code its file name carries.
        assertEquals("xã An Bình,001.xlsx,received,0,48,001,,\"biểu ghi đơn vị «xã An Binh», không có trong danh sách; tính"
                + " cho xã An Bình theo mã 001 ở tên tệp; so với kỳ trước (6 tháng đầu năm 2025, tệp «001-an-binh.xlsx»): "
                + "Lỗi: 3.4.1 «Tổng số PAKN đã tiếp nhận (trực tiếp hoặc do cơ quan có thẩm quyền chuyển đến)» giảm từ 40 "
                + "(6 tháng đầu năm 2025) xuống 35 (9 tháng năm 2025). Số liệu lũy kế từ đầu năm không thể giảm so với kỳ "
                + "trước của cùng năm: kiểm tra lại số liệu kỳ này hoặc kỳ trước. Thông tin: kỳ trước ghi tên đơn vị «xã An "
                + "Bình».\"", units.get(1));
        assertEquals("xã Bình Minh,bm.xlsx,received,0,48,002,,\"so với kỳ trước (6 tháng đầu năm 2025, tệp «binh-minh.xlsx»): "
                + "Cảnh báo: 3.1.4 «Tổng số TTHC thuộc thẩm quyền giải quyết tại cơ quan, đơn vị» tăng từ 20 (6 tháng đầu năm "
                + "2025) lên 80 (9 tháng năm 2025), gấp 4 lần, vượt ngưỡng 3 lần. Kiểm tra lại số liệu; nếu đúng, ghi lý do "
                + "ở cột Ghi chú.\"", units.get(2));
        assertEquals("xã Cao Sơn,cao-son.xlsx,received,0,48,003,,", units.get(3));
    }

    @Test
    void anEarlierFolderOfALaterPeriodIsRefused() throws Exception {
        Path now = folders();
        Path out = folder.resolve("out/tong-hop.xlsx");
        CommandRun run = CommandRun.of("consolidate", folder.resolve("6-thang").toString(), "--previous", now.toString(),
                "--out", out.toString(), "--name", "Tỉnh");
        assertEquals(2, run.exit());
        assertEquals("Thư mục kỳ trước «" + now + "» báo cáo 9 tháng năm 2025, không trước kỳ của thư mục «"
                + folder.resolve("6-thang") + "» (6 tháng đầu năm 2025). Với --previous, hãy chỉ ra thư mục các biểu của "
                + "một kỳ trước đó (quý I trước 6 tháng, 6 tháng trước 9 tháng, 9 tháng trước năm). Chưa ghi gì.\n",
                run.err());
        assertEquals(false, Files.exists(out));
    }

    @Test
    void anEarlierFolderWithoutWorkbooksIsRefused() throws Exception {
        Path now = folders();
        Path empty = Files.createDirectories(folder.resolve("trong"));
        CommandRun run = CommandRun.of("consolidate", now.toString(), "--previous", empty.toString(), "--out",
                folder.resolve("out/tong-hop.xlsx").toString());
        assertEquals(2, run.exit());
        assertEquals("Thư mục «" + empty + "» không có tệp bảng tính nào cần tổng hợp (.xlsx, .xlsm, .xls hoặc .ods; tệp "
                + "khóa ~$, tệp ẩn và chính tệp kết quả được bỏ qua). Hãy chỉ ra thư mục chứa các biểu Phụ lục I nhận được "
                + "từ các đơn vị. Chưa ghi gì.\n", run.err());
        CommandRun file = CommandRun.of("consolidate", now.toString(), "--previous", now.resolve("bm.xlsx").toString(),
                "--out", folder.resolve("out/tong-hop.xlsx").toString());
        assertEquals(2, file.exit());
        assertEquals("«" + now.resolve("bm.xlsx") + "» không phải một thư mục. --previous cần thư mục chứa các biểu Phụ "
                + "lục I của kỳ trước. Chưa ghi gì.\n", file.err());
    }
}
