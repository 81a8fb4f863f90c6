package appendixfill.consolidate;

import appendixfill.revision.Stamp;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a workbook received comes from: filled by appendix-fill (its stamp and run) or not, and
 * whether its figures are still those it was filled with.
 *
 * @param stamp what the completed workbook says about itself; empty when the tool did not fill it
 * @param run the stamp of the run that wrote it ("TIME-PID-N"); empty when none
 * @param edited true when its figures are no longer those its stamp records (changed after filling)
 */
public record Provenance(Optional<Stamp> stamp, String run, boolean edited) {

    /** A workbook the tool did not fill. */
    public static final Provenance NONE = new Provenance(Optional.empty(), "", false);

    public Provenance {
        Objects.requireNonNull(stamp);
        Objects.requireNonNull(run);
    }

    /** When the run that wrote it started, in milliseconds; 0 when no run wrote it. */
    public long submitted() {
        int dash = run.indexOf('-');
        String millis = dash < 0 ? run : run.substring(0, dash);
        return millis.matches("\\d{1,18}") ? Long.parseLong(millis) : 0;
    }

    /** "19:52:08 06/12/2026 UTC": to the second, since a unit may send twice in a minute. */
    public String submittedShown() {
        String utc = Stamp.utc(submitted());
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
