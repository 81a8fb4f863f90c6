package appendixfill.cli;

import appendixfill.fill.FillJob;
import appendixfill.indicator.Catalogue;
import appendixfill.input.UnusableInput;
import appendixfill.rule.RuleBook;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Fills, checks and reports one or more Phụ lục I workbooks. */
@Command(name = "appendix-fill", version = "appendix-fill 0.1.0",
        subcommands = {TemplateCommand.class, ConsolidateCommand.class}, sortOptions = false, usageHelpWidth = 100,
        synopsisHeading = "Cách dùng: ", commandListHeading = "%nLệnh:%n", optionListHeading = "%nTùy chọn:%n",
        parameterListHeading = "%nTham số:%n",
        description = {"Tính lại các tỷ lệ, kiểm tra số liệu và viết báo cáo CCHC từ biểu Phụ lục I dạng .xlsx.",
            "Ghi ra NAME.filled.xlsx, NAME.report.txt, NAME.values.csv và NAME.findings.csv.",
            "Nhiều tệp: mã thoát là mã xấu nhất trong các tệp."},
        exitCodeListHeading = "%nMã thoát:%n",
        exitCodeList = {"0:không có lỗi", "1:có lỗi trong số liệu (vẫn ghi kết quả)",
            "2:tệp không dùng được hoặc lệnh sai (không ghi gì cho tệp đó)", "3:lỗi nội bộ"})
final class FillCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Hiện hướng dẫn này.")
    private boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Hiện phiên bản.")
    private boolean version;

    @Parameters(paramLabel = "WORKBOOK", arity = "0..*",
            description = "Tệp Phụ lục I (.xlsx) cần xử lý, hoặc thư mục chứa các tệp đó; @TỆP đọc danh sách từ TỆP.")
    private List<Path> workbooks = List.of();

    @Option(names = "--out", paramLabel = "DIR",
            description = "Thư mục ghi kết quả (mặc định: thư mục của tệp đầu vào).")
    private Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (workbooks.isEmpty()) {
            stderr.println("Chưa chỉ ra tệp cần xử lý. Ví dụ: appendix-fill bieu-phu-luc-i.xlsx");
            stderr.println("Tạo mẫu trống: appendix-fill template -o mau-phu-luc-i.xlsx. Xem thêm: appendix-fill --help");
            return ExitCode.UNUSABLE;
        }
        FillJob job = new FillJob(Catalogue.standard(), RuleBook.standard());
        Tally tally = new Tally();
        List<Path> files = expand(workbooks);
        for (Path argument : workbooks) {
            if (Files.isDirectory(argument) && files.stream().noneMatch(f -> argument.equals(f.getParent()))) {
                stderr.println("Thư mục «" + argument + "» không có tệp .xlsx nào cần xử lý (các tệp .filled.xlsx "
                        + "và tệp khóa ~$ được bỏ qua).");
                tally.unusable++;
            }
        }
        Map<Path, Path> outputsOf = new HashMap<>();
        for (Path workbook : files) {
            Path outputs = FillJob.outputFolder(workbook, out).toAbsolutePath().normalize()
                    .resolve(FillJob.baseName(workbook));
            Path earlier = outputsOf.putIfAbsent(outputs, workbook);
            if (earlier != null) {
                stderr.println("Bỏ qua «" + workbook + "»: kết quả của nó sẽ ghi đè kết quả của «" + earlier
                        + "» vừa ghi trong lần chạy này (cùng tên, cùng thư mục kết quả). Đổi tên một trong hai tệp, "
                        + "hoặc chạy riêng với --out khác.");
                tally.unusable++;
                continue;
            }
            try {
                FillJob.Result result = job.run(workbook, out);
                report(stdout, result);
                if (result.assessment().hasErrors()) {
                    tally.withErrors++;
                } else {
                    tally.clean++;
                }
            } catch (UnusableInput e) {
                stderr.println(e.getMessage());
                tally.unusable++;
            }
        }
        if (files.size() > 1) {
            stdout.println("Tổng cộng: " + tally.clean + " tệp không có lỗi, " + tally.withErrors
                    + " tệp có lỗi số liệu, " + tally.unusable + " tệp không dùng được.");
        }
        return tally.exitCode();
    }

    /** How the workbooks of one run fared; the exit code is the worst of them. */
    private static final class Tally {
        int clean;
        int withErrors;
        int unusable;

        int exitCode() {
            return unusable > 0 ? ExitCode.UNUSABLE : withErrors > 0 ? ExitCode.DATA_ERRORS : ExitCode.OK;
        }
    }

    /**
     * A folder stands for the workbooks in it (not the tool's own outputs, nor Excel's lock files):
     * on Windows a folder survives where Vietnamese file names given one by one may not.
     */
    private static List<Path> expand(List<Path> arguments) {
        List<Path> files = new java.util.ArrayList<>();
        for (Path argument : arguments) {
            if (!Files.isDirectory(argument)) {
                files.add(argument);
                continue;
            }
            try (java.util.stream.Stream<Path> listing = Files.list(argument)) {
                listing.filter(FillCommand::isWorkbookToFill).sorted().forEach(files::add);
            } catch (java.io.IOException e) {
                // Unreadable folder: reported below as a folder without workbooks.
            }
        }
        return files;
    }

    private static boolean isWorkbookToFill(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".xlsx") && !name.endsWith(".filled.xlsx") && !name.startsWith("~$")
                && Files.isRegularFile(file);
    }

    private static void report(PrintWriter out, FillJob.Result result) {
        out.println(result.input().getFileName() + ": " + result.document().unit() + ", " + result.document().period());
        out.println(result.summary());
        out.println("Đã ghi:");
        for (Path written : result.written()) {
            out.println("  " + written);
        }
        out.println("Xem từng lỗi ở trang «Kết quả kiểm tra» của tệp .filled.xlsx hoặc trong tệp .findings.csv.");
    }
}
