package appendixfill.fill;


import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Document;
import appendixfill.input.Message;
import appendixfill.input.UnusableInput;
import appendixfill.report.CsvOutputs;
import appendixfill.report.Narrative;
import appendixfill.report.Report;
import appendixfill.report.WordDocument;
import appendixfill.rule.Assessment;
import appendixfill.rule.RuleBook;
import appendixfill.rule.Severity;
import appendixfill.form.FormFile;
import appendixfill.indicator.Figures;
import appendixfill.indicator.Span;
import appendixfill.input.IoReason;
import appendixfill.revision.ChangeLog;
import appendixfill.revision.Changes;
import appendixfill.revision.Fingerprint;
import appendixfill.revision.Stamp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** One fill: workbook → typed cells → values → findings → the five outputs. */
public final class FillJob {

    /**
     * What a fill wrote and found.
     *
     * @param flaggedFigures how many figures the report prints under an error finding
     * @param source how the workbook was read and how its completed copy was made
     * @param previous the unit's report of an earlier period it was compared with, if one was given
     */
    public record Result(Path input, Document document, Assessment assessment, int flaggedFigures, List<Path> written,
            FormFile.Source source, Optional<PreviousReport> previous) {

        /** The one-line summary the officer reads first. */
        public String summary() {
            return summaryLine(assessment);
        }
    }

    private final Catalogue catalogue;
    private final RuleBook rules;
    /**
     * Velocity starts on the other core while POI opens the workbook (both take a good part of a
     * single fill's time); a batch of workbooks starts it once.
     */
    private final CompletableFuture<Narrative> narrative = CompletableFuture.supplyAsync(Narrative::new);
    /** Then, on the same core, the Word templates: parsed while this core reads the workbook or renders the text. */
    private final CompletableFuture<WordDocument> word = narrative.thenApplyAsync(Narrative::word);

    private final OutputFiles.Steps steps;
    /** Several fills run at once, one on each core: each then makes all its outputs on its own thread. */
    private final boolean sideBySide;

    /** Fills of one workbook at a time, each using the other core for part of its outputs. */
    public FillJob(Catalogue catalogue, RuleBook rules) {
        this(catalogue, rules, false);
    }

    /**
     * @param sideBySide whether several workbooks are filled at once, one on each core (a batch)
     */
    public FillJob(Catalogue catalogue, RuleBook rules, boolean sideBySide) {
        this(catalogue, rules, OutputFiles.Steps.REAL, sideBySide);
    }

    /** A fill whose outputs are committed through these steps (tests fail or stop them). */
    FillJob(Catalogue catalogue, RuleBook rules, OutputFiles.Steps steps) {
        this(catalogue, rules, steps, false);
    }

    private FillJob(Catalogue catalogue, RuleBook rules, OutputFiles.Steps steps, boolean sideBySide) {
        this.catalogue = catalogue;
        this.rules = rules;
        this.steps = steps;
        this.sideBySide = sideBySide;
    }

    /**
     * Fills one workbook, writing NAME.filled.xlsx, .report.txt, .report.docx, .values.csv, .findings.csv as one
     * set ({@link OutputFiles}); whether they can be written is checked before the workbook is read.
     */
    public Result run(Path input, Path outFolder) throws UnusableInput {
        return run(input, outFolder, Optional.empty());
    }

    /**
     * Fills one workbook, comparing it with the unit's report of an earlier period when one is given
     * (read once, after the workbook; a report of a later period or of another unit is refused).
     */
    public Result run(Path input, Path outFolder, Optional<Path> previousFile) throws UnusableInput {
        Path folder = outputFolder(input, outFolder);
        requireFolder(folder);
        String base = baseName(input);
        OutputFiles outputs = OutputFiles.check(folder, base, outputNames(base), steps);
        FormFile form = FormFile.open(input, catalogue, FormFile.Purpose.FILL);
        Assessment assessment = Assessment.of(catalogue, rules, form.typed(), form.findings());
        Optional<PreviousReport> previous = previousFile.isEmpty() ? Optional.empty()
                : Optional.of(PreviousReport.read(previousFile.get(), catalogue, rules));
        if (previous.isPresent()) {
            assessment = assessment.with(previous.get().compare(input, assessment.figures(), rules));
        }
        Assessment assessed = assessment;
        Stamp stamp = stamp(input, assessed);
        ChangeLog log = changeLog(form, folder.resolve(base + ".filled.xlsx"), assessed, outputs.stamp(), stamp);
        String summary = summaryLine(assessment);
        // The completed workbook needs the assessment, not the report: it is made on the other core while
        // this one renders the report, and the Word document is laid out beside them. In a batch, where
        // every core fills a workbook and no core is free, this thread makes both itself, in turn.
        OutputFiles.Content workbook = out -> form.complete(assessed, summary, outputs.stamp(), stamp, log, out);
        CompletableFuture<byte[]> completed = sideBySide ? null : CompletableFuture.supplyAsync(() -> bytes(workbook));
        Report report = narrative().render(assessment, form.notes(), previous.map(PreviousReport::figures),
                previous.map(PreviousReport::span));
        CompletableFuture<byte[]> docx = sideBySide ? CompletableFuture.completedFuture(word.join().write(report))
                : word.thenApplyAsync(layout -> layout.write(report));
        // The outputs are written side by side.
        Map<String, OutputFiles.Content> contents = new LinkedHashMap<>();
        contents.put(base + ".filled.xlsx", completed == null ? workbook : out -> out.write(joined(completed)));
        contents.put(base + ".report.txt", out -> out.write(report.text().getBytes(StandardCharsets.UTF_8)));
        contents.put(base + ".report.docx", out -> out.write(docx.join()));
        contents.put(base + ".values.csv", out -> out.write(CsvOutputs.values(catalogue, assessed, form.notes())
                .getBytes(StandardCharsets.UTF_8)));
        contents.put(base + ".findings.csv", out -> out.write(CsvOutputs.findings(assessed, form::address)
                .getBytes(StandardCharsets.UTF_8)));
        List<Path> written = outputs.write(contents);
        return new Result(input, Document.of(assessment.figures()), assessment, report.flaggedFigures(), written,
                form.source(), previous);
    }

    /** What a content writes, made on another thread ({@link #joined} gives it back, or what it threw). */
    static byte[] bytes(OutputFiles.Content content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        try {
            content.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UnusableInput e) {
            throw new CompletionException(e);
        }
        return out.toByteArray();
    }

    static byte[] joined(CompletableFuture<byte[]> made) throws IOException, UnusableInput {
        try {
            return made.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UnusableInput refusal) {
                throw refusal;
            }
            if (e.getCause() instanceof UncheckedIOException failure) {
                throw failure.getCause();
            }
            if (e.getCause() instanceof RuntimeException bug) {
                throw bug;
            }
            throw e;
        }
    }

    /** What the completed workbook says about itself. */
    private Stamp stamp(Path input, Assessment assessment) throws UnusableInput {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(input);
        } catch (IOException e) {
            throw new UnusableInput(Message.of("input.unreadable", input, IoReason.reading(input, e), Message.of("valid")), e);
        }
        Figures figures = assessment.figures();
        return new Stamp(Catalogue.TEMPLATE_ID, Catalogue.TEMPLATE_VERSION, RuleBook.VERSION, Stamp.TOOL_VERSION,
                PreviousReport.unit(figures), Span.of(figures).map(Span::toString).orElse(""), Fingerprint.sha256(bytes),
                Stamp.utc(System.currentTimeMillis()), assessment.count(Severity.ERROR),
                assessment.count(Severity.WARNING), Fingerprint.of(figures));
    }

    /**
     * The change log the completed workbook carries: that of the completed workbook it replaces
     * (the same outputs written before), with what changed since; else the one its input carries
     * (a completed workbook filled again); else a first entry. The workbook it replaces is read only
     * when there is one, and one it cannot read starts the log afresh.
     */
    private ChangeLog changeLog(FormFile form, Path replaced, Assessment assessment, String run, Stamp stamp) {
        if (Files.isRegularFile(replaced)) {
            try {
                FormFile earlier = FormFile.open(replaced, catalogue, FormFile.Purpose.CONSOLIDATE);
                if (Stamp.of(earlier.properties()).isPresent()) {
                    Figures before = Assessment.of(catalogue, rules, earlier.typed(), earlier.findings()).figures();
                    return earlier.changeLog().then(run, stamp.filled(), stamp.inputSha256(),
                            Changes.between(before, assessment.figures()));
                }
            } catch (UnusableInput e) {
                // Not a workbook the tool can read any more: its log is lost, this one starts afresh.
            }
        }
        return form.changeLog().then(run, stamp.filled(), stamp.inputSha256(), List.of());
    }

    private Narrative narrative() {
        return narrative.join();
    }

    /** The five files a fill of {@code input} writes. */
    public static List<String> outputNames(Path input) {
        return outputNames(baseName(input));
    }

    private static List<String> outputNames(String base) {
        return List.of(base + ".filled.xlsx", base + ".report.txt", base + ".report.docx", base + ".values.csv",
                base + ".findings.csv");
    }

    static String summaryLine(Assessment assessment) {
        return "Kết quả kiểm tra: " + assessment.count(Severity.ERROR) + " lỗi, " + assessment.count(Severity.WARNING)
                + " cảnh báo, " + assessment.count(Severity.INFO) + " thông tin.";
    }

    /** "vu-muon.xlsx" → "vu-muon"; outputs never take the input's own name. */
    public static String baseName(Path input) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Where the outputs of a workbook go: the folder asked for, else beside the input. */
    public static Path outputFolder(Path input, Path outFolder) {
        if (outFolder != null) {
            return outFolder;
        }
        Path parent = input.toAbsolutePath().getParent();
        return parent != null ? parent : Path.of(".");
    }

    private static void requireFolder(Path folder) throws UnusableInput {
        if (Files.isDirectory(folder)) {
            return;
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UnusableInput(Message.of("output.no-folder", folder), e);
        }
    }
}
