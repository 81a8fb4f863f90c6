package appendixfill.cli;

import appendixfill.fixtures.LibreOffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import appendixfill.fixtures.TypedWorkbooks;
import appendixfill.fixtures.RunStamps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
                  Đã nhận: 2
                  Gửi trùng: 1
                  Sai kỳ hoặc năm báo cáo: 1
                  Không đọc được: 1
                  Chưa gửi: 1
                Đã ghi:
                  %1$s.xlsx
                  %1$s.values.csv
                  %1$s.long.csv
                  %1$s.units.csv
                  %1$s.report.txt
                  %1$s.report.docx
                """.formatted(folder.resolve("tinh")), run.out());

        String units = Files.readString(folder.resolve("tinh.units.csv"), StandardCharsets.UTF_8);
        assertEquals("\uFEFF" + """
                unit,file,status,errors,warnings,code,parent,reason\r
                xã An Bình,an-binh-gui-lai.xlsx,received,0,40,001,Cụm 1,"gửi 2 tệp; dùng tệp này vì có ngày báo cáo \
                muộn hơn (17/11/2023 so với 10/11/2023); so với tệp «an-binh.xlsx», đã sửa 2 ô: 1.1 «Số văn bản chỉ đạo \
                CCHC đã ban hành (kết luận, chỉ thị, công văn chỉ đạo, quán triệt)»: 4 → 5; «Ngày báo cáo»: 10/11/2023 \
                → 17/11/2023"\r
                xã An Bình,an-binh.xlsx,duplicate,0,40,001,Cụm 1,không dùng; đã dùng tệp «an-binh-gui-lai.xlsx» \
                vì có ngày báo cáo muộn hơn (17/11/2023 so với 10/11/2023)\r
                xã Bình Minh,002.xlsx,received,0,41,002,Cụm 1,\r
                xã Cao Sơn,cao-son.xlsx,wrong-period,0,48,003,Cụm 2,"báo cáo năm 2022, cần năm 2023"\r
                phường Đông Hải,dong-hai.xlsx,unreadable,,,004,Cụm 2,"gắn với đơn vị theo tên tệp. Tệp «%s» là một \
                tệp văn bản thường, không phải bảng \
                tính. Cần bảng tính Phụ lục I dạng Excel (.xlsx, .xlsm, .xls) hoặc LibreOffice (.ods): hãy mở bằng \
                Excel hoặc LibreOffice và lưu lại dưới dạng .xlsx, hoặc chép số liệu vào mẫu tạo bởi lệnh \
                «appendix-fill template -o mau.xlsx». Nếu là tệp CSV, khi mở hãy chọn bảng mã UTF-8 để giữ đúng \
                chữ tiếng Việt."\r
                xã Eo Gió,,missing,,,005,Cụm 2,\r
                """.formatted(in.resolve("dong-hai.xlsx")), units);

        List<String> values = Files.readAllLines(folder.resolve("tinh.values.csv"), StandardCharsets.UTF_8);
        // By hand: (10 + 0) ÷ (10 + 3) × 100 = 76,92; (96 + 54) ÷ (329 + 71) × 100 = 37,50;
        // 7.1 shares weighted: (80 × 100 + 40 × 300) ÷ 400 = 50; 1.1 only An Bình's later 5.
        assertLine(values, "1.1,", ",Văn bản,5,summed,1/2 đơn vị có số liệu");
        assertLine(values, "1.2,", ",76.92,derived,tính lại từ tổng 1.2.2 «Số nhiệm vụ đã hoàn thành» ÷ tổng 1.2.1 "
                + "«Số nhiệm vụ đề ra trong kế hoạch» × 100");
        assertLine(values, "7.2.4,", ",37.50,derived,");
        assertLine(values, "7.2.4.a,", ",400,summed,");
        assertLine(values, "7.1.a,", ",50,weighted,bình quân gia quyền theo 7.1 «");
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
        // dong-hai.xlsx cannot be read, but its name carries its unit's: phường Đông Hải did send something.
        assertTrue(report.contains("- Chưa gửi báo cáo (1 đơn vị): xã Eo Gió."), report);
        assertTrue(report.contains("- Không đọc được, không tổng hợp (1 tệp): phường Đông Hải."), report);
        assertTrue(report.contains("- Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến: 37,50% (150 trên 400 hồ sơ)."), report);
        assertTrue(report.contains("- Tổ chức đối thoại với người dân, doanh nghiệp: 1/2 đơn vị trả lời «Có»."), report);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource(delimiter = '|', textBlock = """
            missing | vi | Không đọc được tệp danh sách đơn vị «<FILE>»: không có tệp hoặc thư mục này. Cần tệp CSV UTF-8 với các cột code,name,parent.
            missing | en | The list of units «<FILE>» cannot be read: there is no such file or folder. A UTF-8 CSV file with the columns code,name,parent is needed.
            folder  | vi | Không đọc được tệp danh sách đơn vị «<FILE>»: đây là một thư mục, không phải tệp. Cần tệp CSV UTF-8 với các cột code,name,parent.
            folder  | en | The list of units «<FILE>» cannot be read: it is a folder, not a file. A UTF-8 CSV file with the columns code,name,parent is needed.
            ansi    | vi | Không đọc được tệp danh sách đơn vị «<FILE>»: tệp không lưu theo bảng mã UTF-8 (trong Excel: Lưu thành > CSV UTF-8). Cần tệp CSV UTF-8 với các cột code,name,parent.
            ansi    | en | The list of units «<FILE>» cannot be read: the file is not saved as UTF-8 (in Excel: Save As > CSV UTF-8). A UTF-8 CSV file with the columns code,name,parent is needed.
            """)
    void aUnitsFileThatCannotBeReadIsRefusedWithItsReasonInTheLanguageAsked(String kind, String language,
            String expected) throws IOException {
        Path in = receivedFolder();
        Path units = switch (kind) {
            case "missing" -> folder.resolve("nope.csv");
            case "folder" -> Files.createDirectory(folder.resolve("kết quả"));
            // Excel's "CSV (Comma delimited)" on a Vietnamese Windows: code page 1258, not UTF-8.
            default -> Files.write(folder.resolve("ds.csv"), "code,name\n001,x\u00E3 An B\u00ECnh\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
        };
        CommandRun run = run("consolidate", in.toString(), "--units", units.toString(), "--out",
                folder.resolve("t.xlsx").toString(), "--lang", language);
        assertEquals(2, run.exit());
        assertEquals(expected.replace("<FILE>", units.toString()) + "\n", run.err());
        assertTrue(!Files.exists(folder.resolve("t.xlsx")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            vi | Thư mục «<DIR>» không có tệp bảng tính nào cần tổng hợp (.xlsx, .xlsm, .xls hoặc .ods; tệp khóa ~$, tệp ẩn và chính tệp kết quả được bỏ qua). Hãy chỉ ra thư mục chứa các biểu Phụ lục I nhận được từ các đơn vị. Chưa ghi gì.
            en | Folder «<DIR>» holds no spreadsheet to consolidate (.xlsx, .xlsm, .xls or .ods; ~$ lock files, hidden files and the output itself are skipped). Give the folder holding the Phụ lục I workbooks received from the units. Nothing was written.
            """)
    void aFolderWithNoWorkbookIsRefusedAndNothingWritten(String language, String expected) throws IOException {
        Path in = Files.createDirectories(folder.resolve("nhan"));
        Files.writeString(in.resolve("ghi-chu.txt"), "Các xã gửi sau.");
        Files.write(in.resolve("~$an-binh.xlsx"), new byte[165]);
        Path out = folder.resolve("ket-qua").resolve("t.xlsx");

        CommandRun run = run("consolidate", in.toString(), "--out", out.toString(), "--lang", language);

        assertEquals(2, run.exit());
        assertEquals("", run.out());
        assertEquals(expected.replace("<DIR>", in.toString()) + "\n", run.err());
        assertTrue(!Files.exists(out.getParent()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            vi | «<FILE>» là một tệp, không phải thư mục. Lệnh consolidate cần thư mục chứa các biểu Phụ lục I (.xlsx, .xlsm, .xls hoặc .ods) nhận được từ các đơn vị; để xử lý riêng một biểu, chạy appendix-fill với tên tệp, không có consolidate.
            en | «<FILE>» is a file, not a folder. consolidate needs the folder holding the Phụ lục I workbooks (.xlsx, .xlsm, .xls or .ods) received from the units; to process one workbook on its own, run appendix-fill with the file's name, without consolidate.
            """)
    void aFileGivenForTheFolderIsSaidToBeAFile(String language, String expected) throws IOException {
        Path file = receivedFolder().resolve("002.xlsx");
        CommandRun run = run("consolidate", file.toString(), "--out", folder.resolve("t.xlsx").toString(),
                "--lang", language);
        assertEquals(2, run.exit());
        assertEquals(expected.replace("<FILE>", file.toString()) + "\n", run.err());
        assertTrue(!Files.exists(folder.resolve("t.xlsx")));
    }

    @Test
    void aFolderOfUnreadableFilesStillGetsItsRollAndSaysThePeriodIsUnknown() throws IOException {
        Path in = Files.createDirectories(folder.resolve("nhan"));
        Files.writeString(in.resolve("hong.xlsx"), "tệp hỏng");
        Path out = folder.resolve("t.xlsx");

        CommandRun run = run("consolidate", in.toString(), "--out", out.toString(), "--name", "Tỉnh");

        assertEquals("", run.err());
        assertEquals(1, run.exit());
        assertEquals("""
                Tổng hợp (chưa rõ kỳ báo cáo): 0 đơn vị.
                  Không đọc được: 1
                Đã ghi:
                  %1$s.xlsx
                  %1$s.values.csv
                  %1$s.long.csv
                  %1$s.units.csv
                  %1$s.report.txt
                  %1$s.report.docx
                """.formatted(folder.resolve("t")), run.out());
        String report = Files.readString(folder.resolve("t.report.txt"), StandardCharsets.UTF_8);
        assertTrue(report.startsWith("""
                BÁO CÁO TỔNG HỢP
                Kết quả thực hiện công tác cải cách hành chính (chưa rõ kỳ báo cáo)
                của các đơn vị cấp xã (Tỉnh)

                I. TÌNH HÌNH NỘP BÁO CÁO

                Đã tổng hợp số liệu của 0 đơn vị.
                - Không đọc được, không tổng hợp (1 tệp): hong.xlsx.
                """), report);
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(out))) {
            assertEquals("Tỉnh (chưa rõ kỳ báo cáo)",
                    workbook.getSheet("Tổng hợp Phụ lục I").getRow(1).getCell(0).getStringCellValue());
        }
    }

    /** A province's list of 1.200 communes, of which one has sent its workbook. */
    Path provinceOf1200(Path in) throws IOException {
        StringBuilder units = new StringBuilder("code,name,parent\n");
        for (int i = 1; i <= 1200; i++) {
            units.append("%04d,xã %04d,\n".formatted(i, i));
        }
        TypedWorkbooks.write(commune("xã 0001", "2023", AN_BINH), in.resolve("0001.xlsx"));
        return Files.writeString(folder.resolve("units.csv"), units, StandardCharsets.UTF_8);
    }

    @Test
    void countsOfAThousandOrMoreAreGroupedWhereAPersonReadsThemAndTheSummaryListsTheRollSheetsCategories()
            throws IOException {
        Path in = Files.createDirectories(folder.resolve("nhan"));
        Path units = provinceOf1200(in);
        Path out = folder.resolve("t.xlsx");

        CommandRun run = run("consolidate", in.toString(), "--units", units.toString(), "--out", out.toString(),
                "--name", "Tỉnh");

        assertEquals(1, run.exit());
        assertEquals("""
                Tổng hợp năm 2023: 1 đơn vị.
                  Đã nhận: 1
                  Chưa gửi: 1.199
                """, run.out().substring(0, run.out().indexOf("Đã ghi:")));
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(out))) {
            assertEquals("Tổng hợp 1 đơn vị. Đã nhận: 1; Chưa gửi: 1.199.",
                    workbook.getSheet("Tình hình nộp báo cáo").getRow(1).getCell(0).getStringCellValue());
        }
        String report = Files.readString(folder.resolve("t.report.txt"), StandardCharsets.UTF_8);
        assertTrue(report.contains("""
                Đã tổng hợp số liệu của 1 đơn vị; danh sách có 1.200 đơn vị phải báo cáo.
                - Chưa gửi báo cáo (1.199 đơn vị): xã 0002, xã 0003, xã 0004, xã 0005, xã 0006, xã 0007, xã 0008, \
                xã 0009, xã 0010, xã 0011, xã 0012, xã 0013, xã 0014, xã 0015, xã 0016, xã 0017, xã 0018, xã 0019, \
                xã 0020, xã 0021 và 1.179 đơn vị khác; xem tệp t.units.csv.
                """), report);
        assertTrue(report.endsWith("""
                - xã 0021: Chưa gửi.
                - Và 1.179 trường hợp khác: xem danh sách đầy đủ ở tệp t.units.csv.
                """), report);
        // units.csv stays whole, its numbers as a machine reads them.
        List<String> rows = Files.readAllLines(folder.resolve("t.units.csv"), StandardCharsets.UTF_8);
        assertEquals(1 + 1200, rows.size());
        assertEquals("xã 1200,,missing,,,1200,,", rows.get(1200));
    }

    @Test
    void theProgressLineGroupsItsCounts() {
        assertEquals("Đã đọc 1.200/3.321 tệp", ConsolidateCommand.progress(1200, 3321));
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
    void theSameFolderGivesByteIdenticalOutputsButTheWorkbooksRunStamp() throws IOException {
        Path in = receivedFolder();
        Path first = Files.createDirectories(folder.resolve("lan-1"));
        Path second = Files.createDirectories(folder.resolve("lan-2"));
        run("consolidate", in.toString(), "--units", folder.resolve("units.csv").toString(), "--out",
                first.resolve("t.xlsx").toString(), "--name", "Tỉnh");
        run("consolidate", in.toString(), "--units", folder.resolve("units.csv").toString(), "--out",
                second.resolve("t.xlsx").toString(), "--name", "Tỉnh");
        for (String name : List.of("t.values.csv", "t.long.csv", "t.units.csv", "t.report.txt", "t.report.docx")) {
            assertEquals(java.util.Arrays.toString(Files.readAllBytes(first.resolve(name))),
                    java.util.Arrays.toString(Files.readAllBytes(second.resolve(name))), name);
        }
        assertEquals(RunStamps.withoutStamp(first.resolve("t.xlsx")), RunStamps.withoutStamp(second.resolve("t.xlsx")),
                "t.xlsx but its run stamp");
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
