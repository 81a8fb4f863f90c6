package appendixfill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import appendixfill.fixtures.TypedWorkbooks;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A unit that sends its workbook twice: the consolidation uses the later, by what the workbooks say
 * (the tool's stamp, the last save their core properties record; not the file's name or time), says
 * what changed, and tells a workbook edited after it was filled.
 */
class ConsolidateResubmissionTest {

    @TempDir
    Path folder;

    private Map<String, String> typed(String count) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("unit.level", "t:xã");
        typed.put("unit.name", "t:An Bình");
        typed.put("period", "t:năm");
        typed.put("year", "n:2025");
        typed.put("report.date", "t:10/11/2025");
        typed.put("1.1", "n:" + count);
        return typed;
    }

    /** Fills the typed workbook and moves its completed workbook into the received folder under that name. */
    private Path filled(Map<String, String> typed, Path received, String name) throws Exception {
        Path work = Files.createDirectories(folder.resolve("work-" + name));
        Path input = TypedWorkbooks.write(typed, work.resolve("bieu.xlsx"));
        CommandRun.of(input.toString());
        return Files.move(work.resolve("bieu.filled.xlsx"), received.resolve(name));
    }

    private List<String> unitsCsv(Path out) throws Exception {
        return Files.readAllLines(out.resolveSibling("tong-hop.units.csv"));
    }

    @Test
    void theWorkbookFilledLaterIsUsedWhateverItsNameAndWhatChangedIsSaid() throws Exception {
        Path received = Files.createDirectories(folder.resolve("nhan"));
        // Filled first, but named so that it sorts last and its report date is later: the stamp decides.
        Map<String, String> first = typed("3");
        first.put("report.date", "t:20/11/2025");
        filled(first, received, "z-an-binh.xlsx");
        Thread.sleep(5);
        filled(typed("4"), received, "a-an-binh-gui-lai.xlsx");
        Path out = folder.resolve("out/tong-hop.xlsx");
        CommandRun run = CommandRun.of("consolidate", received.toString(), "--out", out.toString(), "--name", "Tỉnh");
        assertEquals("", run.err());
        List<String> units = unitsCsv(out);
        String used = units.stream().filter(l -> l.contains("a-an-binh-gui-lai.xlsx")).findFirst().orElseThrow();
        assertTrue(used.contains(",received,") || used.contains(",with-errors,"), used);
        assertTrue(used.contains("dùng tệp này vì được điền sau ("), used);
        assertTrue(used.contains("so với tệp «z-an-binh.xlsx», đã sửa 2 ô: 1.1 «Số văn bản chỉ đạo CCHC đã ban hành (kết "
                + "luận, chỉ thị, công văn chỉ đạo, quán triệt)»: 3 → 4; «Ngày báo cáo»: 20/11/2025 → 10/11/2025"), used);
        assertTrue(used.contains("điền bằng appendix-fill 0.1.0 lúc "), used);
        String other = units.stream().filter(l -> l.contains("z-an-binh.xlsx,")).findFirst().orElseThrow();
        assertTrue(other.contains(",duplicate,"), other);
    }

    /** A workbook as the officer saves it in Excel or LibreOffice, saying when: not filled by the tool. */
    private Path saved(Map<String, String> typed, Path file, Instant when) throws Exception {
        try (XSSFWorkbook book = TypedWorkbooks.build(typed); OutputStream out = Files.newOutputStream(file)) {
            book.getProperties().getCoreProperties().setModified(Optional.of(Date.from(when)));
            book.write(out);
        }
        return file;
    }

    @Test
    void aWorkbookSavedAfterTheOtherWasFilledIsUsedThoughTheToolDidNotFillIt() throws Exception {
        // The officer filled the workbook, then corrected the figure in Excel and sent that file as well.
        Path received = Files.createDirectories(folder.resolve("nhan"));
        filled(typed("3"), received, "an-binh.xlsx");
        Instant later = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        saved(typed("4"), received.resolve("an-binh-sua.xlsx"), later);
        Path out = folder.resolve("out/tong-hop.xlsx");
        CommandRun.of("consolidate", received.toString(), "--out", out.toString(), "--name", "Tỉnh");
        List<String> units = unitsCsv(out);
        String used = units.stream().filter(l -> l.contains("an-binh-sua.xlsx")).findFirst().orElseThrow();
        String at = DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy").withZone(ZoneOffset.UTC).format(later);
        assertTrue(used.contains("dùng tệp này vì mới hơn (lưu lúc " + at + " UTC, tệp «an-binh.xlsx» điền bằng "
                + "appendix-fill lúc "), used);
        assertTrue(used.contains("1.1 «Số văn bản chỉ đạo CCHC đã ban hành (kết luận, chỉ thị, công văn chỉ đạo, "
                + "quán triệt)»: 3 → 4"), used);
        String other = units.stream().filter(l -> l.contains("an-binh.xlsx,")).findFirst().orElseThrow();
        assertTrue(other.contains(",duplicate,"), other);
    }

    @Test
    void aWorkbookFilledAfterTheOtherWasSavedIsUsed() throws Exception {
        Path received = Files.createDirectories(folder.resolve("nhan"));
        Instant earlier = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        saved(typed("4"), received.resolve("an-binh-sua.xlsx"), earlier);
        filled(typed("3"), received, "an-binh.xlsx");
        Path out = folder.resolve("out/tong-hop.xlsx");
        CommandRun.of("consolidate", received.toString(), "--out", out.toString(), "--name", "Tỉnh");
        String used = unitsCsv(out).stream().filter(l -> l.contains("an-binh.xlsx,")).findFirst().orElseThrow();
        String at = DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy").withZone(ZoneOffset.UTC).format(earlier);
        assertTrue(used.contains("dùng tệp này vì mới hơn (điền bằng appendix-fill lúc "), used);
        assertTrue(used.contains(", tệp «an-binh-sua.xlsx» lưu lúc " + at + " UTC)"), used);
    }

    @Test
    void aCompletedWorkbookEditedAfterFillingIsSaidToBe() throws Exception {
        Path received = Files.createDirectories(folder.resolve("nhan"));
        Path workbook = filled(typed("3"), received, "an-binh.xlsx");
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook book = new XSSFWorkbook(in)) {
            var name = book.getName("PL_1_1");
            var ref = new org.apache.poi.ss.util.CellReference(name.getRefersToFormula());
            book.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol()).setCellValue(30);
            try (OutputStream out = Files.newOutputStream(received.resolve("an-binh-sua.xlsx"))) {
                book.write(out);
            }
        }
        Files.delete(workbook);
        Path out = folder.resolve("out/tong-hop.xlsx");
        CommandRun.of("consolidate", received.toString(), "--out", out.toString(), "--name", "Tỉnh");
        String line = unitsCsv(out).stream().filter(l -> l.contains("an-binh-sua.xlsx")).findFirst().orElseThrow();
        assertTrue(line.contains("số liệu đã bị sửa sau khi điền, khác với lúc điền: cần chạy lại appendix-fill"), line);
    }
}
