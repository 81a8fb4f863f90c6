package appendixfill.cli;

import appendixfill.input.Language;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The everyday fill command line, read by hand: workbooks or folders, {@code --out DIR} and
 * {@code --lang vi|en}, each option at most once, with a space or {@code =}. picocli reads the
 * commands' annotations by reflection on every start, tens of milliseconds of a cold run even with
 * its classes in the class-data archive; any other shape (help, version, subcommands, {@code @FILE}, any other option, a
 * repeated option or a missing value) is declined and left to picocli, which says exactly what it
 * always said.
 *
 * @param workbooks the workbook files or folders, at least one
 * @param out the folder for the outputs, if given
 * @param language the language of the messages
 */
record FillArguments(List<Path> workbooks, Optional<Path> out, Language language) {

    FillArguments {
        workbooks = List.copyOf(workbooks);
        if (workbooks.isEmpty()) {
            throw new IllegalArgumentException("a fill needs at least one workbook");
        }
    }

    /** The arguments when they have one of the simple shapes; empty when picocli must read them. */
    static Optional<FillArguments> parse(String... args) {
        List<Path> workbooks = new ArrayList<>();
        String out = null;
        String language = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String option = arg.startsWith("--") && arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (option.equals("--out") || option.equals("--lang")) {
                if (option.length() < arg.length()) {
                    value = arg.substring(option.length() + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    return Optional.empty();
                }
                if (!isPlain(value)) {
                    return Optional.empty();
                }
                if (option.equals("--out")) {
                    if (out != null) {
                        return Optional.empty();
                    }
                    out = value;
                } else {
                    if (language != null) {
                        return Optional.empty();
                    }
                    language = value;
                }
            } else if (isPlain(arg)) {
                Optional<Path> workbook = path(arg);
                if (workbook.isEmpty()) {
                    return Optional.empty();
                }
                workbooks.add(workbook.get());
            } else {
                return Optional.empty();
            }
        }
        Optional<Path> outFolder = out == null ? Optional.empty() : path(out);
        Optional<Language> said = language == null ? Optional.of(Language.VI) : language(language);
        if (workbooks.isEmpty() || out != null && outFolder.isEmpty() || said.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FillArguments(workbooks, outFolder, said.get()));
    }

    /**
     * A word picocli would read as nothing but itself: not empty, not an option, not an argument
     * file (picocli expands {@code @FILE} anywhere, with its own quoting), not a subcommand.
     */
    private static boolean isPlain(String arg) {
        return !arg.isEmpty() && !arg.startsWith("-") && !arg.startsWith("@") && !Main.COMMANDS.contains(arg);
    }

    /** The path picocli would make of the word (it calls {@code Paths.get}); none when that fails, so picocli says why. */
    private static Optional<Path> path(String arg) {
        try {
            return Optional.of(Path.of(arg));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** vi or en in any case of ASCII letters, as picocli accepts the enum's names; anything else is picocli's to refuse. */
    private static Optional<Language> language(String value) {
        if (!value.chars().allMatch(c -> c < 128)) {
            return Optional.empty();
        }
        for (Language language : Language.values()) {
            if (language.name().equalsIgnoreCase(value)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
