package appendixfill.indicator;

/** The sheets of the Phụ lục I workbook that hold indicators. */
public enum Sheet {
    /** The statistical table itself. */
    APPENDIX("PL", "Phụ lục I"),
    /** The report's details, extra figures and narrative paragraphs. */
    DETAILS("TT", "Thông tin báo cáo");

    private final String id;
    private final String title;

    Sheet(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    /** The sheet's name in the workbook. */
    public String title() {
        return title;
    }

    public static Sheet of(String id) {
        for (Sheet sheet : values()) {
            if (sheet.id.equals(id)) {
                return sheet;
            }
        }
        throw new IllegalArgumentException("unknown sheet '" + id + "'; valid sheets: PL, TT");
    }
}
