package appendixfill.input;

/**
 * Input the tool cannot use at all (not a workbook, encrypted, not the form, an output that
 * cannot be written): one message, in Vietnamese or English, that names the file and what would be valid.
 */
public final class UnusableInput extends Exception {

    private final Message said;

    /**
     * A message said in Vietnamese only: the streamed reader's reason why one workbook of a
     * consolidation cannot be used, which goes into the consolidation's Vietnamese outputs.
     */
    public UnusableInput(String vietnamese) {
        this(Message.literal(vietnamese));
    }

    public UnusableInput(String vietnamese, Throwable cause) {
        this(Message.literal(vietnamese), cause);
    }

    public UnusableInput(Message said) {
        this(said, null);
    }

    public UnusableInput(Message said, Throwable cause) {
        super(said.in(Language.VI), cause, false, false);
        this.said = said;
    }

    /** The message, to be said in the language the officer asked for. */
    public Message said() {
        return said;
    }
}
