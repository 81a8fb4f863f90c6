package appendixfill.revision;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a completed workbook says about itself (một bản nộp tự mô tả): which form, rules and tool made
 * it, whose and for when it is, from which input, when, and with how many errors and warnings. Kept
 * in its document properties and on its findings sheet; {@code consolidate} reads it back.
 *
 * @param templateId the form's identifier
 * @param templateVersion the form's version
 * @param rulesVersion the rule pack's version
 * @param toolVersion appendix-fill's version
 * @param unit the unit ("xã Vũ Muộn"); empty when the workbook does not say
 * @param period the period ("năm 2023"); empty when the workbook does not say
 * @param inputSha256 SHA-256 of the file filled
 * @param filled when it was filled, ISO 8601 in UTC ("2026-12-06T19:50:00Z")
 * @param errors how many errors the fill found
 * @param warnings how many warnings
 * @param content the fingerprint of the figures it was filled with ({@link Fingerprint})
 */
public record Stamp(String templateId, String templateVersion, String rulesVersion, String toolVersion, String unit,
        String period, String inputSha256, String filled, long errors, long warnings, String content) {

    /** The version of appendix-fill, as {@code --version} says it. */
    public static final String TOOL_VERSION = "0.1.0";

    private static final String PREFIX = "appendix-fill.";
    private static final java.util.regex.Pattern COUNT = java.util.regex.Pattern.compile("\\d{1,9}");

    public Stamp {
        Objects.requireNonNull(unit);
        Objects.requireNonNull(period);
        Objects.requireNonNull(content);
    }

    /**
     * The properties besides those the fill already wrote before this record (template,
     * template-version, completed-from, run), in the order written.
     */
    public Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(PREFIX + "rules-version", rulesVersion);
        properties.put(PREFIX + "tool-version", toolVersion);
        properties.put(PREFIX + "unit", unit);
        properties.put(PREFIX + "period", period);
        properties.put(PREFIX + "input-sha256", inputSha256);
        properties.put(PREFIX + "filled", filled);
        properties.put(PREFIX + "errors", String.valueOf(errors));
        properties.put(PREFIX + "warnings", String.valueOf(warnings));
        properties.put(PREFIX + "content-sha256", content);
        return properties;
    }

    /** The stamp a completed workbook's properties hold; empty when they hold none (not filled by the tool, or before 0.1.0's stamps). */
    public static Optional<Stamp> of(Map<String, String> properties) {
        String content = properties.get(PREFIX + "content-sha256");
        if (content == null || content.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Stamp(properties.getOrDefault(PREFIX + "template", ""),
                properties.getOrDefault(PREFIX + "template-version", ""),
                properties.getOrDefault(PREFIX + "rules-version", ""),
                properties.getOrDefault(PREFIX + "tool-version", ""), properties.getOrDefault(PREFIX + "unit", ""),
                properties.getOrDefault(PREFIX + "period", ""), properties.getOrDefault(PREFIX + "input-sha256", ""),
                properties.getOrDefault(PREFIX + "filled", ""), number(properties.get(PREFIX + "errors")),
                number(properties.get(PREFIX + "warnings")), content));
    }

    private static long number(String text) {
        return text != null && COUNT.matcher(text.strip()).matches() ? Long.parseLong(text.strip()) : 0;
    }

    /** The line on the findings sheet that says where the workbook comes from. */
    public String said() {
        return "Lập bằng appendix-fill " + toolVersion + " ngày " + day() + " (UTC), mẫu " + templateId + " phiên bản "
                + templateVersion + ", bộ quy tắc phiên bản " + rulesVersion + "; "
                + (unit.isEmpty() ? "chưa ghi đơn vị" : unit) + ", " + (period.isEmpty() ? "chưa ghi kỳ báo cáo" : period)
                + "; " + errors + " lỗi, " + warnings + " cảnh báo; SHA-256 của tệp gốc: " + inputSha256 + ".";
    }

    /**
     * A moment as the stamp writes it, ISO 8601 in UTC to the second: "2026-12-06T19:50:00Z". By
     * arithmetic: java.time's formatters take milliseconds to start, on every fill.
     */
    public static String utc(long millis) {
        long seconds = Math.floorDiv(millis, 1000);
        java.time.LocalDate day = java.time.LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
        int time = (int) Math.floorMod(seconds, 86_400);
        return day.getYear() + "-" + two(day.getMonthValue()) + "-" + two(day.getDayOfMonth()) + "T" + two(time / 3600)
                + ":" + two(time / 60 % 60) + ":" + two(time % 60) + "Z";
    }

    private static String two(int number) {
        return number < 10 ? "0" + number : String.valueOf(number);
    }

    /** "06/12/2026" of "2026-12-06T19:50:00Z". */
    private String day() {
        return filled.length() >= 10 ? filled.substring(8, 10) + "/" + filled.substring(5, 7) + "/" + filled.substring(0, 4)
                : filled;
    }
}
