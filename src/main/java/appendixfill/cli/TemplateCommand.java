package appendixfill.cli;

import appendixfill.fill.FillJob;
import appendixfill.fill.OutputFiles;
import appendixfill.indicator.Catalogue;
import appendixfill.input.UnusableInput;
import appendixfill.workbook.TemplateBuilder;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes the blank official Phụ lục I workbook. */
@Command(name = "template", usageHelpWidth = 100, synopsisHeading = "Cách dùng: ",
        optionListHeading = "%nTùy chọn:%n", description = "Ghi mẫu Phụ lục I trống để nhập số liệu.")
final class TemplateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Hiện hướng dẫn này.")
    private boolean help;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE.xlsx", required = true, description = "Tệp mẫu cần ghi.")
    private Path out;

    @Option(names = "--force", description = "Ghi đè nếu tệp đã có.")
    private boolean force;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
            err.println("Tên tệp mẫu «" + out + "» phải có đuôi .xlsx, ví dụ: mau-phu-luc-i.xlsx.");
            return ExitCode.UNUSABLE;
        }
        if (Files.exists(out) && !force) {
            err.println("Tệp «" + out + "» đã có; không ghi đè để khỏi mất số liệu. Chọn tên khác, hoặc thêm --force "
                    + "để ghi đè.");
            return ExitCode.UNUSABLE;
        }
        try (OutputFiles outputs = new OutputFiles(FillJob.outputFolder(out, null))) {
            outputs.stage(out.getFileName().toString(), new TemplateBuilder(Catalogue.standard())::write);
            outputs.commit();
        } catch (UnusableInput e) {
            err.println(e.getMessage());
            return ExitCode.UNUSABLE;
        }
        spec.commandLine().getOut().println("Đã ghi mẫu Phụ lục I trống: " + out);
        return ExitCode.OK;
    }
}
