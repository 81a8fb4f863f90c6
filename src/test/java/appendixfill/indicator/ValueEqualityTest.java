package appendixfill.indicator;

import static appendixfill.fixtures.Equality.assertEachPairDiffers;
import static appendixfill.fixtures.Equality.assertEqualWithHashCodes;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Values are equal as records are, component by component, though they say so themselves (see
 * {@link Value}): equal ones have equal hash codes, and a change of any one component makes them differ.
 */
class ValueEqualityTest {

    @Test
    void valuesAreEqualByEveryComponent() {
        assertEqualWithHashCodes(Value.Amount.of(46), new Value.Amount(new BigDecimal("46.00")));
        assertEqualWithHashCodes(new Value.YesNo(true), new Value.YesNo(true));
        assertEqualWithHashCodes(new Value.Text("Quý III"), new Value.Text("Quý III"));
        assertEqualWithHashCodes(new Value.Day(20, 11, 2023), new Value.Day(20, 11, 2023));
        assertEqualWithHashCodes(new Value.Missing(), Value.MISSING);
        assertEqualWithHashCodes(new Value.NotApplicable(), Value.NOT_APPLICABLE);

        List<List<Value>> differing = List.of(
                List.of(Value.Amount.of(46), Value.Amount.of(47)),
                List.of(new Value.YesNo(true), new Value.YesNo(false)),
                List.of(new Value.Text("Quý III"), new Value.Text("Quý II")),
                List.of(new Value.Day(20, 11, 2023), new Value.Day(21, 11, 2023)),
                List.of(new Value.Day(20, 11, 2023), new Value.Day(20, 12, 2023)),
                List.of(new Value.Day(20, 11, 2023), new Value.Day(20, 11, 2024)),
                List.of(Value.MISSING, Value.NOT_APPLICABLE),
                List.of(Value.Amount.of(0), Value.MISSING));
        assertEachPairDiffers(differing);
    }
}
