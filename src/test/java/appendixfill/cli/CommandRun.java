package appendixfill.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line as a black box: its exit code and exactly what it printed. */
record CommandRun(int exit, String out, String err) {

    static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new CommandRun(exit, out.toString(), err.toString());
    }
}
