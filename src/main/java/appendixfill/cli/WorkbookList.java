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
 * A list file, {@code @danh-sach.txt}: the arguments it holds, one a line, stand in its place on the
 * command line. On Windows it carries what {@code java.exe} would garble (the launcher,
 * bin\appendix-fill.cmd, passes every argument this way). A line is a whole argument, spaces and all;
 * the byte-order mark Notepad writes, line ends of either kind, blank lines and lines starting with #
 * are passed over. A line in double quotes is taken exactly as it stands between them (unless that is
 * nothing), so that a name may start with # or a space. A listed {@code @FILE} is a list in turn; a
 * list that names itself is refused.
 */
final class WorkbookList {

    private WorkbookList() {
    }

    /** The arguments with every {@code @FILE} replaced by the arguments in FILE. */
    static String[] expand(String[] args) throws UnusableInput {
        List<String> expanded = new ArrayList<>();
        for (String arg : args) {
            expandInto(expanded, arg, List.of());
        }
        return expanded.toArray(String[]::new);
    }

    private static void expandInto(List<String> expanded, String arg, List<Path> enclosing) throws UnusableInput {
        if (arg.length() < 2 || !arg.startsWith("@")) {
            expanded.add(arg);
            return;
        }
        Path list = Path.of(arg.substring(1));
        for (Path outer : enclosing) {
            if (outer.toAbsolutePath().normalize().equals(list.toAbsolutePath().normalize())) {
                throw new UnusableInput(Message.of("cli.list-loop", list));
            }
        }
        List<Path> within = new ArrayList<>(enclosing);
        within.add(list);
        for (String line : read(list)) {
            expandInto(expanded, line, within);
        }
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
        List<String> arguments = new ArrayList<>();
        for (String line : text.replace("\uFEFF", "").split("\r?\n|\r")) {
            String argument = line.strip();
            if (argument.length() > 2 && argument.startsWith("\"") && argument.endsWith("\"")) {
                arguments.add(argument.substring(1, argument.length() - 1));
            } else if (argument.equals("\"\"")) {
                continue;
            } else if (!argument.isEmpty() && !argument.startsWith("#")) {
                arguments.add(argument);
            }
        }
        return arguments;
    }
}
