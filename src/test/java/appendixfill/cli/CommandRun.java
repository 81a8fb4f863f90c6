package appendixfill.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line as a black box: its exit code and exactly what it printed. */
record CommandRun(int exit, String out, String err) {

    static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new CommandRun(exit, out.toString(), err.toString());
    }
}
