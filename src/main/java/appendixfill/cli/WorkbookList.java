package appendixfill.cli;

import appendixfill.input.IoReason;
import appendixfill.input.Message;
import appendixfill.input.UnusableInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A list file, {@code @danh-sach.txt}: the workbooks it names, one a line, stand in its place on the
 * command line. On Windows it carries Vietnamese file names that {@code java.exe} would garble. A
 * line is a whole name, spaces and all; the byte-order mark Notepad writes, line ends of either
 * kind, blank lines and lines starting with # are passed over, and a name may be in double quotes.
 */
final class WorkbookList {

    private WorkbookList() {
    }

    /** The arguments with every {@code @FILE} replaced by the names in FILE. */
    static String[] expand(String[] args) throws UnusableInput {
        List<String> expanded = new ArrayList<>();
        for (String arg : args) {
            if (arg.length() > 1 && arg.startsWith("@")) {
                expanded.addAll(read(Path.of(arg.substring(1))));
            } else {
                expanded.add(arg);
            }
        }
        return expanded.toArray(String[]::new);
    }

    private static List<String> read(Path list) throws UnusableInput {
        String text;
        try {
            text = Files.readString(list, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UnusableInput(Message.of("cli.list-missing", list), e);
        } catch (IOException e) {
            throw new UnusableInput(Message.of("cli.list-unreadable", list, IoReason.reading(list, e)), e);
        }
        List<String> names = new ArrayList<>();
        for (String line : text.replace("\uFEFF", "").split("\r?\n|\r")) {
            String name = line.strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
            if (!name.isEmpty() && !name.startsWith("#")) {
                names.add(name);
            }
        }
        return names;
    }
}
