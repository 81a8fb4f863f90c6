package appendixfill.cli;

import appendixfill.input.Language;
import appendixfill.input.UnusableInput;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The entry point: {@code appendix-fill WORKBOOK.xlsx} and {@code appendix-fill template -o FILE}.
 * No picocli type may appear here, not even in a signature: the launcher lists this class's methods
 * on start, which loads every class they name.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(java.io.FileDescriptor.out),
                StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(java.io.FileDescriptor.err),
                StandardCharsets.UTF_8), true);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs one command line, writing to the given streams (tests capture them), and returns the exit
     * code. The everyday fill is read by hand ({@link FillArguments}) so that no picocli class is
     * loaded; every other command line goes to picocli ({@link PicocliCommandLine}).
     */
    public static int run(String[] given, PrintWriter out, PrintWriter err) {
        ErrorLog log = ErrorLog.inTemporaryFolder();
        String[] args;
        try {
            args = commandFirst(WorkbookList.expand(helpAsOption(given, Path.of(""))));
        } catch (UnusableInput e) {
            err.println(e.said().in(language(given)));
            return ExitCode.UNUSABLE;
        }
        Optional<FillArguments> fill = FillArguments.parse(args);
        if (fill.isEmpty()) {
            return PicocliCommandLine.create(out, err, log, args).execute(args);
        }
        try {
            return new FillRun(fill.get().out(), fill.get().language(), out, err, log).fill(fill.get().workbooks());
        } catch (Exception e) {
            // As picocli's execution-exception handler: it too sees exceptions, not errors.
            return internalError(e, language(args), err, log);
        }
    }

    /**
     * The arguments with the command (template, consolidate) first: «--lang en consolidate DIR» is
     * read as «consolidate --lang en DIR», since every command takes --lang and an officer puts it
     * anywhere.
     */
    static String[] commandFirst(String[] args) {
        for (int i = 1; i < args.length; i++) {
            if (COMMANDS.contains(args[i]) && onlyLanguageBefore(args, i)) {
                List<String> reordered = new ArrayList<>();
                reordered.add(args[i]);
                reordered.addAll(Arrays.asList(args).subList(0, i));
                reordered.addAll(Arrays.asList(args).subList(i + 1, args.length));
                return reordered.toArray(String[]::new);
            }
        }
        return args;
    }

    /**
     * «help» and «help consolidate», as people type them, read as --help and «consolidate --help»;
     * a file or folder named help in the current folder is still filled, and a list file (@FILE)
     * naming one is read as the list it is.
     */
    static String[] helpAsOption(String[] args, Path currentFolder) {
        if (args.length == 0 || args.length > 2 || !args[0].equalsIgnoreCase("help")
                || java.nio.file.Files.exists(currentFolder.resolve(args[0]))) {
            return args;
        }
        return args.length == 1 ? new String[] {"--help"} : new String[] {args[1], "--help"};
    }

    /** The commands besides the everyday fill; a word among them is never a workbook's name. */
    static final List<String> COMMANDS = List.of("template", "consolidate", "explain", "rules", "diff");

    private static boolean onlyLanguageBefore(String[] args, int command) {
        for (int i = 0; i < command; i++) {
            if (args[i].equals("--lang") && i + 1 < command) {
                i++;
            } else if (!args[i].startsWith("--lang=")) {
                return false;
            }
        }
        return true;
    }

    /**
     * A fault of the tool: the stack trace goes to the run's log, the officer gets one line naming it
     * (or, when no log can be written, saying so and where it was tried).
     */
    static int internalError(Exception ex, Language language, PrintWriter err, ErrorLog log) {
        err.println(log.write(ex).said(ex.getClass().getSimpleName()).in(language));
        return ExitCode.INTERNAL;
    }

    /** A fault of the tool with one workbook: the log and the line name the workbook. */
    static int internalError(Exception ex, Path workbook, Language language, PrintWriter err, ErrorLog log) {
        err.println(log.write("Workbook: " + workbook, ex).said(ex.getClass().getSimpleName() + ", «" + workbook + "»")
                .in(language));
        return ExitCode.INTERNAL;
    }

    /** The language asked for, read from the arguments themselves: a command line that fails to parse has no options. */
    static Language language(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equalsIgnoreCase("--lang=en") || args[i].equals("--lang") && i + 1 < args.length
                    && args[i + 1].equalsIgnoreCase("en")) {
                return Language.EN;
            }
        }
        return Language.VI;
    }
}
