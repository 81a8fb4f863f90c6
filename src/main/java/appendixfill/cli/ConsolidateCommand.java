package appendixfill.cli;

import appendixfill.consolidate.Period;
import appendixfill.consolidate.Roll;
import appendixfill.fill.ConsolidationJob;
import appendixfill.indicator.Catalogue;
import appendixfill.indicator.VietnameseFormat;
import appendixfill.input.Language;
import appendixfill.input.Message;
import appendixfill.input.UnusableInput;
import appendixfill.rule.RuleBook;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Consolidates a folder of Phụ lục I workbooks into one appendix with a column per unit. */
@Command(name = "consolidate", addMethodSubcommands = false, sortOptions = false, sortSynopsis = false,
        usageHelpWidth = 100, synopsisHeading = "Cách dùng: ",
        optionListHeading = "%nTùy chọn:%n", parameterListHeading = "%nTham số:%n",
        description = {"Tổng hợp các biểu Phụ lục I trong THƯ-MỤC thành một biểu tổng hợp: cột tổng cộng "
            + "và một cột cho mỗi đơn vị; tỷ lệ tính lại từ tổng tử số và tổng mẫu số.",
            "Ghi ra OUT.xlsx, OUT.values.csv, OUT.long.csv, OUT.units.csv, OUT.report.txt và OUT.report.docx."},
        exitCodeListHeading = "%nMã thoát:%n",
        exitCodeList = {"0:đã tổng hợp, mọi đơn vị đã nộp đúng, không lỗi",
            "1:đã tổng hợp, nhưng có đơn vị chưa nộp, nộp trùng, sai kỳ, sai mẫu, không đọc được hoặc có lỗi",
            "2:thư mục, danh sách đơn vị hoặc lệnh không dùng được (không ghi gì)", "3:lỗi nội bộ"})
final class ConsolidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Hiện hướng dẫn này.")
    private boolean help;

    @Parameters(paramLabel = "THƯ-MỤC", description = "Thư mục chứa các biểu Phụ lục I nhận được.")
    private Path folder;

    @Option(names = {"-o", "--out"}, paramLabel = "TỆP.xlsx", defaultValue = "tong-hop.xlsx",
            description = "Tệp tổng hợp cần ghi (mặc định: ${DEFAULT-VALUE}); các tệp khác ghi bên cạnh.")
    private Path out;

    @Option(names = "--name", paramLabel = "TÊN",
            description = "Tên đơn vị tổng hợp in trên biểu và báo cáo (mặc định: tên của THƯ-MỤC).")
    private String name;

    @Option(names = "--units", paramLabel = "TỆP",
            description = "Danh sách đơn vị phải báo cáo: CSV UTF-8, các cột code,name,parent.")
    private Path units;

    @Option(names = "--period", paramLabel = "KỲ",
            description = "Kỳ báo cáo cần tổng hợp, ví dụ \"năm 2023\", \"quý III 2024\", \"6 tháng 2025\" "
                    + "(mặc định: kỳ mà phần lớn các biểu ghi).")
    private String period;

    @Option(names = "--without-errors",
            description = "Không đưa số liệu của các biểu còn lỗi vào tổng hợp (các biểu này vẫn được liệt kê, "
                    + "tình trạng «Có lỗi, không tổng hợp»).")
    private boolean withoutErrors;

    @Option(names = "--previous", paramLabel = "THƯ-MỤC-KỲ-TRƯỚC",
            description = "Thư mục các biểu của kỳ trước: mỗi đơn vị (theo mã, nếu không thì theo tên) được so sánh với "
                    + "biểu kỳ trước của mình; số liệu lũy kế giảm là lỗi, số liệu thay đổi quá nhiều là cảnh báo.")
    private Path previous;

    @Option(names = "--lang", paramLabel = "vi|en", defaultValue = "vi",
            description = "Ngôn ngữ của thông báo khi không tổng hợp được (thư mục, danh sách đơn vị, kỳ báo cáo): "
                    + "vi (mặc định) hoặc en. Các biểu tổng hợp luôn bằng tiếng Việt.")
    private Language language = Language.VI;

    /** The progress line a terminal shows while the workbooks are read: "Đã đọc 1.200/3.321 tệp". */
    static String progress(int done, int total) {
        return "Đã đọc " + VietnameseFormat.count(done) + "/" + VietnameseFormat.count(total) + " tệp";
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Optional<Period> asked = Optional.empty();
        if (period != null) {
            asked = Period.parse(period);
            if (asked.isEmpty()) {
                stderr.println(Message.of("consolidate.bad-period", period).in(language));
                return ExitCode.UNUSABLE;
            }
        }
        String title = name != null ? name : folder.toAbsolutePath().normalize().getFileName() == null ? ""
                : folder.toAbsolutePath().normalize().getFileName().toString();
        boolean terminal = System.console() != null;
        // For the benchmark (src/bench): when each phase ends, in milliseconds since the command started.
        boolean phases = Boolean.getBoolean("appendixfill.phases");
        long started = System.nanoTime();
        ConsolidationJob.Progress progress = new ConsolidationJob.Progress() {
            @Override
            public void read(int done, int total) {
                // Only on a terminal: a log or a pipe gets no carriage returns.
                if (terminal && (done % 50 == 0 || done == total)) {
                    synchronized (stderr) {
                        stderr.print("\r" + progress(done, total));
                        if (done == total) {
                            stderr.println();
                        }
                        stderr.flush();
                    }
                }
            }

            @Override
            public void ended(String phase) {
                if (phases) {
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    synchronized (stderr) {
                        stderr.printf("%6d ms  %s%n", millis, phase);
                        stderr.flush();
                    }
                }
            }
        };
        try {
            ConsolidationJob.Result result = new ConsolidationJob(Catalogue.standard(), RuleBook.standard())
                    .run(folder, Optional.ofNullable(units), asked, out, title, withoutErrors, Optional.ofNullable(previous),
                            progress);
            Roll roll = result.consolidated().roll();
            stdout.println("Tổng hợp " + Period.shown(roll.period()) + ": "
                    + VietnameseFormat.count(roll.totals().units()) + " đơn vị.");
            // The same counts, in the same words, as the roll sheet of OUT.xlsx.
            for (Roll.Count count : roll.counts()) {
                stdout.println("  " + count);
            }
            result.comparison().ifPresent(c -> stdout.println("So sánh với kỳ trước (thư mục «" + previous + "»): "
                    + VietnameseFormat.count(c.compared()) + " đơn vị; " + VietnameseFormat.count(c.errors())
                    + " số liệu lũy kế giảm (lỗi), " + VietnameseFormat.count(c.warnings())
                    + " số liệu thay đổi bất thường (cảnh báo); xem cột lý do của trang «Tình hình nộp báo cáo»."));
            stdout.println("Đã ghi:");
            for (Path written : result.written()) {
                stdout.println("  " + written);
            }
            ErrorLog log = ErrorLog.inTemporaryFolder();
            for (ConsolidationJob.Fault fault : result.faults()) {
                Main.internalError(fault.failure(), fault.file(), language, stderr, log);
            }
            boolean decreases = result.comparison().map(c -> c.errors() > 0).orElse(false);
            return !result.faults().isEmpty() ? ExitCode.INTERNAL
                    : roll.problems().isEmpty() && !decreases ? ExitCode.OK : ExitCode.DATA_ERRORS;
        } catch (UnusableInput e) {
            stderr.println(e.said().in(language));
            return ExitCode.UNUSABLE;
        }
    }
}
