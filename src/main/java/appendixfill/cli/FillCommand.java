package appendixfill.cli;

import appendixfill.fill.FillJob;
import appendixfill.indicator.Catalogue;
import appendixfill.input.UnusableInput;
import appendixfill.rule.RuleBook;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Fills, checks and reports one or more Phụ lục I workbooks. */
@Command(name = "appendix-fill", mixinStandardHelpOptions = true, version = "appendix-fill 0.1.0",
        subcommands = {TemplateCommand.class, ConsolidateCommand.class}, sortOptions = false,
        description = {"Tính lại các tỷ lệ, kiểm tra số liệu và viết báo cáo CCHC từ biểu Phụ lục I (.xlsx).",
            "Ghi ra NAME.filled.xlsx, NAME.report.txt, NAME.values.csv và NAME.findings.csv."},
        exitCodeListHeading = "%nMã thoát:%n",
        exitCodeList = {"0:không có lỗi", "1:có lỗi trong số liệu (vẫn ghi kết quả)",
            "2:tệp không dùng được hoặc lệnh sai (không ghi gì)", "3:lỗi nội bộ"})
final class FillCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "WORKBOOK", arity = "0..*", description = "Tệp Phụ lục I (.xlsx) cần xử lý.")
    private List<Path> workbooks = List.of();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
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
        int exit = ExitCode.OK;
        for (Path workbook : workbooks) {
            try {
                FillJob.Result result = job.run(workbook, out);
                report(stdout, result);
                if (result.assessment().hasErrors()) {
                    exit = Math.max(exit, ExitCode.DATA_ERRORS);
                }
            } catch (UnusableInput e) {
                stderr.println(e.getMessage());
                exit = Math.max(exit, ExitCode.UNUSABLE);
            }
        }
        return exit;
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
