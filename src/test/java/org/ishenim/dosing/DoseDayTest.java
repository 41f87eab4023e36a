package org.ishenim.dosing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.ishenim.clients.ClientId;
import org.ishenim.medicines.Medicine;
import org.ishenim.medicines.Milligrams;
import org.ishenim.prescriptions.OatRules;
import org.ishenim.prescriptions.Prescription;
import org.ishenim.prescriptions.PrescriptionId;
import org.ishenim.prescriptions.PrescriptionStatus;
import org.ishenim.prescriptions.PrescriptionVersion;
import org.ishenim.prescriptions.VersionKind;
import org.junit.jupiter.api.Test;

/** The rules of recording a dose, one test per rule, on plain values: no Spring, no database. */
class DoseDayTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final UUID CLIENT = UUID.randomUUID();
    final MissedDoseRule rule = new MissedDoseRule(OatRules.defaults());

    /** Methadone 80 mg a day with 2 take-home days allowed, started 30 days ago. */
    static final Prescription P = prescription(Medicine.METHADONE_ORAL_10MG_ML, 80, 2);

    /** {@link #P}, consent given, last dosed yesterday. */
    static DoseDay day() {
        return DoseDay.of(TODAY, P, true, TODAY.minusDays(1));
    }

    static Prescription prescription(Medicine medicine, int dailyMg, int takeHomeDays) {
        var version = new PrescriptionVersion(UUID.randomUUID(), 1, VersionKind.INITIAL, Milligrams.of(dailyMg),
                takeHomeDays, "start", null, Instant.parse("2026-02-08T08:00:00Z"), "doctor", false, null, null,
                TODAY.minusDays(30));
        return new Prescription(new PrescriptionId(UUID.randomUUID()), new ClientId(CLIENT), medicine,
                TODAY.minusDays(30), null, PrescriptionStatus.ACTIVE, version, null, TODAY.minusDays(30), null, null);
    }

    static DoseRequest ask(String mg, Integer takeHomeDays) {
        return new DoseRequest(CLIENT, mg, null, takeHomeDays, null, null);
    }

    static DoseDay lastCovered(LocalDate day) {
        return DoseDay.of(TODAY, P, true, day);
    }

    static DoseDay withPrescription(Prescription p) {
        return DoseDay.of(TODAY, p, true, TODAY.minusDays(1));
    }

    static String refusal(DoseDecision decision) {
        assertThat(decision).isInstanceOf(DoseDecision.Refused.class);
        return ((DoseDecision.Refused) decision).code();
    }

    static DoseDecision.Give given(DoseDecision decision) {
        assertThat(decision).isInstanceOf(DoseDecision.Give.class);
        return (DoseDecision.Give) decision;
    }

    @Test
    void noActivePrescription_refusesWithoutOneOrOutsideItsDates() {
        var p = P;
        assertThat(refusal(withPrescription(null).decide(ask("80", null), rule))).isEqualTo("no-active-prescription");
        var ended = new Prescription(p.id(), p.client(), p.medicine(), p.startOn(), TODAY.minusDays(1),
                PrescriptionStatus.ACTIVE, p.current(), null, p.resetOn(), null, null);
        assertThat(refusal(withPrescription(ended).decide(ask("80", null), rule))).isEqualTo("no-active-prescription");
        var notYet = new Prescription(p.id(), p.client(), p.medicine(), TODAY.plusDays(1), null,
                PrescriptionStatus.ACTIVE, p.current(), null, p.resetOn(), null, null);
        assertThat(refusal(withPrescription(notYet).decide(ask("80", null), rule))).isEqualTo("no-active-prescription");
        var stopped = new Prescription(p.id(), p.client(), p.medicine(), p.startOn(), null,
                PrescriptionStatus.ENDED, p.current(), null, p.resetOn(), "ended", "doctor");
        assertThat(refusal(withPrescription(stopped).decide(ask("80", null), rule))).isEqualTo("no-active-prescription");
    }

    @Test
    void noTreatmentConsent_refusesWhenConsentIsNotGivenOrRevoked() {
        var noConsent = DoseDay.of(TODAY, P, false, TODAY.minusDays(1));
        assertThat(refusal(noConsent.decide(ask("80", null), rule))).isEqualTo("no-treatment-consent");
    }

    @Test
    void countersignPending_refusesWhileNoVersionIsInEffect() {
        var p = P;
        var pending = new Prescription(p.id(), p.client(), p.medicine(), p.startOn(), null, PrescriptionStatus.ACTIVE,
                null, p.current(), p.resetOn(), null, null);
        assertThat(refusal(withPrescription(pending).decide(ask("80", null), rule))).isEqualTo("countersign-pending");
    }

    @Test
    void alreadyDosed_whenTodayIsCoveredByADoseOrATakeHomeDay() {
        assertThat(lastCovered(TODAY).decide(ask("80", null), rule)).isInstanceOf(DoseDecision.AlreadyDosed.class);
    }

    @Test
    void reviewRequired_afterFourMissedDays_withTheCount() {
        var decision = (DoseDecision.Refused) lastCovered(TODAY.minusDays(5)).decide(ask("40", null), rule);
        assertThat(decision.code()).isEqualTo("review-required");
        assertThat(decision.details()).containsEntry("missedDays", 4);
        assertThat(decision.exception().properties()).containsEntry("missedDays", 4);
    }

    @Test
    void reinductionRequired_afterFiveOrMoreMissedDays() {
        assertThat(refusal(lastCovered(TODAY.minusDays(6)).decide(ask("40", null), rule))).isEqualTo("reinduction-required");
        assertThat(refusal(lastCovered(TODAY.minusDays(40)).decide(ask("40", null), rule))).isEqualTo("reinduction-required");
    }

    @Test
    void doseMismatch_refusesAnyDoseButTheProposedOne_namingIt() {
        var decision = (DoseDecision.Refused) day().decide(ask("90", null), rule);
        assertThat(decision.code()).isEqualTo("dose-mismatch");
        assertThat(decision.details()).containsEntry("proposedMg", "80").containsEntry("band", "NORMAL");
        var afterMissed = (DoseDecision.Refused) lastCovered(TODAY.minusDays(4)).decide(ask("80", null), rule);
        assertThat(afterMissed.details()).containsEntry("proposedMg", "40").containsEntry("band", "HALF");
    }

    @Test
    void halfDose_afterThreeMissedDays() {
        var give = given(lastCovered(TODAY.minusDays(4)).decide(ask("40", null), rule));
        assertThat(give.band()).isEqualTo(DoseBand.HALF);
        assertThat(give.dose()).isEqualTo(Milligrams.of(40));
    }

    @Test
    void takeHomeNotAllowed_afterMissedDays() {
        assertThat(refusal(lastCovered(TODAY.minusDays(4)).decide(ask("40", 1), rule))).isEqualTo("take-home-not-allowed");
    }

    @Test
    void takeHomeNotAllowed_beyondThePrescriptionsAllowance() {
        var decision = (DoseDecision.Refused) day().decide(ask("80", 3), rule);
        assertThat(decision.code()).isEqualTo("take-home-not-allowed");
        assertThat(decision.message()).isEqualTo("The prescription allows at most 2 take-home days.");
    }

    @Test
    void takeHomeOutOfRange_whenNegative() {
        assertThat(refusal(day().decide(ask("80", -1), rule))).isEqualTo("take-home-out-of-range");
    }

    @Test
    void takeHomeCover_todayAndTheFollowingDays_countAsDosed() {
        var give = given(day().decide(ask("80", 2), rule));
        assertThat(give.days()).containsExactly(TODAY, TODAY.plusDays(1), TODAY.plusDays(2));
        assertThat(give.takeHomeDays()).isEqualTo(2);
        assertThat(give.total()).isEqualTo(Milligrams.of(240));
        // a take-home day is covered: the next day's dose counts from it, nothing missed
        assertThat(given(lastCovered(TODAY.minusDays(1)).decide(ask("80", null), rule)).band()).isEqualTo(DoseBand.NORMAL);
    }

    @Test
    void normalDose_todayOnly_observedByDefault() {
        var give = given(day().decide(ask("80", null), rule));
        assertThat(give.band()).isEqualTo(DoseBand.NORMAL);
        assertThat(give.days()).containsExactly(TODAY);
        assertThat(give.total()).isEqualTo(Milligrams.of(80));
        assertThat(give.observed()).isTrue();
        assertThat(given(day().decide(new DoseRequest(CLIENT, "80", false, null, null, null), rule)).observed()).isFalse();
    }

    @Test
    void missedDaysCount_fromTheStartOrLastReview_whenNeverDosed() {
        var never = DoseDay.of(TODAY, P, true, null);
        // started 30 days ago and never dosed: re-induction
        assertThat(refusal(never.decide(ask("80", null), rule))).isEqualTo("reinduction-required");
        var p = P;
        var reviewedToday = new Prescription(p.id(), p.client(), p.medicine(), p.startOn(), null,
                PrescriptionStatus.ACTIVE, p.current(), null, TODAY, null, null);
        assertThat(given(DoseDay.of(TODAY, reviewedToday, true, null).decide(ask("80", null), rule)).band())
                .isEqualTo(DoseBand.NORMAL);
    }

    @Test
    void takeHomeBottles_oneASolutionDayUnlessCounted_noneForTablets() {
        assertThat(given(day().decide(ask("80", 2), rule)).bottles()).isEqualTo(2);
        assertThat(given(day().decide(new DoseRequest(CLIENT, "80", null, 2, 1, null), rule)).bottles()).isEqualTo(1);
        var tablets = withPrescription(prescription(Medicine.BUPRENORPHINE_SL_8MG, 16, 2));
        assertThat(given(tablets.decide(ask("16", 2), rule)).bottles()).isZero();
    }

    @Test
    void rulesApplyInOrder_prescriptionThenConsentThenCountersignThenAlreadyDosed() {
        assertThat(refusal(DoseDay.of(TODAY, null, false, TODAY).decide(ask("1", -1), rule)))
                .isEqualTo("no-active-prescription");
        var p = P;
        var pending = new Prescription(p.id(), p.client(), p.medicine(), p.startOn(), null, PrescriptionStatus.ACTIVE,
                null, p.current(), p.resetOn(), null, null);
        assertThat(refusal(DoseDay.of(TODAY, pending, false, TODAY).decide(ask("1", -1), rule)))
                .isEqualTo("no-treatment-consent");
        assertThat(refusal(DoseDay.of(TODAY, pending, true, TODAY).decide(ask("1", -1), rule)))
                .isEqualTo("countersign-pending");
        assertThat(DoseDay.of(TODAY, p, true, TODAY).decide(ask("1", -1), rule))
                .isInstanceOf(DoseDecision.AlreadyDosed.class);
        assertThat(refusal(day().decide(ask("1", -1), rule))).isEqualTo("dose-mismatch");
    }

    @Test
    void due_beforeAnyDoseIsAsked_proposesTodaysDoseOrRefusesAsDecideDoes() {
        var due = (DoseDecision.Due) lastCovered(TODAY.minusDays(4)).due(rule);
        assertThat(due.proposal().band()).isEqualTo(DoseBand.HALF);
        assertThat(due.proposal().dose()).isEqualTo(Milligrams.of(40));
        assertThat(lastCovered(TODAY).due(rule)).isInstanceOf(DoseDecision.AlreadyDosed.class);
        for (DoseDay blocked : new DoseDay[] {withPrescription(null), DoseDay.of(TODAY, P, false, TODAY),
                lastCovered(TODAY.minusDays(5)), lastCovered(TODAY.minusDays(6))}) {
            assertThat(blocked.due(rule)).isEqualTo(blocked.decide(ask("40", null), rule));
        }
        assertThat(DoseBand.refusedAs(refusal(lastCovered(TODAY.minusDays(5)).due(rule)))).isEqualTo(DoseBand.REVIEW);
        assertThat(DoseBand.refusedAs(refusal(lastCovered(TODAY.minusDays(6)).due(rule)))).isEqualTo(DoseBand.REINDUCTION);
        assertThat(DoseBand.refusedAs("no-treatment-consent")).isEqualTo(DoseBand.NORMAL);
    }
}
