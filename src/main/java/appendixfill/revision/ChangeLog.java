package appendixfill.revision;

import appendixfill.indicator.VietnameseFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The change log of a completed workbook (nhật ký các lần nộp): one entry per fill that wrote it,
 * each with the cells changed since the fill before. Kept in a very hidden sheet, carried from one
 * fill of a workbook to the next.
 *
 * @param entries the submissions, oldest first
 */
public record ChangeLog(List<Entry> entries) {

    /** The header row of the log's sheet. */
    public static final List<String> HEADER = List.of("submission", "run", "filled", "input-sha256", "code", "old",
            "new");

    /**
     * One submission.
     *
     * @param number 1 for the first fill, then 2…
     * @param run the stamp of the run that wrote it
     * @param filled when, ISO 8601 in UTC
     * @param inputSha256 SHA-256 of the file filled
     * @param changes the cells changed since the submission before, as shown values
     */
    public record Entry(int number, String run, String filled, String inputSha256, List<Line> changes) {
        public Entry {
            changes = List.copyOf(changes);
        }
    }

    /** A changed cell: its code, and its value before and after, as the officer reads them. */
    public record Line(String code, String before, String after) {
        public Line {
            Objects.requireNonNull(code);
        }
    }

    public static final ChangeLog EMPTY = new ChangeLog(List.of());

    public ChangeLog {
        entries = List.copyOf(entries);
    }

    /** The log with one more submission: what changed since the last one. */
    public ChangeLog then(String run, String filled, String inputSha256, List<Change> changes) {
        List<Entry> more = new ArrayList<>(entries);
        List<Line> lines = changes.stream().map(c -> new Line(c.indicator().code(),
                VietnameseFormat.value(c.indicator(), c.before()), VietnameseFormat.value(c.indicator(), c.after())))
                .toList();
        more.add(new Entry(entries.isEmpty() ? 1 : entries.get(entries.size() - 1).number() + 1, run, filled,
                inputSha256, lines));
        return new ChangeLog(more);
    }

    /** The rows of its sheet, the header first: a row per submission, then a row per changed cell. */
    public List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Entry entry : entries) {
            rows.add(List.of(String.valueOf(entry.number()), entry.run(), entry.filled(), entry.inputSha256(), "", "", ""));
            for (Line line : entry.changes()) {
                rows.add(List.of(String.valueOf(entry.number()), "", "", "", line.code(), line.before(), line.after()));
            }
        }
        return rows;
    }

    /** The log its sheet's rows hold (read as text); rows the tool did not write are passed over. */
    public static ChangeLog fromRows(List<List<String>> rows) {
        List<Entry> entries = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        String[] current = null;
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = new ArrayList<>(rows.get(i));
            while (row.size() < HEADER.size()) {
                row.add("");
            }
            if (!row.get(0).matches("\\d{1,6}")) {
                continue;
            }
            if (!row.get(1).isEmpty()) {
                if (current != null) {
                    entries.add(entry(current, lines));
                }
                current = new String[] {row.get(0), row.get(1), row.get(2), row.get(3)};
                lines = new ArrayList<>();
            } else if (current != null && !row.get(4).isEmpty()) {
                lines.add(new Line(row.get(4), row.get(5), row.get(6)));
            }
        }
        if (current != null) {
            entries.add(entry(current, lines));
        }
        return new ChangeLog(entries);
    }

    private static Entry entry(String[] head, List<Line> lines) {
        return new Entry(Integer.parseInt(head[0]), head[1], head[2], head[3], lines);
    }
}
