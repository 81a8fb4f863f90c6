package appendixfill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import appendixfill.fixtures.TypedWorkbooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** «appendix-fill NAME.xlsx --previous OLD.xlsx»: what an earlier report that cannot be compared gets. */
class PreviousReportCommandTest {

    @TempDir
    Path folder;

    private Path workbook(String file, String level, String name, String period, String... cells) throws IOException {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("unit.level", "t:" + level);
        typed.put("unit.name", "t:" + name);
        typed.put("period", "t:" + period);
        typed.put("year", "n:2025");
        for (int i = 0; i < cells.length; i += 2) {
            typed.put(cells[i], cells[i + 1]);
        }
        return TypedWorkbooks.write(typed, folder.resolve(file));
    }

    private CommandRun fill(Path input, Path previous) {
        return CommandRun.of(input.toString(), "--out", folder.resolve("out").toString(), "--previous",
                previous.toString());
    }

    @Test
    void aPreviousReportOfALaterPeriodIsRefusedNamingBothPeriods() throws IOException {
        Path input = workbook("6-thang.xlsx", "xã", "Vũ Muộn", "6 tháng");
        Path previous = workbook("9-thang.xlsx", "xã", "Vũ Muộn", "9 tháng");
        CommandRun run = fill(input, previous);
        assertEquals(2, run.exit());
        assertEquals("", run.out());
        assertEquals("Tệp kỳ trước «" + previous + "» báo cáo 9 tháng năm 2025, sau kỳ của tệp «" + input
                + "» (6 tháng đầu năm 2025). Với --previous, hãy chỉ ra biểu của một kỳ trước đó (quý I trước 6 tháng, "
                + "6 tháng trước 9 tháng, 9 tháng trước năm).\n", run.err());
        assertEquals(false, Files.exists(folder.resolve("out/6-thang.filled.xlsx")), "nothing is written");
    }

    @Test
    void aPreviousReportOfAnotherUnitIsRefusedNamingBothUnits() throws IOException {
        Path input = workbook("vu-muon.xlsx", "xã", "Vũ Muộn", "6 tháng");
        Path previous = workbook("cao-son.xlsx", "xã", "Cao Sơn", "quý I");
        CommandRun run = fill(input, previous);
        assertEquals(2, run.exit());
        assertEquals("Tệp kỳ trước «" + previous + "» là báo cáo của xã Cao Sơn, còn tệp «" + input
                + "» là của xã Vũ Muộn. Với --previous, hãy chỉ ra biểu của chính đơn vị đó ở kỳ trước.\n", run.err());
    }

    @Test
    void aPreviousReportOfTheSamePeriodPointsToDiff() throws IOException {
        Path input = workbook("moi.xlsx", "xã", "Vũ Muộn", "quý I");
        Path previous = workbook("cu.xlsx", "xã", "Vũ Muộn", "quý I");
        CommandRun run = fill(input, previous);
        assertEquals(2, run.exit());
        assertEquals("Tệp kỳ trước «" + previous + "» cùng kỳ (quý I năm 2025) với tệp «" + input
                + "». Với --previous, hãy chỉ ra biểu của một kỳ trước đó; để xem bản gửi lại đã sửa những gì, dùng: "
                + "appendix-fill diff CŨ.xlsx MỚI.xlsx\n", run.err());
    }

    @Test
    void aPreviousReportWithoutItsPeriodIsRefused() throws IOException {
        Path input = workbook("moi.xlsx", "xã", "Vũ Muộn", "6 tháng");
        Path previous = TypedWorkbooks.write(Map.of("1.1", "n:3"), folder.resolve("cu.xlsx"));
        CommandRun run = fill(input, previous);
        assertEquals(2, run.exit());
        assertEquals("Tệp kỳ trước «" + previous + "» chưa ghi đủ tên đơn vị, kỳ và năm báo cáo (trang «Thông tin báo "
                + "cáo»), nên không biết là báo cáo của đơn vị nào, kỳ nào. Hãy chỉ ra biểu kỳ trước đã ghi đủ các ô đó.\n",
                run.err());
    }

    @Test
    void aMissingPreviousReportIsSaidAsAnyMissingFileIs() throws IOException {
        Path input = workbook("moi.xlsx", "xã", "Vũ Muộn", "6 tháng");
        CommandRun run = fill(input, folder.resolve("khong-co.xlsx"));
        assertEquals(2, run.exit());
        assertEquals("Không tìm thấy tệp «" + folder.resolve("khong-co.xlsx") + "». Hãy kiểm tra lại tên và đường dẫn. "
                + "Cần bảng tính Phụ lục I dạng Excel (.xlsx, .xlsm, .xls) hoặc LibreOffice (.ods).\n", run.err());
    }

    @Test
    void previousTakesOneWorkbookOnly() throws IOException {
        Path a = workbook("a.xlsx", "xã", "Vũ Muộn", "6 tháng");
        Path b = workbook("b.xlsx", "xã", "Cao Sơn", "6 tháng");
        Path previous = workbook("cu.xlsx", "xã", "Vũ Muộn", "quý I");
        CommandRun run = CommandRun.of(a.toString(), b.toString(), "--previous", previous.toString());
        assertEquals(2, run.exit());
        assertEquals("--previous chỉ dùng khi xử lý một biểu, nhưng lệnh nêu 2 tệp. Hãy chạy riêng từng biểu với biểu "
                + "kỳ trước của nó.\n", run.err());
    }

    @Test
    void aLevelWrittenDifferentlyIsAnInfoFindingAndTheFillGoesOn() throws IOException {
        Path input = workbook("moi.xlsx", "phường", "Vũ Muộn", "6 tháng", "1.1", "n:5");
        Path previous = workbook("cu.xlsx", "xã", "Vũ Muộn", "quý I", "1.1", "n:3");
        CommandRun run = fill(input, previous);
        assertEquals("", run.err());
        String findings = Files.readString(folder.resolve("out/moi.findings.csv"));
        assertEquals(true, findings.contains("\r\ninfo,period.unit-changed,unit.level,Thông tin báo cáo!B5,"
                + "\"«Cấp đơn vị» kỳ trước (quý I năm 2025) ghi «xã», kỳ này ghi «phường».\"\r\n"), findings);
    }

    @Test
    void aWorkbookWithoutItsOwnPeriodIsNotComparedAndSaysSo() throws IOException {
        Path input = TypedWorkbooks.write(Map.of("unit.level", "t:xã", "unit.name", "t:Vũ Muộn"),
                folder.resolve("moi.xlsx"));
        Path previous = workbook("cu.xlsx", "xã", "Vũ Muộn", "quý I");
        CommandRun run = fill(input, previous);
        assertEquals("", run.err());
        String findings = Files.readString(folder.resolve("out/moi.findings.csv"));
        assertEquals(true, findings.contains("warning,period.not-compared,period,Thông tin báo cáo!B8,"
                + "\"Chưa so sánh được với báo cáo kỳ trước «cu.xlsx» (quý I năm 2025), vì biểu này chưa ghi đủ tên đơn vị, "
                + "kỳ và năm báo cáo.\"\r\n"), findings);
    }
}
