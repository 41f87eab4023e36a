package org.ishenim.dosing;

import java.time.LocalDate;
import java.util.Optional;
import org.ishenim.medicines.Medicine;
import org.ishenim.medicines.Milligrams;
import org.ishenim.prescriptions.Prescription;

/**
 * A client's dosing day as the rules see it: the prescription (null when none is active), whether treatment
 * consent is given, and the last day covered by a dose on or before today. {@link #decide} applies the rules of
 * recording a dose, in this order, and answers with a value; nothing here reads or writes the database.
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
record DoseDay(LocalDate today, Prescription prescription, boolean treatmentConsent, LocalDate lastCovered) {

    DoseDecision decide(DoseRequest request, MissedDoseRule rule) {
        Prescription p = prescription;
        if (p == null || !p.isActiveOn(today)) {
            return new DoseDecision.Refused("no-active-prescription", "The client has no active prescription today.");
        }
        if (!treatmentConsent) {
            return new DoseDecision.Refused("no-treatment-consent",
                    "The client's consent to treatment is not given or was revoked.");
        }
        if (p.current() == null) {
            return new DoseDecision.Refused("countersign-pending",
                    "The prescription awaits a second doctor's countersignature.");
        }
        if (today.equals(lastCovered)) {
            return new DoseDecision.AlreadyDosed();
        }
        int missed = MissedDoseRule.missedDays(today, lastCovered, p.resetOn());
        var proposal = rule.propose(p.medicine(), p.current().dailyDose(), missed);
        if (proposal.band().blocks()) {
            return new DoseDecision.Refused(
                    proposal.band() == DoseBand.REVIEW ? "review-required" : "reinduction-required",
                    missed + " consecutive days missed: a doctor must review before the next dose.")
                    .with("missedDays", missed);
        }
        Milligrams dose = Milligrams.of(request.doseMg());
        if (!dose.equals(proposal.dose())) {
            return new DoseDecision.Refused("dose-mismatch", "The dose differs from the dose proposed for today.")
                    .with("proposedMg", proposal.dose().plain()).with("band", proposal.band().name());
        }
        int takeHome = request.takeHomeDays() == null ? 0 : request.takeHomeDays();
        if (takeHome > 0 && proposal.band() != DoseBand.NORMAL) {
            return new DoseDecision.Refused("take-home-not-allowed", "No take-home doses after missed days.");
        }
        Optional<DoseDecision.Refused> beyond = TakeHome.refusal(takeHome, p.current().takeHomeDays());
        if (beyond.isPresent()) {
            return beyond.get();
        }
        var days = TakeHome.days(today, takeHome);
        int bottles = request.bottlesGiven() != null ? request.bottlesGiven()
                : p.medicine().form() == Medicine.Form.ORAL_SOLUTION ? takeHome : 0;
        return new DoseDecision.Give(dose, proposal.band(), takeHome, days, dose.times(days.size()),
                request.observed() == null || request.observed(), bottles);
    }
}
