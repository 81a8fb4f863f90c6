package appendixfill.cli;

import appendixfill.fill.FillJob;
import appendixfill.fill.OutputFiles;
import appendixfill.indicator.Catalogue;
import appendixfill.input.Language;
import appendixfill.input.Message;
import appendixfill.input.UnusableInput;
import appendixfill.template.TemplateBuilder;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes the blank official Phụ lục I workbook. */
@Command(name = "template", addMethodSubcommands = false, usageHelpWidth = 100, synopsisHeading = "Cách dùng: ",
        optionListHeading = "%nTùy chọn:%n", description = "Ghi mẫu Phụ lục I trống để nhập số liệu.")
final class TemplateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Hiện hướng dẫn này.")
    private boolean help;

    @Option(names = {"-o", "--out"}, paramLabel = "TỆP.xlsx", required = true, description = "Tệp mẫu cần ghi.")
    private Path out;

    @Option(names = "--force", description = "Ghi đè nếu tệp đã có.")
    private boolean force;

    @Option(names = "--lang", paramLabel = "vi|en", defaultValue = "vi",
            description = "Ngôn ngữ của thông báo khi không ghi được: vi (mặc định) hoặc en.")
    private Language language = Language.VI;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            err.println(Message.of("template.not-xlsx", out).in(language));
            return ExitCode.UNUSABLE;
        }
        if (Files.exists(out) && !force) {
            err.println(Message.of("template.exists", out).in(language));
            return ExitCode.UNUSABLE;
        }
        Path folder = FillJob.outputFolder(out, null);
        if (!Files.isDirectory(folder)) {
            err.println(Message.of("template.no-folder", folder, out).in(language));
            return ExitCode.UNUSABLE;
        }
        String name = out.getFileName().toString();
        try {
            OutputFiles.check(folder, FillJob.baseName(out), List.of(name))
                    .write(Map.of(name, new TemplateBuilder(Catalogue.standard())::write));
        } catch (UnusableInput e) {
            err.println(e.said().in(language));
            return ExitCode.UNUSABLE;
        }
        spec.commandLine().getOut().println("Đã ghi mẫu Phụ lục I trống: " + out);
        return ExitCode.OK;
    }
}
