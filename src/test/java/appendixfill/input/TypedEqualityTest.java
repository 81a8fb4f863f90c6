package appendixfill.input;

import static appendixfill.fixtures.Equality.assertEachPairDiffers;
import static appendixfill.fixtures.Equality.assertEqualWithHashCodes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Typed cells are equal as records are, component by component, though the ones a fill compares
 * say so themselves (see {@link Typed}): equal ones have equal hash codes, and a change of any one
 * component makes them differ.
 */
class TypedEqualityTest {

    @Test
    void typedCellsAreEqualByEveryComponent() {
        assertEqualWithHashCodes(new Typed.Blank(), Typed.BLANK);
        assertEqualWithHashCodes(new Typed.Number(new BigDecimal("0.7"), true), new Typed.Number(new BigDecimal("0.7"), true));
        assertEqualWithHashCodes(new Typed.Text(" 46 "), new Typed.Text(" 46 "));

        List<List<Typed>> differing = List.of(
                List.of(new Typed.Number(new BigDecimal("0.7"), true), new Typed.Number(new BigDecimal("0.7"), false)),
                List.of(new Typed.Number(new BigDecimal("0.7"), true), new Typed.Number(new BigDecimal("0.70"), true)),
                List.of(new Typed.Text("46"), new Typed.Text(" 46")),
                List.of(new Typed.Text(""), Typed.BLANK),
                List.of(new Typed.Date(LocalDate.of(2023, 2, 1)), new Typed.Date(LocalDate.of(2023, 2, 2))));
        assertEachPairDiffers(differing);
    }
}
