package appendixfill.cli;

import appendixfill.fill.DiffJob;
import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Document;
import appendixfill.indicator.VietnameseFormat;
import appendixfill.input.Language;
import appendixfill.input.UnusableInput;
import appendixfill.revision.Change;
import appendixfill.rule.RuleBook;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** What a resubmission changed: one row per changed cell, on the console and in diff.csv. */
@Command(name = "diff", addMethodSubcommands = false, usageHelpWidth = 100, synopsisHeading = "Cách dùng: ", optionListHeading = "%nTùy chọn:%n",
        parameterListHeading = "%nTham số:%n",
        description = {"So sánh hai bản Phụ lục I của cùng một đơn vị (bản cũ và bản gửi lại): mỗi ô thay đổi một dòng "
            + "(mã, STT, chỉ tiêu, số liệu hay ghi chú, giá trị cũ, giá trị mới, tình trạng).", "Ghi ra diff.csv (hoặc tệp --out)."})
final class DiffCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Hiện hướng dẫn này.")
    private boolean help;

    @Parameters(index = "0", paramLabel = "BẢN-CŨ", description = "Bản cũ (.xlsx, .xlsm, .xls hoặc .ods).")
    private Path older;

    @Parameters(index = "1", paramLabel = "BẢN-MỚI", description = "Bản gửi lại.")
    private Path newer;

    @Option(names = {"-o", "--out"}, paramLabel = "TỆP.csv", defaultValue = "diff.csv",
            description = "Tệp CSV cần ghi (mặc định: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--lang", paramLabel = "vi|en", defaultValue = "vi",
            description = "Ngôn ngữ của thông báo khi không dùng được tệp: vi (mặc định) hoặc en.")
    private Language language = Language.VI;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        DiffJob.Result result;
        try {
            result = new DiffJob(Catalogue.standard(), RuleBook.standard()).run(older, newer, out);
        } catch (UnusableInput e) {
            spec.commandLine().getErr().println(e.said().in(language));
            return ExitCode.UNUSABLE;
        }
        stdout.println("So sánh «" + older.getFileName() + "» (" + identity(result.before()) + ") với «"
                + newer.getFileName() + "» (" + identity(result.after()) + "): "
                + (result.changes().isEmpty() ? "không ô nào thay đổi."
                        : VietnameseFormat.count(result.changes().size()) + " ô thay đổi."));
        if (!result.changes().isEmpty()) {
            stdout.println("mã | STT | chỉ tiêu | ô | cũ | mới | tình trạng");
        }
        for (Change change : result.changes()) {
            stdout.println(change.indicator().code() + " | " + change.indicator().stt() + " | "
                    + change.indicator().wording() + " | " + (change.note() ? "Ghi chú" : "Số liệu") + " | "
                    + VietnameseFormat.value(change.indicator(), change.before())
                    + " | " + VietnameseFormat.value(change.indicator(), change.after()) + " | " + change.kind().word());
        }
        stdout.println("Đã ghi:");
        for (Path written : result.written()) {
            stdout.println("  " + written);
        }
        return ExitCode.OK;
    }

    private static String identity(Document document) {
        return document.isIdentified() ? document.unit() + ", " + document.period() : "chưa ghi đơn vị hoặc kỳ báo cáo";
    }
}
