package appendixfill.cli;

import appendixfill.indicator.Catalogue;
import appendixfill.workbook.TemplateBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes the blank official Phụ lục I workbook. */
@Command(name = "template", mixinStandardHelpOptions = true,
        description = "Ghi mẫu Phụ lục I trống (.xlsx) để nhập số liệu.")
final class TemplateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE.xlsx", required = true, description = "Tệp mẫu cần ghi.")
    private Path out;

    @Option(names = "--force", description = "Ghi đè nếu tệp đã có.")
    private boolean force;

    @Override
    public Integer call() throws IOException {
        if (Files.exists(out) && !force) {
            spec.commandLine().getErr().println("Tệp «" + out + "» đã có; không ghi đè để khỏi mất số liệu. "
                    + "Chọn tên khác, hoặc thêm --force để ghi đè.");
            return ExitCode.UNUSABLE;
        }
        Path folder = out.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            spec.commandLine().getErr().println("Thư mục «" + folder + "» không tồn tại; không ghi được «" + out + "».");
            return ExitCode.UNUSABLE;
        }
        Path temp = Files.createTempFile(folder, ".appendix-fill-", ".tmp");
        try {
            try (OutputStream stream = Files.newOutputStream(temp)) {
                new TemplateBuilder(Catalogue.standard()).write(stream);
            }
            Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        spec.commandLine().getOut().println("Đã ghi mẫu Phụ lục I trống: " + out);
        return ExitCode.OK;
    }
}
