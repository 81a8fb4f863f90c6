package appendixfill.input;

/**
 * Input the tool cannot use at all (not a workbook, encrypted, not the form, an output that
 * cannot be written): one message in Vietnamese that names the file and what would be valid.
 */
public final class UnusableInput extends Exception {

    public UnusableInput(String message) {
        super(message, null, false, false);
    }

    public UnusableInput(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
