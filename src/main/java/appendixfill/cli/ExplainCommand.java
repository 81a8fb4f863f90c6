package appendixfill.cli;

import appendixfill.fill.ExplainJob;
import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Document;
import appendixfill.indicator.Indicator;
import appendixfill.input.Language;
import appendixfill.input.Message;
import appendixfill.input.UnusableInput;
import appendixfill.rule.Explanation;
import appendixfill.rule.Rule;
import appendixfill.rule.RuleBook;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Explains every rule on one workbook: both sides evaluated, the cells and values they came from, the result. */
@Command(name = "explain", addMethodSubcommands = false, usageHelpWidth = 100, synopsisHeading = "Cách dùng: ", optionListHeading = "%nTùy chọn:%n",
        parameterListHeading = "%nTham số:%n",
        description = "Giải thích từng quy tắc kiểm tra trên một biểu: vế trái, phép so sánh, vế phải (các ô và số liệu "
                + "của chúng) và kết quả; quy tắc không kiểm tra được thì nói thiếu số liệu nào. Không ghi tệp nào.")
final class ExplainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Hiện hướng dẫn này.")
    private boolean help;

    @Parameters(paramLabel = "TỆP", description = "Tệp Phụ lục I (.xlsx, .xlsm, .xls hoặc .ods).")
    private Path workbook;

    @Option(names = "--rule", paramLabel = "MÃ", description = "Chỉ giải thích quy tắc này (xem: appendix-fill rules).")
    private String rule;

    @Option(names = "--code", paramLabel = "STT", description = "Chỉ giải thích các quy tắc so sánh dòng này (mã hoặc STT).")
    private String code;

    @Option(names = "--previous", paramLabel = "TỆP-KỲ-TRƯỚC",
            description = "Biểu của chính đơn vị ở kỳ trước: giải thích cả các quy tắc so sánh với kỳ trước.")
    private Path previous;

    @Option(names = "--lang", paramLabel = "vi|en", defaultValue = "vi",
            description = "Ngôn ngữ của thông báo khi không dùng được tệp: vi (mặc định) hoặc en.")
    private Language language = Language.VI;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Catalogue catalogue = Catalogue.standard();
        RuleBook rules = RuleBook.standard();
        if (rule != null && code != null) {
            err.println(Message.of("explain.rule-and-code").in(language));
            return ExitCode.UNUSABLE;
        }
        List<String> ids = rules.entries(catalogue).stream().map(RuleBook.Entry::id).toList();
        if (rule != null && !ids.contains(rule)) {
            err.println(Message.of("explain.unknown-rule", rule, String.join(", ", ids)).in(language));
            return ExitCode.UNUSABLE;
        }
        List<String> comparing = List.of();
        if (code != null) {
            Optional<Indicator> row = catalogue.find(code).or(() -> catalogue.indicators().stream()
                    .filter(i -> i.stt().equals(code)).findFirst());
            if (row.isEmpty()) {
                err.println(Message.of("explain.unknown-code", code).in(language));
                return ExitCode.UNUSABLE;
            }
            comparing = rules.rules().stream().filter(r -> mentions(r, row.get().code())).map(Rule::id).toList();
            if (comparing.isEmpty()) {
                err.println(Message.of("explain.no-rule-for-code", code).in(language));
                return ExitCode.UNUSABLE;
            }
        }
        List<String> asked = comparing;
        ExplainJob.Result result;
        try {
            result = new ExplainJob(catalogue, rules).run(workbook, Optional.ofNullable(previous));
        } catch (UnusableInput e) {
            err.println(e.said().in(language));
            return ExitCode.UNUSABLE;
        }
        Document document = result.document();
        List<Explanation> explanations = result.explanations().stream()
                .filter(e -> rule == null || e.rule().equals(rule))
                .filter(e -> code == null || asked.contains(e.rule())).toList();
        out.println("Giải thích các quy tắc kiểm tra trên tệp «" + workbook.getFileName() + "» ("
                + (document.isIdentified() ? document.unit() + ", " + document.period() : "chưa ghi đơn vị hoặc kỳ báo cáo")
                + "); bộ quy tắc phiên bản " + RuleBook.VERSION + ".");
        for (Explanation explanation : explanations) {
            out.println();
            out.print(explanation.said());
        }
        out.println();
        out.println(explanations.size() + " quy tắc: " + count(explanations, Explanation.Outcome.HOLDS) + " đạt, "
                + count(explanations, Explanation.Outcome.FAILS) + " không đạt, "
                + count(explanations, Explanation.Outcome.NOT_EVALUATED) + " không kiểm tra được.");
        return ExitCode.OK;
    }

    /** A rule compares the row, or one of its sub-rows (7.2.4 stands for 7.2.4.a and 7.2.4.b). */
    private static boolean mentions(Rule rule, String code) {
        return rule.codes().stream().anyMatch(c -> c.equals(code) || c.startsWith(code + ".")
                && !Character.isDigit(c.charAt(code.length() + 1)));
    }

    private static long count(List<Explanation> explanations, Explanation.Outcome outcome) {
        return explanations.stream().filter(e -> e.outcome() == outcome).count();
    }
}
