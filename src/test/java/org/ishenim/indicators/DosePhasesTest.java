package org.ishenim.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ishenim.indicators.Phase.INDUCTION;
import static org.ishenim.indicators.Phase.MAINTENANCE;
import static org.ishenim.indicators.Phase.REDUCING;
import static org.ishenim.prescriptions.VersionKind.CHANGE;
import static org.ishenim.prescriptions.VersionKind.INITIAL;
import static org.ishenim.prescriptions.VersionKind.REINDUCTION;
import static org.ishenim.prescriptions.VersionKind.REVIEW;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ishenim.clients.ClientId;
import org.ishenim.medicines.Medicine;
import org.ishenim.medicines.Milligrams;
import org.ishenim.prescriptions.CourseHistory;
import org.ishenim.prescriptions.VersionKind;
import org.junit.jupiter.api.Test;

/**
 * The phase of each dose step as {@link ClinicTreatments#episode} infers it from a course's versions (the
 * prescriptions keep no phase): docs/indicators.md, "Dose steps and their phase". Hand-made courses; the answers
 * are written here.
 */
class DosePhasesTest {

    static final LocalDate START = LocalDate.of(2025, 6, 2);

    @Test
    void aSingleReductionIsAnAdjustmentOfTheMaintenanceDoseNotATaper() {
        // titrated to 70 mg, reviewed, then lowered once to 60 mg and held
        assertThat(phases(step(0, INITIAL, 30), step(5, CHANGE, 50), step(10, CHANGE, 70), step(100, REVIEW, 70),
                step(200, CHANGE, 60)))
                .containsExactly(INDUCTION, MAINTENANCE, MAINTENANCE, MAINTENANCE, MAINTENANCE);
    }

    @Test
    void aTaperIsASecondReductionWithinFiveWeeksOfThePreviousOneAndEveryReductionAfterIt() {
        // 80 mg, then 10 mg less every fortnight: the first cut cannot yet be told from an adjustment
        assertThat(phases(step(0, INITIAL, 80), step(300, CHANGE, 70), step(314, CHANGE, 60), step(328, CHANGE, 50),
                step(342, CHANGE, 40)))
                .containsExactly(INDUCTION, MAINTENANCE, REDUCING, REDUCING, REDUCING);
    }

    @Test
    void reductionsMonthsApartAreAdjustments() {
        assertThat(phases(step(0, INITIAL, 90), step(100, CHANGE, 80), step(190, CHANGE, 70)))
                .containsExactly(INDUCTION, MAINTENANCE, MAINTENANCE);
    }

    @Test
    void fiveWeeksApartIsStillATaperAndADayMoreIsNot() {
        assertThat(phases(step(0, INITIAL, 90), step(100, CHANGE, 80), step(135, CHANGE, 70)))
                .containsExactly(INDUCTION, MAINTENANCE, REDUCING);
        assertThat(phases(step(0, INITIAL, 90), step(100, CHANGE, 80), step(136, CHANGE, 70)))
                .containsExactly(INDUCTION, MAINTENANCE, MAINTENANCE);
    }

    @Test
    void aReviewThatHoldsTheDoseDoesNotInterruptATaper() {
        assertThat(phases(step(0, INITIAL, 80), step(300, CHANGE, 70), step(310, REVIEW, 70), step(330, CHANGE, 60)))
                .containsExactly(INDUCTION, MAINTENANCE, MAINTENANCE, REDUCING);
    }

    @Test
    void aRaiseOrAReinductionEndsARunOfReductions() {
        assertThat(phases(step(0, INITIAL, 80), step(300, CHANGE, 70), step(310, CHANGE, 80), step(320, CHANGE, 70)))
                .containsExactly(INDUCTION, MAINTENANCE, MAINTENANCE, MAINTENANCE);
        assertThat(phases(step(0, INITIAL, 80), step(300, CHANGE, 70), step(310, REINDUCTION, 30),
                step(320, CHANGE, 20)))
                .containsExactly(INDUCTION, MAINTENANCE, INDUCTION, MAINTENANCE);
    }

    @Test
    void aCourseContinuedFromAnotherProgrammeStartsAtMaintenanceAndCanTaperAtOnce() {
        CourseHistory course = new CourseHistory(new ClientId(new UUID(0, 1)), Medicine.METHADONE_ORAL_10MG_ML,
                START, null, List.of(new CourseHistory.Step(START, INITIAL, Milligrams.of(100), true),
                        step(14, CHANGE, 90), step(28, CHANGE, 80)));
        assertThat(ClinicTreatments.episode(course).steps().stream().map(DoseStep::phase).toList())
                .containsExactly(MAINTENANCE, MAINTENANCE, REDUCING);
    }

    static List<Phase> phases(CourseHistory.Step... steps) {
        CourseHistory course = new CourseHistory(new ClientId(new UUID(0, 1)), Medicine.METHADONE_ORAL_10MG_ML,
                START, null, List.of(steps));
        return ClinicTreatments.episode(course).steps().stream().map(DoseStep::phase).toList();
    }

    static CourseHistory.Step step(int day, VersionKind kind, int mg) {
        return new CourseHistory.Step(START.plusDays(day), kind, Milligrams.of(mg), false);
    }
}
