package appendixfill.rule;

/** How serious a finding is. An error blocks nothing but must be seen; a warning is a doubt. */
public enum Severity {
    ERROR("error", "Lỗi"),
    WARNING("warning", "Cảnh báo"),
    INFO("info", "Thông tin");

    private final String id;
    private final String word;

    Severity(String id, String word) {
        this.id = id;
        this.word = word;
    }

    /** The identifier findings.csv uses. */
    public String id() {
        return id;
    }

    /** The Vietnamese word the officer reads. */
    public String word() {
        return word;
    }

    public static Severity of(String id) {
        for (Severity severity : values()) {
            if (severity.id.equals(id)) {
                return severity;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + id + "'; valid: error, warning, info");
    }
}
