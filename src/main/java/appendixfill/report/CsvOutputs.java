package appendixfill.report;

import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Kind;
import appendixfill.indicator.Rates;
import appendixfill.indicator.Status;
import appendixfill.indicator.Value;
import appendixfill.rule.Assessment;
import appendixfill.rule.Finding;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** values.csv and findings.csv: UTF-8 with a byte-order mark (so Excel reads the letters), CRLF. */
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
            return d.hasDay() ? String.format("%04d-%02d-%02d", d.year(), d.month(), d.day())
                    : String.format("%04d-%02d", d.year(), d.month());
        }
        return "";
    }

    private interface Rows {
        Void print(CSVPrinter printer) throws IOException;
    }

    private static String write(String[] header, Rows rows) {
        StringWriter out = new StringWriter();
        out.write(BOM);
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header).get())) {
            rows.print(printer);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toString();
    }
}
