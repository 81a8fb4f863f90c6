package appendixfill.cli;

import appendixfill.indicator.Catalogue;
import appendixfill.input.Language;
import appendixfill.input.Message;
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

    @Option(names = "--lang", paramLabel = "vi|en", defaultValue = "vi",
            description = "Ngôn ngữ của thông báo khi không ghi được: vi (mặc định) hoặc en.")
    private Language language = Language.VI;

    @Override
    public Integer call() throws IOException {
        if (Files.exists(out) && !force) {
            spec.commandLine().getErr().println(Message.of("template.exists", out).in(language));
            return ExitCode.UNUSABLE;
        }
        Path folder = out.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            spec.commandLine().getErr().println(Message.of("template.no-folder", folder, out).in(language));
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
