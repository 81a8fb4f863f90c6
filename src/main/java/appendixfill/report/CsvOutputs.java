package appendixfill.report;

import appendixfill.consolidate.Consolidated;
import appendixfill.consolidate.Roll;
import appendixfill.consolidate.Submission;
import appendixfill.consolidate.Tally;
import appendixfill.consolidate.Unit;
import appendixfill.indicator.Catalogue;
import appendixfill.indicator.VietnameseFormat;
import appendixfill.indicator.Consolidation;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Kind;
import appendixfill.indicator.Rates;
import appendixfill.indicator.Status;
import appendixfill.indicator.Value;
import appendixfill.rule.Assessment;
import appendixfill.rule.Finding;
import appendixfill.revision.Change;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The CSV files (values, findings, long, units): UTF-8 with a byte-order mark (so Excel reads the letters), CRLF; text neutralised. */
public final class CsvOutputs {

    private static final String BOM = "\uFEFF";

    private CsvOutputs() {
    }

    /** One row per catalogue line: code,stt,indicator,unit,value,status,note. */
    public static String values(Catalogue catalogue, Assessment assessment, Map<String, String> notes) {
        return write(new String[] {"code", "stt", "indicator", "unit", "value", "status", "note"}, printer -> {
            for (Indicator indicator : catalogue.indicators()) {
                Status status = assessment.statuses().get(indicator.code());
                printer.printRecord(indicator.code(), indicator.stt(), neutralise(indicator.wording()), indicator.unit(),
                        neutralise(machineValue(indicator, assessment.figures().get(indicator.code()))),
                        status == null ? "" : status.id(), neutralise(notes.getOrDefault(indicator.code(), "")));
            }
            return null;
        });
    }

    /** One row per finding: severity,rule,code,cell,message. */
    public static String findings(Assessment assessment, Function<String, String> cellOf) {
        return write(new String[] {"severity", "rule", "code", "cell", "message"}, printer -> {
            for (Finding finding : assessment.findings()) {
                printer.printRecord(finding.severity().id(), finding.rule(), finding.code(),
                        cellOf.apply(finding.code()), neutralise(finding.message()));
            }
            return null;
        });
    }

    /** One row per changed cell of a resubmission: code,stt,indicator,old,new,status. */
    public static String changes(List<Change> changes) {
        return write(new String[] {"code", "stt", "indicator", "cell", "old", "new", "status"}, printer -> {
            for (Change change : changes) {
                Indicator indicator = change.indicator();
                printer.printRecord(indicator.code(), indicator.stt(), neutralise(indicator.wording()),
                        change.note() ? "note" : "value", neutralise(machineValue(indicator, change.before())),
                        neutralise(machineValue(indicator, change.after())), change.kind().id());
            }
            return null;
        });
    }

    /**
     * Text that a spreadsheet would take for a formula (starting with =, +, -, @, a tab or a carriage
     * return) gets a leading apostrophe, so that opening the CSV in Excel runs nothing an officer
     * typed (CSV injection). Numbers are left alone: a machine-readable -5 must stay -5.
     */
    static String neutralise(String text) {
        if (text.isEmpty() || "=+-@\t\r".indexOf(text.charAt(0)) < 0 || NUMBER.matcher(text).matches()) {
            return text;
        }
        return "'" + text;
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[-+]?\\d+(\\.\\d+)?");

    /** The consolidated values, in the columns of a single fill's values.csv; the note says what a total covers. */
    public static String values(Consolidated consolidated) {
        return write(new String[] {"code", "stt", "indicator", "unit", "value", "status", "note"}, printer -> {
            for (Indicator indicator : consolidated.catalogue().indicators()) {
                printer.printRecord(indicator.code(), indicator.stt(), neutralise(indicator.wording()), indicator.unit(),
                        neutralise(machineValue(indicator, consolidated.figures().get(indicator.code()))),
                        consolidated.status(indicator.code()), neutralise(consolidated.note(indicator.code())));
            }
            return null;
        });
    }

    /**
     * One row per counted unit and indicator of the table: unit_code,unit,code,value,status (the
     * unit's code from units.csv, empty for a unit not on the list). Written
     * to {@code out} as it goes, never whole in memory: for thousands of units it is the largest output.
     */
    public static void longValues(Consolidated consolidated, Appendable out) throws IOException {
        // Printed into a plain buffer handed on a unit at a time: the printer appends a few characters
        // at a time, and a Writer takes a lock for each append.
        StringBuilder buffer = new StringBuilder(1 << 16);
        out.append(BOM);
        CSVPrinter printer = new CSVPrinter(buffer, CSVFormat.RFC4180.builder()
                .setHeader("unit_code", "unit", "code", "value", "status").get());
        List<Indicator> rows = consolidated.rows().stream().filter(i -> i.kind() != Kind.HEADING).toList();
        for (Roll.Entry entry : consolidated.roll().counted()) {
            Submission unit = entry.submission().orElseThrow();
            String unitCode = neutralise(entry.unit().map(Unit::code).orElse(""));
            String unitName = neutralise(entry.name());
            for (Indicator indicator : rows) {
                Value value = unit.shown().getOrDefault(indicator.code(), Value.MISSING);
                String machine = machineValue(indicator, value);
                if (indicator.consolidation().method() == Consolidation.Method.YES_COUNT && unit.totals().units() > 1) {
                    Tally tally = unit.totals().tally(indicator.code());
                    machine = tally.units() == 0 ? "" : Consolidated.answers(tally);
                }
                String status = value instanceof Value.NotApplicable ? Status.NOT_APPLICABLE.id()
                        : machine.isEmpty() ? Status.MISSING.id()
                        : indicator.kind() == Kind.RATE ? Status.DERIVED.id() : Status.ENTERED.id();
                printer.printRecord(unitCode, unitName, indicator.code(), neutralise(machine), status);
            }
            if (buffer.length() >= 1 << 15) {
                out.append(buffer);
                buffer.setLength(0);
            }
        }
        out.append(buffer);
    }

    /** One row per entry of the roll: unit,file,status,errors,warnings,code,parent,reason. */
    public static String units(Roll roll) {
        return write(new String[] {"unit", "file", "status", "errors", "warnings", "code", "parent", "reason"},
                printer -> {
                    for (Roll.Entry entry : roll.entries()) {
                        Optional<Submission> read = entry.submission().filter(Submission::readable);
                        printer.printRecord(neutralise(entry.name()),
                                neutralise(entry.submission().map(Submission::file).orElse("")),
                                entry.standing().id(), read.map(s -> String.valueOf(s.errors())).orElse(""),
                                read.map(s -> String.valueOf(s.warnings())).orElse(""),
                                neutralise(entry.unit().map(Unit::code).orElse("")),
                                neutralise(entry.unit().map(Unit::parent).orElse("")),
                                neutralise(entry.reason()));
                    }
                    return null;
                });
    }

    /** Dot decimal, no grouping, two decimals for rates, Có/Không, ISO dates; empty when none. */
    static String machineValue(Indicator indicator, Value value) {
        if (value instanceof Value.Amount a) {
            return indicator.kind() == Kind.RATE ? a.number().setScale(Rates.SCALE, Rates.ROUNDING).toPlainString()
                    : a.number().toPlainString();
        }
        if (value instanceof Value.YesNo y) {
            return y.word();
        }
        if (value instanceof Value.Text t) {
            return t.text();
        }
        if (value instanceof Value.Day d) {
            String yearMonth = d.year() + "-" + VietnameseFormat.twoDigits(d.month());
            return d.hasDay() ? yearMonth + "-" + VietnameseFormat.twoDigits(d.day()) : yearMonth;
        }
        return "";
    }

    private interface Rows {
        Void print(CSVPrinter printer) throws IOException;
    }

    private static String write(String[] header, Rows rows) {
        StringWriter out = new StringWriter();
        try {
            write(header, out, rows);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toString();
    }

    private static void write(String[] header, Appendable out, Rows rows) throws IOException {
        out.append(BOM);
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header).get());
        rows.print(printer);
        printer.flush();
    }
}
