package appendixfill.indicator;

/** The kind of an indicator: what its cell holds and how it is checked. */
public enum Kind {
    HEADING("heading"),
    COUNT("count"),
    RATE("rate"),
    PERCENT("percent"),
    YES_NO("yesno"),
    TEXT("text"),
    CHOICE("choice"),
    DATE("date"),
    YEAR("year");

    private final String id;

    Kind(String id) {
        this.id = id;
    }

    /** The word the catalogue uses for this kind. */
    public String id() {
        return id;
    }

    /** True for the kinds the officer types; a rate is derived and a heading holds nothing. */
    public boolean isTyped() {
        return this != HEADING && this != RATE;
    }

    /** True for the kinds whose value is a number. */
    public boolean isNumeric() {
        return this == COUNT || this == RATE || this == PERCENT || this == YEAR;
    }

    public static Kind of(String id) {
        for (Kind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown kind '" + id + "'; valid kinds: "
                + java.util.Arrays.stream(values()).map(Kind::id).toList());
    }
}
