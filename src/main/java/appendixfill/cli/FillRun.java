package appendixfill.cli;

import appendixfill.fill.FillJob;
import appendixfill.fill.OutputFiles;
import appendixfill.indicator.Catalogue;
import appendixfill.input.Language;
import appendixfill.input.Message;
import appendixfill.input.UnusableInput;
import appendixfill.rule.RuleBook;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One fill of the workbooks and folders a command line names: folders expanded, clashing outputs
 * refused, each workbook filled and reported, the exit code the worst of them. Both the hand-read
 * command line and picocli's {@link FillCommand} run it.
 */
final class FillRun {

    private final Optional<Path> out;
    private final Language language;
    private final PrintWriter stdout;
    private final PrintWriter stderr;
    private final ErrorLog log;
    private Optional<Path> previous = Optional.empty();

    FillRun(Optional<Path> out, Language language, PrintWriter stdout, PrintWriter stderr, ErrorLog log) {
        this.out = out;
        this.language = language;
        this.stdout = stdout;
        this.stderr = stderr;
        this.log = log;
    }

    /** The unit's report of an earlier period, to compare the one workbook with. */
    FillRun previous(Optional<Path> previous) {
        this.previous = previous;
        return this;
    }

    /** Fills the workbooks (files or folders of them) and returns the exit code. */
    int fill(List<Path> workbooks) throws Exception {
        if (workbooks.isEmpty()) {
            stderr.println(Message.of("cli.no-workbook").in(language));
            return ExitCode.UNUSABLE;
        }
        List<Path> files = expand(workbooks);
        if (previous.isPresent() && files.size() != 1) {
            stderr.println(Message.of("cli.previous-one-workbook", files.size()).in(language));
            return ExitCode.UNUSABLE;
        }
        Message clash = clash(files);
        if (clash != null) {
            stderr.println(clash.in(language));
            return ExitCode.UNUSABLE;
        }
        // Several workbooks are filled on every core at once, and reported in the order given.
        int threads = Math.min(files.size(), Math.max(1, Runtime.getRuntime().availableProcessors()));
        FillJob job = new FillJob(Catalogue.standard(), RuleBook.standard(), threads > 1);
        Tally tally = new Tally();
        for (Path argument : workbooks) {
            if (Files.isDirectory(argument) && files.stream().noneMatch(f -> argument.equals(f.getParent()))) {
                stderr.println(Message.of("cli.empty-folder", argument).in(language));
                tally.unusable++;
            }
        }
        java.util.concurrent.ExecutorService pool = threads > 1
                ? java.util.concurrent.Executors.newFixedThreadPool(threads, daemon()) : null;
        try {
            List<java.util.concurrent.Future<Outcome>> outcomes = new ArrayList<>();
            for (Path workbook : files) {
                java.util.concurrent.Callable<Outcome> fill = () -> fillOne(job, workbook);
                outcomes.add(pool == null ? java.util.concurrent.CompletableFuture.completedFuture(fill.call())
                        : pool.submit(fill));
            }
            for (int i = 0; i < outcomes.size(); i++) {
                Outcome outcome = done(outcomes.get(i));
                if (outcome.fault() != null) {
                    // A fault of the tool with one workbook: said and logged (in the run's one log, naming the
                    // workbook), the others still reported.
                    Main.internalError(outcome.fault(), files.get(i), language, stderr, log);
                    tally.faulty++;
                    continue;
                }
                if (outcome.refusal() != null) {
                    stderr.println(outcome.refusal().said().in(language));
                    tally.unusable++;
                    continue;
                }
                report(outcome.result());
                if (outcome.result().assessment().hasErrors()) {
                    tally.withErrors++;
                } else {
                    tally.clean++;
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        if (files.size() > 1) {
            stdout.println("Tổng cộng: " + tally.clean + " tệp không có lỗi, " + tally.withErrors
                    + " tệp có lỗi số liệu, " + tally.unusable + " tệp không dùng được"
                    + (tally.faulty > 0 ? ", " + tally.faulty + " tệp gặp lỗi nội bộ." : "."));
        }
        return tally.exitCode();
    }

    /** A workbook filled, or the reason it could not be. */
    private record Outcome(FillJob.Result result, UnusableInput refusal, Exception fault) {
    }

    private Outcome fillOne(FillJob job, Path workbook) {
        try {
            return new Outcome(job.run(workbook, out.orElse(null), previous), null, null);
        } catch (UnusableInput e) {
            return new Outcome(null, e, null);
        } catch (Exception e) {
            return new Outcome(null, null, e);
        }
    }

    /** The outcome of a fill; a fault of the tool in it is thrown here, as if the fill had run here. */
    private static Outcome done(java.util.concurrent.Future<Outcome> pending) throws Exception {
        try {
            return pending.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return task -> {
            Thread thread = new Thread(task, "appendix-fill");
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Two inputs whose outputs would land on the same files (the same file twice, or bieu.xlsx and
     * bieu.ods in one folder): refused before anything is written, since the second would silently
     * replace the first.
     */
    private Message clash(List<Path> files) {
        Map<Path, Path> byOutput = new HashMap<>();
        for (Path workbook : files) {
            Path target = FillJob.outputFolder(workbook, out.orElse(null)).toAbsolutePath().normalize()
                    .resolve(FillJob.outputNames(workbook).get(0));
            Path earlier = byOutput.putIfAbsent(target, workbook);
            if (earlier != null) {
                return earlier.toAbsolutePath().normalize().equals(workbook.toAbsolutePath().normalize())
                        ? Message.of("cli.given-twice", workbook)
                        : Message.of("cli.same-outputs", earlier, workbook, target);
            }
        }
        return null;
    }

    /** How the workbooks of one run fared; the exit code is the worst of them. */
    private static final class Tally {
        int clean;
        int withErrors;
        int unusable;
        int faulty;

        int exitCode() {
            return faulty > 0 ? ExitCode.INTERNAL : unusable > 0 ? ExitCode.UNUSABLE : withErrors > 0 ? ExitCode.DATA_ERRORS : ExitCode.OK;
        }
    }

    /**
     * A folder stands for the workbooks in it (not the tool's own outputs, nor Excel's lock files):
     * on Windows a folder survives where Vietnamese file names given one by one may not.
     */
    private static List<Path> expand(List<Path> arguments) {
        List<Path> files = new ArrayList<>();
        for (Path argument : arguments) {
            if (!Files.isDirectory(argument)) {
                files.add(argument);
                continue;
            }
            try (Stream<Path> listing = Files.list(argument)) {
                listing.filter(FillRun::isWorkbookToFill).sorted().forEach(files::add);
            } catch (IOException e) {
                // Unreadable folder: reported below as a folder without workbooks.
            }
        }
        return files;
    }

    private static boolean isWorkbookToFill(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean spreadsheet = name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".xls")
                || name.endsWith(".ods");
        return spreadsheet && !name.endsWith(".filled.xlsx") && !name.startsWith("~$") && !name.startsWith(".~lock.")
                && Files.isRegularFile(file);
    }

    private void report(FillJob.Result result) {
        stdout.println(result.input().getFileName() + ": " + (result.document().isIdentified()
                ? result.document().unit() + ", " + result.document().period()
                : "chưa ghi đơn vị hoặc kỳ báo cáo (điền ở trang «Thông tin báo cáo» của tệp .filled.xlsx rồi chạy lại)"));
        result.previous().ifPresent(previous -> stdout.println("So sánh với báo cáo kỳ trước «"
                + previous.file().getFileName() + "» (" + previous.span() + ")."));
        stdout.println(result.summary());
        OutputFiles.OpenIn.of(result.input()).ifPresent(open -> stdout.println(Message.of("fill.input-open",
                result.input().getFileName(), open.program(), open.lockFile()).in(language)));
        if (result.flaggedFigures() > 0) {
            stdout.println("Báo cáo còn " + result.flaggedFigures() + " số liệu có lỗi, được tô màu và ghi chú ngay tại số liệu "
                    + "trong tệp .report.docx: sửa các lỗi trong biểu rồi chạy lại trước khi ban hành báo cáo.");
        }
        stdout.println("Đã ghi:");
        for (Path written : result.written()) {
            stdout.println("  " + written);
        }
        stdout.println("Xem từng lỗi ở trang «Kết quả kiểm tra» của tệp .filled.xlsx hoặc trong tệp .findings.csv.");
    }
}
