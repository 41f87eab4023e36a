package org.ishenim.dosing;

import java.time.LocalDate;
import java.util.Optional;
import org.ishenim.medicines.Medicine;
import org.ishenim.medicines.Milligrams;
import org.ishenim.prescriptions.Prescription;

/**
 * A client's dosing day as the rules see it: the course in effect today (null when no prescription is active
 * today), whether treatment consent is given, and the last day covered by a dose on or before today. {@link #decide}
 * applies the rules of recording a dose, in this order, and answers with a value; {@link #due} applies the rules
 * that hold before any dose is asked for (1 to 5), for the queue. Nothing here reads or writes the database.
 * <ol>
 * <li>no-active-prescription: a prescription must be active today;</li>
 * <li>no-treatment-consent: consent to treatment must be given and not revoked;</li>
 * <li>countersign-pending: a high first dose waits for a second doctor;</li>
 * <li>already-dosed: one dose a day, and a take-home day counts as dosed;</li>
 * <li>review-required, reinduction-required: too many consecutive missed days block the dose
 * ({@link MissedDoseRule});</li>
 * <li>dose-mismatch: the dose given is the one proposed for today (half after missed days);</li>
 * <li>take-home-not-allowed: no take-home doses after missed days, none beyond the prescription's allowance;</li>
 * <li>take-home-out-of-range: take-home days cannot be negative.</li>
 * </ol>
 */
record DoseDay(LocalDate today, Course course, boolean treatmentConsent, LocalDate lastCovered) {

    /**
     * What the rules read of a course in effect: its medicine, the day missed days are counted from, the daily dose
     * in effect (null while a high first dose awaits a second doctor) and the take-home allowance.
     */
    record Course(Medicine medicine, LocalDate resetOn, Milligrams dailyDose, int takeHomeDays) {
    }

    /** The day of the dose being recorded: {@code prescription} is the client's active one, or null. */
    static DoseDay of(LocalDate today, Prescription prescription, boolean treatmentConsent, LocalDate lastCovered) {
        Prescription p = prescription;
        Course course = p == null || !p.isActiveOn(today) ? null : new Course(p.medicine(), p.resetOn(),
                p.current() == null ? null : p.current().dailyDose(), p.current() == null ? 0 : p.current().takeHomeDays());
        return new DoseDay(today, course, treatmentConsent, lastCovered);
    }

    /** A line of the day's queue: the covering dispensing, if any, makes today covered. */
    static DoseDay of(LocalDate today, QueueRow row) {
        return new DoseDay(today, new Course(row.medicine(), row.resetOn(), row.prescribed(), row.takeHomeAllowance()),
                row.consented(), row.dispensingId() != null ? today : row.lastCovered());
    }

    /** Consecutive days without a dose before today ({@link MissedDoseRule#missedDays}); 0 without a course. */
    int missedDays() {
        return course == null ? 0 : MissedDoseRule.missedDays(today, lastCovered, course.resetOn());
    }

    /**
     * Rules 1 to 5, before any dose is asked for: a refusal, already dosed, or {@link DoseDecision.Due} with the
     * dose proposed for today.
     */
    DoseDecision due(MissedDoseRule rule) {
        if (course == null) {
            return new DoseDecision.Refused("no-active-prescription", "The client has no active prescription today.");
        }
        if (!treatmentConsent) {
            return new DoseDecision.Refused("no-treatment-consent",
                    "The client's consent to treatment is not given or was revoked.");
        }
        if (course.dailyDose() == null) {
            return new DoseDecision.Refused("countersign-pending",
                    "The prescription awaits a second doctor's countersignature.");
        }
        if (today.equals(lastCovered)) {
            return new DoseDecision.AlreadyDosed();
        }
        int missed = missedDays();
        var proposal = rule.propose(course.medicine(), course.dailyDose(), missed);
        if (proposal.band().blocks()) {
            return new DoseDecision.Refused(proposal.band().refusal(),
                    missed + " consecutive days missed: a doctor must review before the next dose.")
                    .with("missedDays", missed);
        }
        return new DoseDecision.Due(proposal);
    }

    /** All the rules, for the dose asked for: give it, refuse it, or already dosed. */
    DoseDecision decide(DoseRequest request, MissedDoseRule rule) {
        DoseDecision before = due(rule);
        if (!(before instanceof DoseDecision.Due due)) {
            return before;
        }
        var proposal = due.proposal();
        Milligrams dose = Milligrams.of(request.doseMg());
        if (!dose.equals(proposal.dose())) {
            return new DoseDecision.Refused("dose-mismatch", "The dose differs from the dose proposed for today.")
                    .with("proposedMg", proposal.dose().plain()).with("band", proposal.band().name());
        }
        int takeHome = request.takeHomeDays() == null ? 0 : request.takeHomeDays();
        if (takeHome > 0 && proposal.band() != DoseBand.NORMAL) {
            return new DoseDecision.Refused("take-home-not-allowed", "No take-home doses after missed days.");
        }
        Optional<DoseDecision.Refused> beyond = TakeHome.refusal(takeHome, course.takeHomeDays());
        if (beyond.isPresent()) {
            return beyond.get();
        }
        var days = TakeHome.days(today, takeHome);
        int bottles = request.bottlesGiven() != null ? request.bottlesGiven()
                : course.medicine().form() == Medicine.Form.ORAL_SOLUTION ? takeHome : 0;
        return new DoseDecision.Give(dose, proposal.band(), takeHome, days, dose.times(days.size()),
                request.observed() == null || request.observed(), bottles);
    }
}
