package appendixfill.cli;

import appendixfill.indicator.Catalogue;
import appendixfill.rule.RuleBook;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Lists the rule pack: identifier, severity and wording of every rule, for a province to review. */
@Command(name = "rules", addMethodSubcommands = false, usageHelpWidth = 100, synopsisHeading = "Cách dùng: ", optionListHeading = "%nTùy chọn:%n",
        description = "Liệt kê bộ quy tắc kiểm tra: mã, mức độ và nội dung của từng quy tắc (các cột cách nhau "
                + "bằng dấu tab, dán được vào bảng tính).")
final class RulesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Hiện hướng dẫn này.")
    private boolean help;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<RuleBook.Entry> entries = RuleBook.standard().entries(Catalogue.standard());
        out.println("Bộ quy tắc kiểm tra Phụ lục I, phiên bản " + RuleBook.VERSION + ": " + entries.size() + " quy tắc.");
        out.println("mã\tmức\tnội dung");
        for (RuleBook.Entry entry : entries) {
            out.println(entry.id() + "\t" + entry.severity().word() + "\t" + entry.wording());
        }
        return ExitCode.OK;
    }
}
