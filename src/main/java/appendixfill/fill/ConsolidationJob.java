package appendixfill.fill;


import appendixfill.consolidate.Consolidated;
import appendixfill.consolidate.Period;
import appendixfill.consolidate.PeriodComparison;
import appendixfill.indicator.Span;
import appendixfill.consolidate.Provenance;
import appendixfill.revision.Fingerprint;
import appendixfill.revision.Stamp;
import appendixfill.consolidate.Roll;
import appendixfill.consolidate.Submission;
import appendixfill.consolidate.Totals;
import appendixfill.consolidate.Unit;
import appendixfill.indicator.Catalogue;
import appendixfill.input.IoReason;
import appendixfill.input.Message;
import appendixfill.input.UnusableInput;
import appendixfill.report.CsvOutputs;
import appendixfill.report.Narrative;
import appendixfill.report.Report;
import appendixfill.rule.Assessment;
import appendixfill.rule.RuleBook;
import appendixfill.consolidate.ConsolidationWorkbook;
import appendixfill.form.FormFile;
import appendixfill.form.Layout;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One consolidation: a folder of workbooks → one submission each (read and assessed as a single
 * fill assesses it, then reduced to its figures) → the roll → the consolidated outputs, written
 * all or nothing. Workbooks are read one at a time per thread and let go at once.
 */
public final class ConsolidationJob {

    /**
     * What a consolidation wrote.
     *
     * @param faults the workbooks the tool failed on (a bug of the tool, not of the workbook): each
     *     listed as unreadable in the roll, the others consolidated
     */
    public record Result(Consolidated consolidated, List<Path> written, List<Fault> faults,
            Optional<PeriodComparison> comparison) {
        public Result {
            written = List.copyOf(written);
            faults = List.copyOf(faults);
        }
    }

    /** A fault of the tool with one workbook. */
    public record Fault(Path file, RuntimeException failure) {
    }

    /** Told after each workbook read: how many of how many; and, for the benchmark, when each phase ends. */
    public interface Progress {
        void read(int done, int total);

        /** A phase of the run has ended: "read", "rolled", "written OUT.xlsx" and so on. */
        default void ended(String phase) {
        }
    }

    private final Catalogue catalogue;
    private final RuleBook rules;

    public ConsolidationJob(Catalogue catalogue, RuleBook rules) {
        this.catalogue = catalogue;
        this.rules = rules;
    }

    /**
     * Consolidates every workbook of {@code folder}.
     *
     * @param unitsFile units.csv (code,name,parent), when the receiver has a list of units
     * @param period the period asked for; when empty, the one most workbooks report on
     * @param out the consolidated workbook; the other outputs are written beside it
     * @param name the consolidating unit, as the outputs name it
     * @param withoutErrors leave the workbooks with errors out of the totals (they stay on the roll)
     */
    public Result run(Path folder, Optional<Path> unitsFile, Optional<Period> period, Path out, String name,
            boolean withoutErrors, Progress progress) throws UnusableInput {
        return run(folder, unitsFile, period, out, name, withoutErrors, Optional.empty(), progress);
    }

    /**
     * The same, comparing each unit with its workbook in {@code previousFolder}, the workbooks of an
     * earlier period (found by the unit's code, else its name), as a fill compares with {@code --previous}.
     */
    public Result run(Path folder, Optional<Path> unitsFile, Optional<Period> period, Path out, String name,
            boolean withoutErrors, Optional<Path> previousFolder, Progress progress) throws UnusableInput {
        if (!Files.isDirectory(folder)) {
            throw new UnusableInput(Message.of(Files.exists(folder) ? "consolidate.folder-is-file"
                    : "consolidate.no-folder", folder));
        }
        List<Unit> units = unitsFile.isPresent() ? readUnits(unitsFile.get()) : List.of();
        String outName = out.getFileName().toString();
        if (!outName.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            throw new UnusableInput(Message.of("consolidate.out-not-xlsx", out));
        }
        List<Path> files = workbooks(folder, out);
        List<Path> previousFiles = List.of();
        if (previousFolder.isPresent()) {
            if (!Files.isDirectory(previousFolder.get())) {
                throw new UnusableInput(Message.of("consolidate.previous-not-folder", previousFolder.get()));
            }
            previousFiles = workbooks(previousFolder.get(), out);
            if (previousFiles.isEmpty()) {
                throw new UnusableInput(Message.of("consolidate.no-workbooks", previousFolder.get()));
            }
        }
        // A folder of unreadable workbooks still gets its roll; a folder of none has nothing to say.
        if (files.isEmpty()) {
            throw new UnusableInput(Message.of("consolidate.no-workbooks", folder));
        }
        Path outFolder = out.toAbsolutePath().getParent();
        try {
            Files.createDirectories(outFolder);
        } catch (IOException e) {
            throw new UnusableInput(Message.of("consolidate.no-out-folder", outFolder, out), e);
        }
        String base = outName.substring(0, outName.length() - ".xlsx".length());
        OutputFiles outputs = OutputFiles.check(outFolder, base, outputNames(outName));
        // Velocity takes a tenth of a second to start: it does so beside the reading, not after it.
        java.util.concurrent.CompletableFuture<Narrative> narrative =
                java.util.concurrent.CompletableFuture.supplyAsync(Narrative::consolidation);
        Submission[] submissions = new Submission[files.size()];
        Submission[] earlier = new Submission[previousFiles.size()];
        List<Path> earlierFiles = previousFiles;
        int total = files.size() + earlier.length;
        AtomicInteger done = new AtomicInteger();
        // Two threads or more: reading is CPU-bound (inflate, parse, assess), and each workbook is
        // reduced to its figures as soon as it is read, so memory stays flat in the number of files.
        // The earlier period's workbooks, read for their values only, in the same pass: one pass has
        // one tail where a core waits for the other's last workbook. A fault of the tool with one of
        // them is a fault of the run, as with a workbook of this period.
        List<Fault> faults = java.util.Collections.synchronizedList(new ArrayList<>());
        IntStream.range(0, total).parallel().forEach(i -> {
            if (i < submissions.length) {
                submissions[i] = readOrFault(files.get(i), faults, this::read);
            } else {
                earlier[i - submissions.length] = readOrFault(earlierFiles.get(i - submissions.length), faults,
                        this::readEarlier);
            }
            progress.read(done.incrementAndGet(), total);
        });
        progress.ended("read");
        // The two rolls side by side, on the two cores.
        java.util.concurrent.CompletableFuture<Roll> earlierRoll = previousFolder.isEmpty() ? null
                : java.util.concurrent.CompletableFuture.supplyAsync(() -> Roll.of(units, Arrays.asList(earlier),
                        Optional.empty(), false, catalogue));
        Roll received = Roll.of(units, Arrays.asList(submissions), period, withoutErrors, catalogue);
        Optional<PeriodComparison> comparison = Optional.empty();
        if (previousFolder.isPresent()) {
            Roll before = earlierRoll.join();
            if (before.period().isPresent() && received.period().isPresent() && !earlierThan(before.period().get(),
                    received.period().get())) {
                throw new UnusableInput(Message.of("consolidate.previous-later", previousFolder.get(),
                        before.period().get(), folder, received.period().get()));
            }
            comparison = Optional.of(PeriodComparison.of(received, before, rules.acrossPeriods(), catalogue));
        }
        Roll roll = comparison.map(PeriodComparison::roll).orElse(received);
        Consolidated consolidated = Consolidated.of(catalogue, name, roll);
        progress.ended("consolidated");
        Map<String, OutputFiles.Content> contents = new java.util.LinkedHashMap<>();
        contents.put(outName, stream -> new ConsolidationWorkbook(catalogue).write(consolidated,
                outputs.stamp(), stream));
        contents.put(base + ".values.csv", stream -> stream.write(CsvOutputs.values(consolidated)
                .getBytes(StandardCharsets.UTF_8)));
        contents.put(base + ".long.csv", stream -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            CsvOutputs.longValues(consolidated, writer);
            writer.flush();
        });
        contents.put(base + ".units.csv", stream -> stream.write(CsvOutputs.units(roll).getBytes(StandardCharsets.UTF_8)));
        // Rendered once, beside the other outputs, for both the text and the Word document.
        java.util.concurrent.CompletableFuture<Report> report =
                narrative.thenApplyAsync(n -> n.render(consolidated, base + ".units.csv"));
        contents.put(base + ".report.txt", stream -> stream.write(report.join().text().getBytes(StandardCharsets.UTF_8)));
        contents.put(base + ".report.docx", stream -> stream.write(narrative.join().docx(report.join())));
        contents.replaceAll((file, content) -> stream -> {
            content.writeTo(stream);
            progress.ended("written " + file);
        });
        Result result = new Result(consolidated, outputs.write(contents), faults, comparison);
        progress.ended("committed");
        return result;
    }

    private static boolean earlierThan(Period before, Period now) {
        return new Span(before.name(), before.year()).compareTo(new Span(now.name(), now.year())) < 0;
    }

    /** The files a consolidation into {@code outName} (OUT.xlsx) writes, in the order they are committed. */
    static List<String> outputNames(String outName) {
        String base = outName.substring(0, outName.length() - ".xlsx".length());
        return List.of(outName, base + ".values.csv", base + ".long.csv", base + ".units.csv", base + ".report.txt",
                base + ".report.docx");
    }

    /**
     * The one handler of a fault of the tool with one workbook of the thousands, of this period or
     * the earlier one: that unit is listed as unreadable, the others are consolidated, and the
     * command ends with exit 3 and a log (the caller's). Never a reason to take another way of reading.
     */
    private static Submission readOrFault(Path file, List<Fault> faults, Function<Path, Submission> reader) {
        try {
            return reader.apply(file);
        } catch (RuntimeException bug) {
            faults.add(new Fault(file, bug));
            return Submission.unreadable(file.getFileName().toString(), "Lỗi nội bộ của appendix-fill khi đọc tệp này ("
                    + bug.getClass().getSimpleName() + "), không phải lỗi của tệp; chi tiết ở nhật ký lỗi.");
        }
    }

    /**
     * One workbook of the earlier period: only its unit, period and values (no findings). A file
     * that cannot be used leaves that unit uncompared.
     */
    private Submission readEarlier(Path file) {
        String shown = file.getFileName().toString();
        try {
            FormFile form = FormFile.open(file, catalogue, FormFile.Purpose.CONSOLIDATE);
            if (form.consolidationTotals().isPresent()) {
                return Submission.unreadable(shown, "biểu tổng hợp");
            }
            return Submission.earlier(shown, Assessment.figures(catalogue, form.typed()),
                    form.properties().getOrDefault(Layout.PROPERTY_VERSION, ""));
        } catch (UnusableInput e) {
            return Submission.unreadable(shown, e.getMessage());
        }
    }

    /** One workbook, read and assessed; a file that cannot be used becomes a reason, never an exception. */
    Submission read(Path file) {
        String shown = file.getFileName().toString();
        FormFile form;
        Optional<String> saved;
        try {
            form = FormFile.open(file, catalogue, FormFile.Purpose.CONSOLIDATE);
            // Which of a unit's two workbooks is the later, when the tool filled neither or only one.
            saved = form.lastSaved();
        } catch (UnusableInput e) {
            return Submission.unreadable(shown, e.getMessage());
        }
        String version = form.properties().getOrDefault(Layout.PROPERTY_VERSION, "");
        if (form.consolidationTotals().isPresent()) {
            List<List<String>> rows = form.consolidationTotals().get();
            Map<String, String> details = ConsolidationWorkbook.details(rows);
            Optional<Period> period = Optional.ofNullable(details.get("period"))
                    .flatMap(p -> Period.parse(p + " " + details.getOrDefault("year", "")));
            return Submission.consolidated(shown, details.getOrDefault("name", shown), period, version,
                    Totals.fromRows(rows), catalogue);
        }
        Assessment assessment = Assessment.of(catalogue, rules, form.typed(), form.findings());
        Optional<Stamp> stamp = Stamp.of(form.properties());
        Provenance provenance = (stamp.isEmpty() ? Provenance.NONE : new Provenance(stamp,
                form.properties().getOrDefault(Layout.PROPERTY_RUN, ""),
                !stamp.get().content().equals(Fingerprint.of(assessment.figures())), 0)).savedAt(saved);
        return Submission.of(shown, assessment, version).from(provenance);
    }

    /** The workbooks of the folder, by name; not Excel's or LibreOffice's lock files, not the output itself. */
    static List<Path> workbooks(Path folder, Path out) throws UnusableInput {
        Path target = out.toAbsolutePath().normalize();
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(Files::isRegularFile)
                    .filter(ConsolidationJob::isSpreadsheet)
                    .filter(p -> !p.getFileName().toString().startsWith("~$")
                            && !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.toAbsolutePath().normalize().equals(target))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UnusableInput(Message.of("consolidate.folder-unreadable", folder, IoReason.reading(folder, e)), e);
        }
    }

    private static boolean isSpreadsheet(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".xls") || name.endsWith(".ods");
    }

    /** Reads units.csv: a header naming code and name (parent optional), UTF-8 with or without BOM. */
    static List<Unit> readUnits(Path file) throws UnusableInput {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get().parse(reader);
            List<String> header = parser.getHeaderNames();
            if (!header.contains("code") || !header.contains("name")) {
                throw new UnusableInput(Message.of("consolidate.units-header", file, header));
            }
            List<Unit> units = new ArrayList<>();
            java.util.Set<String> codes = new java.util.HashSet<>();
            for (CSVRecord record : parser) {
                String code = record.get("code");
                String name = record.isSet("name") ? record.get("name") : "";
                long line = record.getRecordNumber() + 1;
                if (code.isBlank() || name.isBlank()) {
                    throw new UnusableInput(Message.of("consolidate.units-incomplete", file, line,
                            Message.of(code.isBlank() ? "consolidate.unit-code" : "consolidate.unit-name")));
                }
                if (!codes.add(code)) {
                    throw new UnusableInput(Message.of("consolidate.units-duplicate", file, line, code));
                }
                String parent = header.contains("parent") && record.isSet("parent") ? record.get("parent") : "";
                units.add(new Unit(code, name, parent));
            }
            return units;
        } catch (IOException e) {
            throw new UnusableInput(Message.of("consolidate.units-unreadable", file, IoReason.reading(file, e)), e);
        } catch (UncheckedIOException e) {
            throw new UnusableInput(Message.of("consolidate.units-unreadable", file,
                    IoReason.reading(file, e.getCause())), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // Commons CSV's own words on a malformed file (an unclosed quote): the last resort.
            throw new UnusableInput(Message.of("consolidate.units-unreadable", file, e.getMessage()), e);
        }
    }
}
