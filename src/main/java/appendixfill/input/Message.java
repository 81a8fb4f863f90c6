package appendixfill.input;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message of the catalogue (src/main/resources/appendixfill/messages.LANG.properties) with its
 * arguments, said in any language; an argument that is itself a message is said in the same one.
 *
 * @param key the message's key in the catalogue
 * @param arguments what fills {0}, {1}… (paths, sheet names, counts, other messages)
 */
public record Message(String key, List<Object> arguments) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)\\}");

    public Message {
        arguments = List.copyOf(arguments);
    }

    /** A text that has no entry in the catalogue: said as it is, in every language. */
    public static Message literal(String text) {
        return of("literal", text);
    }

    public static Message of(String key, Object... arguments) {
        return new Message(key, Arrays.asList(arguments));
    }

    /** The message in a language; placeholders are filled in one pass, so an argument is never read as a template. */
    public String in(Language language) {
        Matcher m = PLACEHOLDER.matcher(language.template(key));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object argument = arguments.get(Integer.parseInt(m.group(1)));
            String text = argument instanceof Message message ? message.in(language) : String.valueOf(argument);
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public String toString() {
        return in(Language.VI);
    }
}
