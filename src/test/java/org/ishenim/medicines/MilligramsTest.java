package org.ishenim.medicines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MilligramsTest {

    @Test
    void validatesItself() {
        assertThatThrownBy(() -> Milligrams.of(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Milligrams.of("0.0001")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Milligrams.of("ten")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Milligrams(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Milligrams.of(10).minus(Milligrams.of(11))).isInstanceOf(IllegalArgumentException.class);
    }

    /** A short number with a huge exponent is refused before any arithmetic (it would take a core for hours). */
    @Test
    @org.junit.jupiter.api.Timeout(20)
    void hugeExponentsAreRefusedCheaply() {
        // typed amounts have no exponent at all; a BigDecimal from elsewhere is checked before any rescaling
        assertThatThrownBy(() -> Milligrams.of("1E+500000000")).hasMessage("An amount in mg must be a number such as 30 or 37.5.");
        assertThatThrownBy(() -> new Milligrams(new java.math.BigDecimal("1E+500000000"))).hasMessage("An amount in mg is too large.");
        assertThatThrownBy(() -> new Milligrams(new java.math.BigDecimal("1E-500000000"))).hasMessage("An amount in mg has at most three decimals.");
        assertThat(new Milligrams(new java.math.BigDecimal("0E-500000000"))).isEqualTo(Milligrams.ZERO);
        assertThat(Milligrams.of("99999999999.999").plain()).isEqualTo("99999999999.999");
        assertThatThrownBy(() -> Milligrams.of("100000000000")).hasMessage("An amount in mg is too large.");
        assertThatThrownBy(() -> Milligrams.of("1E+3")).hasMessage("An amount in mg must be a number such as 30 or 37.5.");
        assertThatThrownBy(() -> Milligrams.of("1".repeat(200_000))).hasMessage("An amount in mg is too long.");
    }

    @Test
    void comparesByValueAndPrintsPlainly() {
        assertThat(Milligrams.of("40.000")).isEqualTo(Milligrams.of(40));
        assertThat(Milligrams.of("37.50").plain()).isEqualTo("37.5");
        assertThat(Milligrams.of(40).times(3)).isEqualTo(Milligrams.of(120));
        assertThat(Milligrams.of(40)).hasToString("40 mg");
    }

    @Test
    void methadoneSolutionIsMeasuredInMillilitres() {
        var m = Medicine.METHADONE_ORAL_10MG_ML;
        assertThat(m.quantity(Milligrams.of(75))).isEqualByComparingTo(new BigDecimal("7.5"));
        assertThat(m.quantityUnit()).isEqualTo("ml");
        assertThat(Medicine.BUPRENORPHINE_SL_8MG.quantity(Milligrams.of(16))).isEqualByComparingTo("2");
        assertThat(Medicine.BUPRENORPHINE_SL_8MG.isMeasurable(Milligrams.of(12))).isFalse();
        assertThat(Medicine.BUPRENORPHINE_SL_8MG.roundDown(Milligrams.of(12))).isEqualTo(Milligrams.of(8));
    }
}
