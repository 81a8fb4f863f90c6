package appendixfill.indicator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The format of the form's data files (catalogue, rules): UTF-8, tab-separated, one header line,
 * lines starting with # are comments. Cells hold no tabs, so there is no quoting.
 */
public final class TabSeparated {

    private TabSeparated() {
    }

    /** The rows of a data file, each with exactly the header's columns. */
    public static List<String[]> read(InputStream in, List<String> columns, String what) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<String[]> rows = new ArrayList<>();
        boolean header = true;
        int lineNumber = 0;
        for (String line; (line = reader.readLine()) != null; ) {
            lineNumber++;
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (header) {
                if (!Arrays.asList(cells).equals(columns)) {
                    throw new IllegalArgumentException(what + ": the header must be " + columns);
                }
                header = false;
            } else if (cells.length != columns.size()) {
                throw new IllegalArgumentException(what + " line " + lineNumber + " has " + cells.length
                        + " columns, expected " + columns.size());
            } else {
                rows.add(cells);
            }
        }
        return rows;
    }

    /** Reads a data file the build copies onto the classpath. */
    public static <T> T resource(String name, Parser<T> parser) {
        try (InputStream in = TabSeparated.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the build");
            }
            return parser.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Turns a data file into its object. */
    public interface Parser<T> {
        T parse(InputStream in) throws IOException;
    }
}
