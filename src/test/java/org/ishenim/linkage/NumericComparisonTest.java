package org.ishenim.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;

import org.ishenim.linkage.schema.Comparison;
import org.ishenim.linkage.schema.Comparison.Numeric;
import org.ishenim.linkage.schema.RejectedValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * clkhash v3's comparisons rule by rule, with answers worked out by hand from the reference's
 * {@code NumericComparison.tokenize}: distance interval {@code d = round(thresholdDistance · 10^p)}; value
 * {@code v = x · 10^p} (rounded half to even for a decimal; truncated when p = 0) times {@code 2·resolution}; moved
 * to the nearest multiple of d (residue {@code v mod d}, never negative; exactly half goes up); tokens
 * {@code v + i·d} for i in −resolution..resolution.
 */
class NumericComparisonTest {

    private static List<String> tokens(Comparison comparison, String value) {
        return comparison.tokenize(value);
    }

    private static Numeric integerThreshold(long threshold, int resolution, int precision) {
        return Numeric.of(BigInteger.valueOf(threshold), resolution, precision);
    }

    @Test
    void anIntegerOnTheGridKeepsItsPlace() {
        // d = 5; v = 1980 · 2 = 3960, a multiple of 5
        assertThat(tokens(integerThreshold(5, 1, 0), "1980")).containsExactly("3955", "3960", "3965");
    }

    @Test
    void aDecimalThresholdIsScaledByThePrecision() {
        // d = round(2.5 · 10) = 25; v = 48 · 10 · 8 = 3840; 3840 mod 25 = 15 ≥ 12.5, so up to 3850
        assertThat(tokens(Numeric.of(2.5, 4, 1), "48")).containsExactly(
                "3750", "3775", "3800", "3825", "3850", "3875", "3900", "3925", "3950");
        // 100.4 · 10 = 1004 (as a double); · 8 = 8032; 8032 mod 25 = 7 < 12.5, so down to 8025
        assertThat(tokens(Numeric.of(2.5, 4, 1), "100.4")).containsExactly(
                "7925", "7950", "7975", "8000", "8025", "8050", "8075", "8100", "8125");
    }

    @Test
    void exactlyHalfAnIntervalGoesUp() {
        // d = 4; v = 3 · 2 = 6; 6 mod 4 = 2, which is not below 4 / 2
        assertThat(tokens(integerThreshold(4, 1, 0), "3")).containsExactly("4", "8", "12");
    }

    @Test
    void negativeNumbersUseAResidueThatIsNeverNegative() {
        // v = −6; −6 mod 4 = 2 (Python's modulo), so up to −4
        assertThat(tokens(integerThreshold(4, 1, 0), "-3")).containsExactly("-8", "-4", "0");
        // d = round(0.5 · 10) = 5; v = round(−0.05 · 10) · 4 = round(−0.5) · 4 = 0 (half to even)
        assertThat(tokens(Numeric.of(0.5, 2, 1), "-0.05")).containsExactly("-10", "-5", "0", "5", "10");
    }

    @ParameterizedTest
    @CsvSource({
        // value, tokens; d = 10, resolution 1, precision 1
        "0.25, -10 0 10", // 2.5 rounds half to even: 2; 4 mod 10 = 4 < 5, down to 0 (half up would give 3, 6, up)
        "0.35, 0 10 20", // 0.35 · 10 is 3.5 as a double: 4; 8 mod 10 = 8, up to 10
        "0.45, 0 10 20", // 4.5 to even: 4; 8, up to 10
    })
    void decimalsRoundHalfToEvenAfterScaling(String value, String expected) {
        assertThat(tokens(integerThreshold(1, 1, 1), value)).containsExactly(expected.split(" "));
    }

    @Test
    void withoutPrecisionADecimalIsTruncatedTowardsZero() {
        // d = 3; int(7.9) = 7; v = 14; 14 mod 3 = 2 ≥ 1.5, up to 15
        assertThat(tokens(integerThreshold(3, 1, 0), "7.9")).containsExactly("12", "15", "18");
        // int(−7.9) = −7; v = −14; −14 mod 3 = 1 < 1.5, down to −15
        assertThat(tokens(integerThreshold(3, 1, 0), "-7.9")).containsExactly("-18", "-15", "-12");
    }

    @Test
    void readsWhatPythonReadsAsANumber() {
        assertThat(tokens(integerThreshold(5, 1, 0), "1_000")).containsExactly("1995", "2000", "2005");
        assertThat(tokens(integerThreshold(5, 1, 0), "1e2")).containsExactly("195", "200", "205");
        assertThat(tokens(integerThreshold(5, 1, 0), " 7 ")).isEqualTo(tokens(integerThreshold(5, 1, 0), "7"));
        // integers stay exact beyond a double's 53 bits
        assertThat(tokens(integerThreshold(1, 1, 0), "9007199254740993")).containsExactly(
                "18014398509481985", "18014398509481986", "18014398509481987");
    }

    @Test
    void anEmptyValueGivesNoToken() {
        assertThat(tokens(integerThreshold(5, 1, 0), "")).isEmpty();
        assertThat(tokens(new Comparison.Exact(), "")).isEmpty();
        assertThat(tokens(new Comparison.Exact(), "M")).containsExactly("M");
    }

    @ParameterizedTest
    @CsvSource({"abc", "inf", "nan", "1e999", "١٢", "1__0", "0x10", "--1"})
    void refusesWhatIsNotAPlainNumberWithoutRepeatingIt(String value) {
        assertThatThrownBy(() -> tokens(integerThreshold(5, 1, 0), value))
                .isInstanceOf(RejectedValue.class)
                .message().doesNotContain(value);
    }

    @Test
    void refusesParametersTheReferenceRefuses() {
        assertThatThrownBy(() -> integerThreshold(0, 1, 0)).hasMessageContaining("thresholdDistance");
        assertThatThrownBy(() -> Numeric.of(-1.5, 1, 0)).hasMessageContaining("thresholdDistance");
        assertThatThrownBy(() -> integerThreshold(5, 0, 0)).hasMessageContaining("resolution");
        assertThatThrownBy(() -> integerThreshold(5, 1, -1)).hasMessageContaining("fractional_precision");
        assertThatThrownBy(() -> Numeric.of(0.01, 1, 1)).hasMessageContaining("fractional precision");
    }
}
