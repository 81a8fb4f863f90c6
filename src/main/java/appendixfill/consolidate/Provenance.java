package appendixfill.consolidate;

import appendixfill.revision.Stamp;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a workbook received comes from: filled by appendix-fill (its stamp and run) or not, whether
 * its figures are still those it was filled with, and when it says it was last saved.
 *
 * @param stamp what the completed workbook says about itself; empty when the tool did not fill it
 * @param run the stamp of the run that wrote it ("TIME-PID-N"); empty when none
 * @param edited true when its figures are no longer those its stamp records (changed after filling)
 * @param saved when the workbook says it was last saved (its core properties, written by Excel and
 *     LibreOffice on every save), in milliseconds; 0 when it does not say
 */
public record Provenance(Optional<Stamp> stamp, String run, boolean edited, long saved) {

    /** A workbook the tool did not fill and that does not say when it was saved. */
    public static final Provenance NONE = new Provenance(Optional.empty(), "", false, 0);
    private static final java.util.regex.Pattern MILLIS = java.util.regex.Pattern.compile("\\d{1,18}");

    public Provenance {
        Objects.requireNonNull(stamp);
        Objects.requireNonNull(run);
    }

    /** The same provenance, saved when its core properties say. */
    public Provenance savedAt(Optional<String> when) {
        return new Provenance(stamp, run, edited, millis(when));
    }

    /** "2026-12-06T10:00:00Z" or with an offset, in milliseconds; 0 for none or for what is not such a time. */
    static long millis(Optional<String> w3cdtf) {
        if (w3cdtf.isEmpty()) {
            return 0;
        }
        try {
            return java.time.OffsetDateTime.parse(w3cdtf.get()).toInstant().toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            return 0; // a date without its time, or no date at all: the workbook does not say when
        }
    }

    /** When the run that wrote it started, in milliseconds; 0 when no run wrote it. */
    public long submitted() {
        int dash = run.indexOf('-');
        String millis = dash < 0 ? run : run.substring(0, dash);
        return MILLIS.matcher(millis).matches() ? Long.parseLong(millis) : 0;
    }

    /** The last thing it says happened to it: filled by the tool, or saved after that; 0 when it says neither. */
    public long latest() {
        return Math.max(submitted(), saved);
    }

    /** That last thing, said: «điền bằng appendix-fill lúc …» or «lưu lúc …»; "" when it says neither. */
    public String latestSaid() {
        if (latest() == 0) {
            return "";
        }
        return submitted() >= saved ? "điền bằng appendix-fill lúc " + shown(submitted()) : "lưu lúc " + shown(saved);
    }

    /** "19:52:08 06/12/2026 UTC": to the second, since a unit may send twice in a minute. */
    public String submittedShown() {
        return shown(submitted());
    }

    private static String shown(long millis) {
        String utc = Stamp.utc(millis);
        return utc.substring(11, 19) + " " + utc.substring(8, 10) + "/" + utc.substring(5, 7) + "/" + utc.substring(0, 4)
                + " UTC";
    }

    /** What the roll says of it: «điền bằng appendix-fill 0.1.0 (…)», and whether it was edited since; "" for none. */
    public String said() {
        if (stamp.isEmpty()) {
            return "";
        }
        Stamp s = stamp.get();
        return "điền bằng appendix-fill " + s.toolVersion() + " lúc " + submittedShown() + " (bộ quy tắc " + s.rulesVersion()
                + ")" + (edited ? "; số liệu đã bị sửa sau khi điền, khác với lúc điền: cần chạy lại appendix-fill" : "");
    }
}
