package org.ishenim.prescriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.ishenim.medicines.Medicine;
import org.ishenim.medicines.Milligrams;
import org.ishenim.web.RuleViolationException;
import org.junit.jupiter.api.Test;

class PrescribingRulesTest {

    static final Medicine METHADONE = Medicine.METHADONE_ORAL_10MG_ML;
    static final Medicine BUP8 = Medicine.BUPRENORPHINE_SL_8MG;
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    final PrescribingRules rules = new PrescribingRules(OatRules.defaults());

    @Test
    void firstMethadoneDoseIsAtMost30WithAWarningAbove20() {
        assertThat(rules.initial(METHADONE, mg(20), 0)).isEmpty();
        assertThat(rules.initial(METHADONE, mg(25), 0)).containsExactly("induction-above-usual");
        assertThat(rules.initial(METHADONE, mg(30), 0)).containsExactly("induction-above-usual");
        assertRefused(() -> rules.initial(METHADONE, mg(31), 0), "induction-dose-too-high");
        assertRefused(() -> rules.initial(METHADONE, Milligrams.of("30.5"), 0), "induction-dose-too-high");
    }

    @Test
    void inductionLimitsAreConfigurable() {
        var low = new OatRules(mg(15).value(), mg(10).value(), mg(10).value(), mg(8).value(), 3, mg(120).value(),
                mg(24).value(), 3, 4, 5, mg(40).value(), 14, mg(400).value(), mg(32).value());
        assertRefused(() -> new PrescribingRules(low).initial(METHADONE, mg(20), 0), "induction-dose-too-high");
    }

    @Test
    void noDailyDoseAboveTheClinicalMaximumOnAnyPath() {
        // finding 10: buprenorphine had no maximum at all, and methadone only its induction limit
        assertRefused(() -> rules.initial(Medicine.BUPRENORPHINE_SL_2MG, mg(34), 0), "dose-above-maximum");
        assertThat(rules.initial(Medicine.BUPRENORPHINE_SL_2MG, mg(32), 0)).isEmpty();
        assertRefused(() -> rules.change(METHADONE, mg(395), null, mg(405), java.time.LocalDate.of(2026, 3, 10), 0),
                "dose-above-maximum");
        rules.change(METHADONE, mg(395), null, mg(400), java.time.LocalDate.of(2026, 3, 10), 0);
        assertRefused(() -> rules.review(Medicine.BUPRENORPHINE_SL_2MG, mg(32), 0, true, mg(40)), "dose-above-maximum");
    }

    @Test
    void doseMustBeMeasurableForTheProduct() {
        assertRefused(() -> rules.initial(BUP8, mg(4), 0), "dose-not-measurable");
        assertThat(rules.initial(Medicine.BUPRENORPHINE_SL_2MG, mg(4), 0)).isEmpty();
        assertRefused(() -> rules.initial(METHADONE, Milligrams.of("20.25"), 0), "dose-not-measurable");
        assertRefused(() -> rules.initial(METHADONE, mg(0), 0), "dose-not-measurable");
    }

    @Test
    void anIncreaseIsLimitedInSizeAndFrequencyButADecreaseIsNot() {
        rules.change(METHADONE, mg(30), TODAY.minusDays(3), mg(40), TODAY, 0);
        assertRefused(() -> rules.change(METHADONE, mg(30), TODAY.minusDays(3), mg(45), TODAY, 0), "increase-too-large");
        assertRefused(() -> rules.change(METHADONE, mg(30), TODAY.minusDays(2), mg(35), TODAY, 0), "increase-too-soon");
        rules.change(METHADONE, mg(60), TODAY, mg(20), TODAY, 0);
        rules.change(BUP8, mg(8), TODAY.minusDays(3), mg(16), TODAY, 0);
        assertRefused(() -> rules.change(BUP8, mg(8), TODAY.minusDays(3), mg(24), TODAY, 0), "increase-too-large");
    }

    @Test
    void takeHomeDaysAreBounded() {
        assertRefused(() -> rules.initial(METHADONE, mg(20), -1), "take-home-out-of-range");
        assertRefused(() -> rules.initial(METHADONE, mg(20), 15), "take-home-out-of-range");
    }

    @Test
    void highDosesNeedASecondDoctor() {
        assertThat(rules.needsCountersign(METHADONE, mg(120))).isFalse();
        assertThat(rules.needsCountersign(METHADONE, Milligrams.of("120.5"))).isTrue();
        assertThat(rules.needsCountersign(BUP8, mg(24))).isFalse();
        assertThat(rules.needsCountersign(BUP8, mg(32))).isTrue();
        assertThat(rules.needsCountersign(Medicine.BUPRENORPHINE_NALOXONE_SL_8MG_2MG, mg(32))).isTrue();
    }

    @Test
    void reviewAfterFourDaysRestartsAtTheLowerOf40AndHalf() {
        assertThat(rules.restartMaximum(METHADONE, mg(100))).isEqualTo(mg(40));
        assertThat(rules.restartMaximum(METHADONE, mg(60))).isEqualTo(mg(30));
        assertThat(rules.restartMaximum(METHADONE, mg(75))).isEqualTo(Milligrams.of("37.5"));
        rules.review(METHADONE, mg(100), 4, false, mg(40));
        assertRefused(() -> rules.review(METHADONE, mg(100), 4, false, mg(45)), "restart-dose-too-high");
        assertRefused(() -> rules.review(METHADONE, mg(60), 4, false, mg(35)), "restart-dose-too-high");
    }

    @Test
    void fiveOrMoreDaysNeedReinductionWithFirstDoseLimits() {
        assertRefused(() -> rules.review(METHADONE, mg(100), 5, false, mg(20)), "reinduction-required");
        assertThat(rules.review(METHADONE, mg(100), 9, true, mg(20))).isEmpty();
        assertRefused(() -> rules.review(METHADONE, mg(100), 9, true, mg(40)), "induction-dose-too-high");
    }

    static Milligrams mg(long n) {
        return Milligrams.of(n);
    }

    static void assertRefused(Runnable r, String code) {
        assertThatThrownBy(r::run).isInstanceOf(RuleViolationException.class)
                .satisfies(e -> assertThat(((RuleViolationException) e).code()).isEqualTo(code));
    }
}
