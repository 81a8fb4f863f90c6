package appendixfill.workbook;

import appendixfill.indicator.Catalogue;
import appendixfill.input.Typed;
import appendixfill.input.UnusableInput;
import appendixfill.rule.Assessment;
import appendixfill.rule.Finding;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A Phụ lục I workbook opened for a fill: what the officer typed, and how its completed copy is written. */
public interface Form extends AutoCloseable {

    /**
     * Opens a workbook, or says in Vietnamese why it cannot be used. A workbook of the tool's
     * template is completed by patching its own XML ({@link PatchedWorkbook}); anything the
     * patcher does not take (a plain table, an .xls, an .ods, a macro workbook, comments of the
     * officer's on the form) goes through POI ({@link FormWorkbook}), as do all refusals.
     */
    static Form open(Path file, Catalogue catalogue) throws UnusableInput {
        Optional<PatchedWorkbook> patched = PatchedWorkbook.open(file, catalogue);
        if (patched.isPresent()) {
            return patched.get();
        }
        return FormWorkbook.open(file, catalogue);
    }

    /** The file read; it is never written. */
    Path file();

    /** What each cell held as the officer typed it (what the tool rewrote earlier is taken back). */
    Map<String, Typed> typed();

    /** The officer's Ghi chú beside each row of the appendix that has one. */
    Map<String, String> notes();

    /** What the officer is told about how the workbook was read (a plain table recognised, rows matched…). */
    List<Finding> findings();

    /** The cell of an indicator as a person finds it: Phụ lục I!D40; "" when it has none. */
    String address(String code);

    /** Writes the completed workbook to {@code out}: the file read is not touched. */
    void complete(Assessment assessment, String summary, OutputStream out) throws IOException, UnusableInput;

    @Override
    void close();
}
