package appendixfill.form;

import appendixfill.input.Typed;
import appendixfill.rule.Finding;
import java.util.List;
import java.util.Map;

/**
 * What was read from an officer's workbook, whatever its format and shape: the cells typed for
 * each indicator, the Ghi chú beside them, and what the officer is told about how it was read.
 */
record Reading(Map<String, Typed> typed, Map<String, String> notes, List<Finding> findings) {

    Reading {
        typed = Map.copyOf(typed);
        notes = Map.copyOf(notes);
        findings = List.copyOf(findings);
    }

    /** The same reading with other typed cells (what the ledger says the officer had typed). */
    Reading withTyped(Map<String, Typed> typed) {
        return new Reading(typed, notes, findings);
    }
}
