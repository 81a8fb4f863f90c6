package appendixfill.indicator;

/** How a count behaves over the periods of one year: counted from the year's start, or a state at the report date. */
public enum Accrual {
    /** Lũy kế: counted from the start of the year to the report date; never goes down within a year. */
    CUMULATIVE("cumulative"),
    /** A state at the report date (biên chế có mặt, TTHC đang cung cấp): it may go up or down. */
    LEVEL("level"),
    /** Not a count: not compared across periods. */
    NONE("");

    private final String id;

    Accrual(String id) {
        this.id = id;
    }

    /** The word the catalogue's across-periods column uses. */
    public String id() {
        return id;
    }

    public static Accrual of(String id) {
        for (Accrual accrual : values()) {
            if (accrual.id.equals(id)) {
                return accrual;
            }
        }
        throw new IllegalArgumentException("unknown across-periods '" + id + "'; valid: cumulative, level, or empty");
    }
}
