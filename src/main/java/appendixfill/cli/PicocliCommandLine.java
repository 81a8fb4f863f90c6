package appendixfill.cli;

import appendixfill.input.Language;
import appendixfill.input.Message;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/** The whole command line through picocli: every command, help and version, with Vietnamese handlers. */
public final class PicocliCommandLine {

    static {
        // Picocli otherwise looks for Groovy on the class path at every start, to no use here.
        System.setProperty("picocli.disable.closures", "true");
    }

    /** The commands besides the fill, by name, in the order the help lists them. */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private PicocliCommandLine() {
    }

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("template", TemplateCommand::new);
        commands.put("consolidate", ConsolidateCommand::new);
        commands.put("explain", ExplainCommand::new);
        commands.put("rules", RulesCommand::new);
        commands.put("diff", DiffCommand::new);
        return Collections.unmodifiableMap(commands);
    }

    /** The command line with its handlers, writing to the given streams (tests capture them). */
    public static CommandLine create(PrintWriter out, PrintWriter err) {
        return create(out, err, ErrorLog.inTemporaryFolder(), new String[0]);
    }

    /**
     * The same, logging the run's internal errors to {@code log}, for {@code given} (the command's name
     * first, if any): a command named is the only one built, since picocli reads every command's
     * annotations when it is added (about 10 ms of a consolidation of 11 workbooks taking 260 ms,
     * measured interleaved); otherwise all are, for the help that lists them or the mistake that names none.
     */
    static CommandLine create(PrintWriter out, PrintWriter err, ErrorLog log, String[] given) {
        CommandLine cli = new CommandLine(new FillCommand(log));
        Supplier<Object> named = given.length == 0 ? null : COMMANDS.get(given[0]);
        if (named != null) {
            cli.addSubcommand(named.get());
        } else {
            COMMANDS.values().forEach(command -> cli.addSubcommand(command.get()));
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // List files (@danh-sach.txt) are read by WorkbookList, one whole name a line, before picocli.
        cli.setExpandAtFiles(false);
        cli.setParameterExceptionHandler((ex, args) -> {
            Language language = Main.language(args);
            String said = invalidValue(ex).map(message -> message.in(language))
                    .orElseGet(() -> language == Language.VI ? inVietnamese(ex) : ex.getMessage());
            // The command's own help: «appendix-fill diff --help» for a mistake in a diff.
            ex.getCommandLine().getErr().println(Message.of("cli.usage", said,
                    ex.getCommandLine().getCommandSpec().qualifiedName()).in(language));
            return ExitCode.UNUSABLE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) ->
                Main.internalError(ex, Main.language(parseResult.originalArgs().toArray(String[]::new)),
                        commandLine.getErr(), log));
        return cli;
    }

    /** A value an option does not take («--lang fr»), said with the values it does take. */
    private static java.util.Optional<Message> invalidValue(CommandLine.ParameterException ex) {
        if (ex.getArgSpec() instanceof CommandLine.Model.OptionSpec option && ex.getValue() != null
                && String.valueOf(ex.getMessage()).startsWith("Invalid value for option")) {
            return java.util.Optional.of(Message.of("cli.invalid-value", ex.getValue(), option.longestName(),
                    option.paramLabel()));
        }
        return java.util.Optional.empty();
    }

    /** The command-line mistakes an officer makes, said in Vietnamese; others as picocli says them. */
    private static String inVietnamese(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
            return "không hiểu " + String.join(" ", unmatched.getUnmatched().stream().map(a -> "«" + a + "»").toList());
        }
        if (ex instanceof CommandLine.MissingParameterException missing) {
            return "thiếu " + String.join(", ", missing.getMissing().stream().map(arg -> arg.isOption()
                    ? "«" + ((CommandLine.Model.OptionSpec) arg).longestName() + " " + arg.paramLabel() + "»"
                    : "«" + arg.paramLabel() + "»").toList());
        }
        return ex.getMessage();
    }
}
