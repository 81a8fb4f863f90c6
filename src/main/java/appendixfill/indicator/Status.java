package appendixfill.indicator;

/** What became of an indicator's value in a fill, as values.csv reports it. */
public enum Status {
    /** Typed by the officer and usable. */
    ENTERED("entered"),
    /** A rate computed from its parts. */
    DERIVED("derived"),
    /** A rate whose cell held something else (a typed number, or nothing); the formula was restored. */
    CORRECTED("corrected"),
    /** A rate whose denominator is 0. */
    NOT_APPLICABLE("not-applicable"),
    /** No usable value. */
    MISSING("missing");

    private final String id;

    Status(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
