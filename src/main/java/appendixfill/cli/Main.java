package appendixfill.cli;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine;

/** The entry point: {@code appendix-fill WORKBOOK.xlsx} and {@code appendix-fill template -o FILE}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(java.io.FileDescriptor.out),
                StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(java.io.FileDescriptor.err),
                StandardCharsets.UTF_8), true);
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** The command line with its handlers, writing to the given streams (tests capture them). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new FillCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("Lỗi dòng lệnh: " + inVietnamese(ex)
                    + ". Xem cách dùng: appendix-fill --help");
            return ExitCode.UNUSABLE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Path log = writeLog(ex);
            commandLine.getErr().println("Lỗi nội bộ của appendix-fill (" + ex.getClass().getSimpleName() + "). "
                    + "Chi tiết đã ghi vào «" + log + "»; hãy gửi tệp này cho người hỗ trợ.");
            return ExitCode.INTERNAL;
        });
        return cli;
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

    private static Path writeLog(Exception ex) {
        Path log = Path.of(System.getProperty("java.io.tmpdir"), "appendix-fill-error.log");
        try (PrintStream stream = new PrintStream(new FileOutputStream(log.toFile()), true, StandardCharsets.UTF_8)) {
            ex.printStackTrace(stream);
        } catch (IOException e) {
            return Path.of("(không ghi được nhật ký: " + e.getMessage() + ")");
        }
        return log;
    }
}
