package org.ishenim.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.ishenim.medicines.Medicine;
import org.ishenim.medicines.Milligrams;
import org.ishenim.prescriptions.OatRules;
import org.ishenim.web.RuleViolationException;
import org.junit.jupiter.api.Test;

class MissedDoseRuleTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final Medicine METHADONE = Medicine.METHADONE_ORAL_10MG_ML;
    final MissedDoseRule rule = new MissedDoseRule(OatRules.defaults());

    @Test
    void countsConsecutiveDaysSinceTheLastCoveredDay() {
        LocalDate start = TODAY.minusDays(30);
        assertThat(MissedDoseRule.missedDays(TODAY, TODAY.minusDays(1), start)).isZero();
        assertThat(MissedDoseRule.missedDays(TODAY, TODAY.minusDays(2), start)).isEqualTo(1);
        assertThat(MissedDoseRule.missedDays(TODAY, TODAY.minusDays(5), start)).isEqualTo(4);
        // take-home covered days count as dosed
        assertThat(MissedDoseRule.missedDays(TODAY, TODAY.plusDays(1), start)).isZero();
    }

    @Test
    void countsFromTheStartOrTheLastReviewNotBefore() {
        assertThat(MissedDoseRule.missedDays(TODAY, null, TODAY)).isZero();
        assertThat(MissedDoseRule.missedDays(TODAY, null, TODAY.minusDays(2))).isEqualTo(2);
        assertThat(MissedDoseRule.missedDays(TODAY, TODAY.minusDays(20), TODAY)).isZero();
    }

    @Test
    void oneAndTwoMissedDaysChangeNothing() {
        for (int missed : new int[] {0, 1, 2}) {
            var p = rule.propose(METHADONE, Milligrams.of(80), missed);
            assertThat(p.band()).isEqualTo(DoseBand.NORMAL);
            assertThat(p.dose()).isEqualTo(Milligrams.of(80));
        }
    }

    @Test
    void threeMissedDaysProposeHalfTheDose() {
        var p = rule.propose(METHADONE, Milligrams.of(75), 3);
        assertThat(p.band()).isEqualTo(DoseBand.HALF);
        assertThat(p.dose()).isEqualTo(Milligrams.of("37.5"));
        // tablets are not split below their strength
        assertThat(rule.propose(Medicine.BUPRENORPHINE_SL_8MG, Milligrams.of(24), 3).dose()).isEqualTo(Milligrams.of(8));
        assertThat(rule.propose(Medicine.BUPRENORPHINE_SL_2MG, Milligrams.of(6), 3).dose()).isEqualTo(Milligrams.of(2));
    }

    @Test
    void fourMissedDaysBlockForReviewAndFiveForReinduction() {
        var four = rule.propose(METHADONE, Milligrams.of(80), 4);
        assertThat(four.band()).isEqualTo(DoseBand.REVIEW);
        assertThat(four.dose()).isNull();
        assertThat(rule.propose(METHADONE, Milligrams.of(80), 5).band()).isEqualTo(DoseBand.REINDUCTION);
        assertThat(rule.propose(METHADONE, Milligrams.of(80), 40).band()).isEqualTo(DoseBand.REINDUCTION);
        assertThat(four.band().blocks()).isTrue();
    }

    @Test
    void takeHomeCoversTodayAndTheFollowingDaysUpToTheAllowance() {
        assertThat(TakeHome.coveredDays(TODAY, 0, 0)).containsExactly(TODAY);
        assertThat(TakeHome.coveredDays(TODAY, 2, 3)).containsExactly(TODAY, TODAY.plusDays(1), TODAY.plusDays(2));
        assertThatThrownBy(() -> TakeHome.coveredDays(TODAY, 3, 2)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> TakeHome.coveredDays(TODAY, -1, 2)).isInstanceOf(RuleViolationException.class);
    }
}
