package appendixfill.cli;

import appendixfill.fill.FillJob;
import appendixfill.indicator.Catalogue;
import appendixfill.input.Language;
import appendixfill.input.Message;
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
        description = {"Tính lại các tỷ lệ, kiểm tra số liệu và viết báo cáo CCHC từ biểu Phụ lục I (Excel hoặc LibreOffice).",
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
            description = "Tệp Phụ lục I cần xử lý (.xlsx, .xlsm, .xls hoặc .ods; theo mẫu hoặc bảng tự lập), hoặc thư mục "
                    + "chứa các tệp đó; @TỆP đọc danh sách tệp từ TỆP.")
    private List<Path> workbooks = List.of();

    @Option(names = "--out", paramLabel = "DIR",
            description = "Thư mục ghi kết quả (mặc định: thư mục của tệp đầu vào).")
    private Path out;

    @Option(names = "--lang", paramLabel = "vi|en", defaultValue = "vi",
            description = "Ngôn ngữ của thông báo khi không dùng được tệp: vi (mặc định) hoặc en.")
    private Language language = Language.VI;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (workbooks.isEmpty()) {
            stderr.println(Message.of("cli.no-workbook").in(language));
            return ExitCode.UNUSABLE;
        }
        List<Path> files = expand(workbooks);
        Message clash = clash(files);
        if (clash != null) {
            stderr.println(clash.in(language));
            return ExitCode.UNUSABLE;
        }
        FillJob job = new FillJob(Catalogue.standard(), RuleBook.standard());
        Tally tally = new Tally();
        for (Path argument : workbooks) {
            if (Files.isDirectory(argument) && files.stream().noneMatch(f -> argument.equals(f.getParent()))) {
                stderr.println(Message.of("cli.empty-folder", argument).in(language));
                tally.unusable++;
            }
        }
        for (Path workbook : files) {
            try {
                FillJob.Result result = job.run(workbook, out);
                report(stdout, result);
                if (result.assessment().hasErrors()) {
                    tally.withErrors++;
                } else {
                    tally.clean++;
                }
            } catch (UnusableInput e) {
                stderr.println(e.said().in(language));
                tally.unusable++;
            }
        }
        if (files.size() > 1) {
            stdout.println("Tổng cộng: " + tally.clean + " tệp không có lỗi, " + tally.withErrors
                    + " tệp có lỗi số liệu, " + tally.unusable + " tệp không dùng được.");
        }
        return tally.exitCode();
    }

    /**
     * Two inputs whose outputs would land on the same files (the same file twice, or bieu.xlsx and
     * bieu.ods in one folder): refused before anything is written, since the second would silently
     * replace the first.
     */
    private Message clash(List<Path> files) {
        Map<Path, Path> byOutput = new HashMap<>();
        for (Path workbook : files) {
            Path target = FillJob.outputFolder(workbook, out).toAbsolutePath().normalize()
                    .resolve(FillJob.outputNames(workbook).get(0));
            Path earlier = byOutput.putIfAbsent(target, workbook);
            if (earlier != null) {
                return earlier.toAbsolutePath().normalize().equals(workbook.toAbsolutePath().normalize())
                        ? Message.of("cli.given-twice", workbook)
                        : Message.of("cli.same-outputs", earlier, workbook, target);
            }
        }
        return null;
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
        boolean spreadsheet = name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".xls")
                || name.endsWith(".ods");
        return spreadsheet && !name.endsWith(".filled.xlsx") && !name.startsWith("~$") && !name.startsWith(".~lock.")
                && Files.isRegularFile(file);
    }

    private static void report(PrintWriter out, FillJob.Result result) {
        out.println(result.input().getFileName() + ": " + (result.document().isIdentified()
                ? result.document().unit() + ", " + result.document().period()
                : "chưa ghi đơn vị hoặc kỳ báo cáo (điền ở trang «Thông tin báo cáo» của tệp .filled.xlsx rồi chạy lại)"));
        out.println(result.summary());
        out.println("Đã ghi:");
        for (Path written : result.written()) {
            out.println("  " + written);
        }
        out.println("Xem từng lỗi ở trang «Kết quả kiểm tra» của tệp .filled.xlsx hoặc trong tệp .findings.csv.");
    }
}
