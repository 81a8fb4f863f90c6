package appendixfill.cli;

/** The exit codes of appendix-fill, as the README lists them. */
public final class ExitCode {

    /** Every workbook filled, no error found in the data. */
    public static final int OK = 0;
    /** Errors found in the data; the outputs are still written. */
    public static final int DATA_ERRORS = 1;
    /** Input the tool cannot use, or a wrong command line; nothing written. */
    public static final int UNUSABLE = 2;
    /** A fault of the tool itself; details in the log file the message names. */
    public static final int INTERNAL = 3;

    private ExitCode() {
    }
}
