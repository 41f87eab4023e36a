package org.ishenim.dosing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.ishenim.medicines.Medicine;
import org.ishenim.medicines.Milligrams;
import org.ishenim.prescriptions.OatRules;

/** The missed-day bands of MISSION.md, applied to the dose the screen proposes. Plain Java. */
final class MissedDoseRule {

    /** The proposal for today: the band, the dose to give (null when blocked) and the missed-day count. */
    record Proposal(DoseBand band, Milligrams dose, int missedDays) {
    }

    private final OatRules rules;

    MissedDoseRule(OatRules rules) {
        this.rules = rules;
    }

    /**
     * Consecutive days without a dose before {@code today}. Counting starts after the last covered day
     * (observed or take-home), and never before {@code resetOn} (the start, or the last review).
     */
    static int missedDays(LocalDate today, LocalDate lastCovered, LocalDate resetOn) {
        LocalDate anchor = resetOn.minusDays(1);
        if (lastCovered != null && lastCovered.isAfter(anchor)) {
            anchor = lastCovered;
        }
        return (int) Math.max(0, ChronoUnit.DAYS.between(anchor, today) - 1);
    }

    DoseBand band(int missed) {
        if (missed >= rules.missedReinductionDays()) {
            return DoseBand.REINDUCTION;
        }
        if (missed >= rules.missedReviewDays()) {
            return DoseBand.REVIEW;
        }
        if (missed >= rules.missedHalfDoseDays()) {
            return DoseBand.HALF;
        }
        return DoseBand.NORMAL;
    }

    Proposal propose(Medicine medicine, Milligrams prescribed, int missed) {
        DoseBand band = band(missed);
        return switch (band) {
            case NORMAL -> new Proposal(band, prescribed, missed);
            case HALF -> new Proposal(band, medicine.roundDown(
                    new Milligrams(prescribed.value().divide(BigDecimal.valueOf(2), 3, RoundingMode.FLOOR))), missed);
            case REVIEW, REINDUCTION -> new Proposal(band, null, missed);
        };
    }
}
