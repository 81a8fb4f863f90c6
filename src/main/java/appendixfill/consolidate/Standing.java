package appendixfill.consolidate;

/** Where a unit stands in a consolidation (tình hình nộp báo cáo). */
public enum Standing {
    /** Received and counted. */
    RECEIVED("received", "Đã nhận", true),
    /** Received and counted, but its data has errors. */
    WITH_ERRORS("with-errors", "Có lỗi", true),
    /** Received, but its data has errors and the receiver asked for clean figures only: not counted. */
    WITH_ERRORS_LEFT_OUT("with-errors-left-out", "Có lỗi, không tổng hợp", false),
    /** Received and counted, from a unit that is not on the list. */
    UNLISTED("unlisted", "Không có trong danh sách", true),
    /** A second workbook of a unit already counted: not counted. */
    DUPLICATE("duplicate", "Gửi trùng", false),
    /** Another period or year: not counted. */
    WRONG_PERIOD("wrong-period", "Sai kỳ hoặc năm báo cáo", false),
    /** Another version of the form: not counted. */
    WRONG_VERSION("wrong-version", "Sai phiên bản mẫu", false),
    /** Not readable as the form: not counted. */
    UNREADABLE("unreadable", "Không đọc được", false),
    /** On the list, no workbook received. */
    MISSING("missing", "Chưa gửi", false);

    private final String id;
    private final String word;
    private final boolean counted;

    Standing(String id, String word, boolean counted) {
        this.id = id;
        this.word = word;
        this.counted = counted;
    }

    /** The identifier units.csv uses. */
    public String id() {
        return id;
    }

    /** What the receiver reads. */
    public String word() {
        return word;
    }

    /** True when the unit's figures are in the totals. */
    public boolean counted() {
        return counted;
    }
}
