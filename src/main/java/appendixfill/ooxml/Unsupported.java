package appendixfill.ooxml;

/**
 * A file this layer will not read, and why: the one signal by which a package is refused. Whoever
 * reads a package turns the reason into a message for the person who gave the file; any other
 * exception out of this layer is a bug.
 */
public final class Unsupported extends Exception {

    /** Why a file is not read. */
    public enum Reason {
        /** Not a zip at all. */
        NOT_A_ZIP,
        /** A zip cut short: its directory is not at its end (a download or copy that did not finish). */
        TRUNCATED,
        /** A file damaged: a zip whose directory, entry headers or data do not hold, an .xls whose records do not. */
        DAMAGED,
        /** A zip whose entries are encrypted. */
        ENCRYPTED,
        /** A zip feature no spreadsheet program writes (another compression method, several disks). */
        ZIP_FEATURE,
        /** More than a spreadsheet ever holds: too many entries, a part too large or too compressed, too much text. */
        OVER_BUDGET,
        /** A DOCTYPE or entity declaration in an XML part. */
        DOCTYPE,
        /** An XML part that is not well-formed. */
        MALFORMED_XML,
        /** A part the package's own structure requires is missing. */
        MISSING_PART
    }

    private final Reason reason;
    private final String part;

    /**
     * @param part the part or entry concerned, "" when the whole file is
     * @param detail what exactly was found, for the log and the curious
     */
    public Unsupported(Reason reason, String part, String detail) {
        this(reason, part, detail, null);
    }

    public Unsupported(Reason reason, String part, String detail, Throwable cause) {
        super(reason + (part.isEmpty() ? "" : " in " + part) + ": " + detail, cause, false, false);
        this.reason = reason;
        this.part = part;
    }

    public Reason reason() {
        return reason;
    }

    /** The part or entry concerned, "" when the whole file is. */
    public String part() {
        return part;
    }
}
