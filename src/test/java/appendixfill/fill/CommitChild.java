package appendixfill.fill;

import appendixfill.indicator.Catalogue;
import appendixfill.input.UnusableInput;
import appendixfill.rule.RuleBook;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Not a test: the child process of {@link CommitProcessTest}, a real fill of one workbook whose
 * commit says each step on standard output before it takes it ("step N: move …"), so that the test
 * can kill it there, and pauses there a moment.
 *
 * <p>{@code java -cp … appendixfill.fill.CommitChild INPUT OUT_FOLDER PAUSE_MILLIS HOLD_MILLIS}:
 * PAUSE_MILLIS after every step, HOLD_MILLIS more after the first (the lock held, "holding" said).
 */
public final class CommitChild {

    private CommitChild() {
    }

    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[0]);
        Path out = Path.of(args[1]);
        long pause = Long.parseLong(args[2]);
        long hold = Long.parseLong(args[3]);
        PrintStream said = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try {
            new FillJob(Catalogue.standard(), RuleBook.standard(), new Traced(said, pause, hold)).run(input, out);
            said.println("done");
            System.exit(0);
        } catch (UnusableInput e) {
            said.println("refused: " + e.getMessage());
            System.exit(2);
        }
    }

    /** The real steps, each said before it is taken. */
    private static final class Traced implements OutputFiles.Steps {
        private final PrintStream said;
        private final long pause;
        private final long hold;
        private int count;

        Traced(PrintStream said, long pause, long hold) {
            this.said = said;
            this.pause = pause;
            this.hold = hold;
        }

        private synchronized void step(String what) {
            count++;
            said.println("step " + count + ": " + what);
            try {
                if (count == 1 && hold > 0) {
                    said.println("holding");
                    Thread.sleep(hold);
                }
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public OutputStream create(Path file) throws IOException {
            step("create " + file.getFileName());
            return OutputFiles.Steps.REAL.create(file);
        }

        @Override
        public void keep(Path file, Path backup) throws IOException {
            step("keep " + file.getFileName() + " → " + backup.getFileName());
            OutputFiles.Steps.REAL.keep(file, backup);
        }

        @Override
        public void move(Path from, Path to) throws IOException {
            step("move " + from.getFileName() + " → " + to.getFileName());
            OutputFiles.Steps.REAL.move(from, to);
        }

        @Override
        public void delete(Path file) throws IOException {
            step("delete " + file.getFileName());
            OutputFiles.Steps.REAL.delete(file);
        }
    }
}
