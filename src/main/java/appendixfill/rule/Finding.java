package appendixfill.rule;

import java.util.Objects;

/**
 * A finding (kết quả kiểm tra): something the tool changed in, or doubts about, one indicator.
 *
 * @param severity how serious it is
 * @param rule the rule's identifier, e.g. {@code part.1.2}
 * @param code the indicator whose cell the finding is shown at
 * @param message what the officer reads, in Vietnamese, naming rows by STT and wording with values
 */
public record Finding(Severity severity, String rule, String code, String message) {

    public Finding {
        Objects.requireNonNull(severity);
        Objects.requireNonNull(rule);
        Objects.requireNonNull(code);
        Objects.requireNonNull(message);
    }
}
