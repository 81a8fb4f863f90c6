package appendixfill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import appendixfill.workbook.TypedWorkbooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * «appendix-fill consolidate» as a receiver uses it: a folder of commune workbooks (raw and
 * completed, one sent twice, one unreadable, one from another year) and a list of units of which
 * two sent nothing.
 */
class ConsolidateCommandTest {

    @TempDir
    Path folder;

    static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    static Map<String, String> commune(String name, String year, String... cells) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("unit.level", "t:xã");
        typed.put("unit.name", "t:" + name);
        typed.put("period", "t:năm");
        typed.put("year", "n:" + year);
        for (int i = 0; i < cells.length; i += 2) {
            typed.put(cells[i], cells[i + 1]);
        }
        return typed;
    }

    static final String[] AN_BINH = {"1.1", "n:4", "1.2.1", "n:10", "1.2.2", "n:10", "1.4", "t:Có",
        "7.1", "n:100", "7.1.a", "n:80", "7.1.b", "n:20", "7.2.4.a", "n:329", "7.2.4.b", "n:96",
        "report.date", "t:10/11/2023"};
    static final String[] BINH_MINH = {"1.2.1", "n:3", "1.2.2", "n:0", "1.4", "t:Không",
        "7.1", "n:300", "7.1.a", "n:40", "7.1.b", "n:60", "7.2.4.a", "n:71", "7.2.4.b", "n:54",
        "report.date", "t:12/11/2023"};

    /** The folder of the "done when", and its units.csv. */
    Path receivedFolder() throws IOException {
        Path in = Files.createDirectories(folder.resolve("nhan"));
        TypedWorkbooks.write(commune("An Bình", "2023", AN_BINH), in.resolve("an-binh.xlsx"));
        // Sent again a week later with 1.1 corrected: the later one counts.
        String[] again = AN_BINH.clone();
        again[1] = "n:5";
        again[again.length - 1] = "t:17/11/2023";
        TypedWorkbooks.write(commune("An Bình", "2023", again), in.resolve("an-binh-gui-lai.xlsx"));
        TypedWorkbooks.write(commune("Bình Minh", "2023", BINH_MINH), in.resolve("002.xlsx"));
        TypedWorkbooks.write(commune("Cao Sơn", "2022", "1.1", "n:100"), in.resolve("cao-son.xlsx"));
        Files.writeString(in.resolve("dong-hai.xlsx"), "tệp hỏng");
        Files.writeString(folder.resolve("units.csv"), """
                \uFEFFcode,name,parent
                001,xã An Bình,Cụm 1
                002,xã Bình Minh,Cụm 1
                003,xã Cao Sơn,Cụm 2
                004,phường Đông Hải,Cụm 2
                005,xã Eo Gió,Cụm 2
                """, StandardCharsets.UTF_8);
        return in;
    }

    @Test
    void consolidatesTheFolderListingEveryProblemUnitWithItsReason() throws IOException {
        Path in = receivedFolder();
        Path out = folder.resolve("tinh.xlsx");

        CommandRun run = run("consolidate", in.toString(), "--units", folder.resolve("units.csv").toString(),
                "--out", out.toString(), "--name", "UBND tỉnh Thử");

        assertEquals("", run.err());
        assertEquals(1, run.exit());
        assertEquals("""
                Tổng hợp năm 2023: 2 đơn vị.
                  Gửi trùng: 1
                  Sai kỳ hoặc năm báo cáo: 1
                  Không đọc được: 1
                  Chưa gửi: 2
                Đã ghi:
                  %1$s.xlsx
                  %1$s.values.csv
                  %1$s.long.csv
                  %1$s.units.csv
                  %1$s.report.txt
                """.formatted(folder.resolve("tinh")), run.out());

        String units = Files.readString(folder.resolve("tinh.units.csv"), StandardCharsets.UTF_8);
        assertEquals("\uFEFF" + """
                unit,file,status,errors,warnings,code,parent,reason\r
                xã An Bình,an-binh-gui-lai.xlsx,received,0,40,001,Cụm 1,gửi 2 tệp; dùng tệp này vì có ngày báo cáo \
                muộn hơn (17/11/2023 so với 10/11/2023)\r
                xã An Bình,an-binh.xlsx,duplicate,0,40,001,Cụm 1,"gửi trùng; không dùng, đã dùng tệp «an-binh-gui-lai.xlsx» \
                vì có ngày báo cáo muộn hơn (17/11/2023 so với 10/11/2023)"\r
                xã Bình Minh,002.xlsx,received,0,41,002,Cụm 1,\r
                xã Cao Sơn,cao-son.xlsx,wrong-period,0,48,003,Cụm 2,"báo cáo năm 2022, cần năm 2023"\r
                phường Đông Hải,,missing,,,004,Cụm 2,chưa nhận được báo cáo\r
                xã Eo Gió,,missing,,,005,Cụm 2,chưa nhận được báo cáo\r
                dong-hai.xlsx,dong-hai.xlsx,unreadable,,,,,"Tệp «%s» là một tệp văn bản thường, không phải bảng \
                tính. Cần bảng tính Phụ lục I dạng Excel (.xlsx, .xlsm, .xls) hoặc LibreOffice (.ods): hãy mở bằng \
                Excel hoặc LibreOffice và lưu lại dưới dạng .xlsx, hoặc chép số liệu vào mẫu tạo bởi lệnh \
                «appendix-fill template -o mau.xlsx». Nếu là tệp CSV, khi mở hãy chọn bảng mã UTF-8 để giữ đúng \
                chữ tiếng Việt."\r
                """.formatted(in.resolve("dong-hai.xlsx")), units);

        List<String> values = Files.readAllLines(folder.resolve("tinh.values.csv"), StandardCharsets.UTF_8);
        // By hand: (10 + 0) ÷ (10 + 3) × 100 = 76,92; (96 + 54) ÷ (329 + 71) × 100 = 37,50;
        // 7.1 shares weighted: (80 × 100 + 40 × 300) ÷ 400 = 50; 1.1 only An Bình's later 5.
        assertLine(values, "1.1,", ",Văn bản,5,summed,1/2 đơn vị có số liệu");
        assertLine(values, "1.2,", ",76.92,derived,tính lại từ tổng 1.2.2 «Số nhiệm vụ đã hoàn thành» ÷ tổng 1.2.1 "
                + "«Số nhiệm vụ đề ra trong kế hoạch» × 100");
        assertLine(values, "7.2.4,", ",37.50,derived,");
        assertLine(values, "7.2.4.a,", ",400,summed,");
        assertLine(values, "7.1.a,", ",50,weighted,bình quân theo quyền số là 7.1 «");
        assertLine(values, "1.4,", ",1,counted,1/2 đơn vị trả lời «Có»");
        assertLine(values, "4.1.4,", ",,per-unit,không có cơ sở để tính tỷ lệ chung");
        assertLine(values, "unit.name,", ",UBND tỉnh Thử,entered,");

        List<String> longRows = Files.readAllLines(folder.resolve("tinh.long.csv"), StandardCharsets.UTF_8);
        assertTrue(longRows.get(0).endsWith("unit_code,unit,code,value,status"), longRows.get(0));
        assertTrue(longRows.stream().anyMatch(r -> r.matches("(\\d*|\"\"),xã An Bình,7\\.2\\.4,29\\.18,derived")),
                String.join("\n", longRows.subList(0, 5)));
        assertTrue(longRows.stream().anyMatch(r -> r.matches("(\\d*|\"\"),xã Bình Minh,1\\.4,Không,entered")));
        assertTrue(longRows.stream().anyMatch(r -> r.matches("(\\d*|\"\"),xã Bình Minh,1\\.1,,missing")));

        String report = Files.readString(folder.resolve("tinh.report.txt"), StandardCharsets.UTF_8);
        assertTrue(report.contains("- Chưa gửi báo cáo (2 đơn vị): phường Đông Hải, xã Eo Gió."), report);
        assertTrue(report.contains("- Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến: 37,50 % (150 trên 400 hồ sơ)."), report);
        assertTrue(report.contains("- Tổ chức đối thoại với người dân, doanh nghiệp: 1/2 đơn vị trả lời «Có»."), report);
    }

    private static void assertLine(List<String> lines, String start, String fragment) {
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(start) && l.contains(fragment)),
                start + "…" + fragment + " not in\n" + String.join("\n", lines));
    }

    @Test
    void aProvinceOfGroupsEqualsTheProvinceOfCommunes() throws IOException {
        Path communes = Files.createDirectories(folder.resolve("xa"));
        Path group1 = Files.createDirectories(folder.resolve("cum-1"));
        Path group2 = Files.createDirectories(folder.resolve("cum-2"));
        Path groups = Files.createDirectories(folder.resolve("cum"));
        Map<String, String> a = commune("An Bình", "2023", AN_BINH);
        Map<String, String> b = commune("Bình Minh", "2023", BINH_MINH);
        Map<String, String> c = commune("Cao Sơn", "2023", "1.1", "n:7", "1.4", "t:Có", "7.1", "n:50", "7.1.a", "n:10",
                "7.2.4.a", "n:0", "7.2.4.b", "n:0", "3.3.b", "n:12", "3.3.c", "n:11");
        for (Path target : List.of(communes, group1)) {
            TypedWorkbooks.write(a, target.resolve("a.xlsx"));
            TypedWorkbooks.write(b, target.resolve("b.xlsx"));
        }
        TypedWorkbooks.write(c, communes.resolve("c.xlsx"));
        TypedWorkbooks.write(c, group2.resolve("c.xlsx"));

        run("consolidate", communes.toString(), "--out", folder.resolve("tinh-tu-xa.xlsx").toString(), "--name", "Tỉnh");
        run("consolidate", group1.toString(), "--out", groups.resolve("cum-1.xlsx").toString(), "--name", "Cụm 1");
        run("consolidate", group2.toString(), "--out", groups.resolve("cum-2.xlsx").toString(), "--name", "Cụm 2");
        CommandRun run = run("consolidate", groups.toString(), "--out", folder.resolve("tinh-tu-cum.xlsx").toString(),
                "--name", "Tỉnh");

        assertEquals("", run.err());
        assertTrue(run.out().startsWith("Tổng hợp năm 2023: 3 đơn vị.\n"), run.out());
        assertEquals(Files.readString(folder.resolve("tinh-tu-xa.values.csv")),
                Files.readString(folder.resolve("tinh-tu-cum.values.csv")));
        List<String> longRows = Files.readAllLines(folder.resolve("tinh-tu-cum.long.csv"), StandardCharsets.UTF_8);
        assertTrue(longRows.stream().anyMatch(r -> r.matches("(\\d*|\"\"),Cụm 1,1\\.4,1/2,entered")), String.join("\n", longRows));
    }

    @Test
    void aMissingFolderIsOneMessageAndNothingWritten() {
        CommandRun run = run("consolidate", folder.resolve("khong-co").toString(), "--out", folder.resolve("t.xlsx").toString());
        assertEquals(2, run.exit());
        assertEquals("Không tìm thấy thư mục «" + folder.resolve("khong-co") + "». Hãy chỉ ra thư mục chứa các biểu "
                + "Phụ lục I (.xlsx, .xlsm, .xls hoặc .ods) nhận được từ các đơn vị.\n", run.err());
        assertTrue(!Files.exists(folder.resolve("t.xlsx")));
    }

    @Test
    void aPeriodThatIsNoPeriodIsRefused() {
        CommandRun run = run("consolidate", folder.toString(), "--period", "quý V 2023");
        assertEquals(2, run.exit());
        assertEquals("Kỳ báo cáo «quý V 2023» không hợp lệ. Ghi như \"năm 2023\", \"quý III 2024\", "
                + "\"6 tháng 2025\" hoặc \"9 tháng 2025\".\n", run.err());
    }

    @Test
    void theRefusalsAreSaidInEnglishWithLangEn() throws IOException {
        Path missing = folder.resolve("khong-co");
        CommandRun noFolder = run("consolidate", missing.toString(), "--lang", "en");
        assertEquals(2, noFolder.exit());
        assertEquals("Folder «" + missing + "» not found. Give the folder holding the Phụ lục I workbooks (.xlsx, "
                + ".xlsm, .xls or .ods) received from the units.\n", noFolder.err());

        CommandRun badPeriod = run("consolidate", folder.toString(), "--period", "quý V 2023", "--lang", "en");
        assertEquals(2, badPeriod.exit());
        assertEquals("Period «quý V 2023» is not valid. Write it as \"năm 2023\", \"quý III 2024\", \"6 tháng 2025\" "
                + "or \"9 tháng 2025\".\n", badPeriod.err());

        CommandRun notXlsx = run("consolidate", folder.toString(), "--out", folder.resolve("t.csv").toString(),
                "--lang=en");
        assertEquals(2, notXlsx.exit());
        assertEquals("The output file «" + folder.resolve("t.csv") + "» must end in .xlsx, for example: "
                + "--out tong-hop.xlsx.\n", notXlsx.err());

        Path units = Files.writeString(folder.resolve("ds.csv"), "code,name,parent\n001,xã An Bình,\n001,xã Bình Minh,\n",
                StandardCharsets.UTF_8);
        CommandRun twice = run("consolidate", folder.toString(), "--units", units.toString(), "--out",
                folder.resolve("t.xlsx").toString(), "--lang", "en");
        assertEquals(2, twice.exit());
        assertEquals("The list of units «" + units + "», line 3: code «001» is on an earlier line already; one line "
                + "per unit, one code per unit.\n", twice.err());
        assertTrue(!Files.exists(folder.resolve("t.xlsx")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            vi | 'Tệp danh sách đơn vị «<FILE>», dòng 2: thiếu mã đơn vị (cột code).'
            en | 'The list of units «<FILE>», line 2: the unit''s code (column code) is missing.'
            """)
    void aUnitWithoutItsCodeIsRefusedInTheLanguageAsked(String language, String expected) throws IOException {
        Path units = Files.writeString(folder.resolve("ds.csv"), "code,name,parent\n,xã An Bình,\n",
                StandardCharsets.UTF_8);
        CommandRun run = run("consolidate", folder.toString(), "--units", units.toString(), "--out",
                folder.resolve("t.xlsx").toString(), "--lang", language);
        assertEquals(2, run.exit());
        assertEquals(expected.replace("<FILE>", units.toString()) + "\n", run.err());
    }

    @Test
    void theSameFolderGivesByteIdenticalOutputs() throws IOException {
        Path in = receivedFolder();
        Path first = Files.createDirectories(folder.resolve("lan-1"));
        Path second = Files.createDirectories(folder.resolve("lan-2"));
        run("consolidate", in.toString(), "--units", folder.resolve("units.csv").toString(), "--out",
                first.resolve("t.xlsx").toString(), "--name", "Tỉnh");
        run("consolidate", in.toString(), "--units", folder.resolve("units.csv").toString(), "--out",
                second.resolve("t.xlsx").toString(), "--name", "Tỉnh");
        for (String name : List.of("t.xlsx", "t.values.csv", "t.long.csv", "t.units.csv", "t.report.txt")) {
            assertEquals(java.util.Arrays.toString(Files.readAllBytes(first.resolve(name))),
                    java.util.Arrays.toString(Files.readAllBytes(second.resolve(name))), name);
        }
    }

    @Test
    void aUnitsListWithoutItsHeaderIsOneMessageAndNothingWritten() throws IOException {
        Path units = Files.writeString(folder.resolve("ds.csv"), "001,xã An Bình\n", StandardCharsets.UTF_8);
        CommandRun run = run("consolidate", folder.toString(), "--units", units.toString(), "--out",
                folder.resolve("t.xlsx").toString());
        assertEquals(2, run.exit());
        assertEquals("Tệp danh sách đơn vị «" + units + "» phải có dòng tiêu đề gồm các cột code,name,parent (mã, "
                + "tên, đơn vị trực thuộc); dòng tiêu đề hiện là: [001, xã An Bình].\n", run.err());
        assertTrue(!Files.exists(folder.resolve("t.xlsx")));
    }

    @Test
    void aUnitsListNamingOneCodeTwiceIsRefused() throws IOException {
        Path units = Files.writeString(folder.resolve("ds.csv"), "code,name,parent\n001,xã An Bình,\n001,xã Bình Minh,\n",
                StandardCharsets.UTF_8);
        CommandRun run = run("consolidate", folder.toString(), "--units", units.toString(), "--out",
                folder.resolve("t.xlsx").toString());
        assertEquals(2, run.exit());
        assertEquals("Tệp danh sách đơn vị «" + units + "», dòng 3: mã «001» đã có ở một dòng trước; mỗi đơn vị một "
                + "dòng, mỗi mã một đơn vị.\n", run.err());
    }

    @Test
    void anOfficersOwnTableInOdsIsReadAsASingleFillReadsItNeverTakenForMissing() throws IOException {
        Path in = Files.createDirectories(folder.resolve("nhan"));
        Files.copy(Path.of("src/test/resources/golden/plain-ods/input.ods"), in.resolve("009-bang-rieng.ods"));
        Path units = Files.writeString(folder.resolve("don-vi.csv"), "code,name,parent\n009,xã Chín,Cụm 1\n",
                StandardCharsets.UTF_8);

        CommandRun run = CommandRun.of("consolidate", in.toString(), "--units", units.toString(), "--period", "năm 2023",
                "--out", folder.resolve("t.xlsx").toString());

        assertEquals(1, run.exit());
        List<String> rows = Files.readAllLines(folder.resolve("t.units.csv"), StandardCharsets.UTF_8);
        assertEquals("xã Chín,009-bang-rieng.ods,wrong-period,11,6,009,Cụm 1,\"không ghi kỳ hoặc năm báo cáo, cần năm "
                + "2023\"", rows.get(1));
    }
}
