package org.ishenim.prescriptions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.ishenim.medicines.Medicine;
import org.ishenim.medicines.Milligrams;
import org.ishenim.medicines.Substance;
import org.ishenim.web.RuleViolationException;

/** Induction, titration, countersignature and review rules. Plain Java: every rule has a unit test. */
final class PrescribingRules {

    private final OatRules rules;

    PrescribingRules(OatRules rules) {
        this.rules = rules;
    }

    /** The first dose of a course. Refuses above the induction maximum; returns warnings. */
    List<String> initial(Medicine medicine, Milligrams dose, int takeHomeDays) {
        measurable(medicine, dose);
        takeHome(takeHomeDays);
        List<String> warnings = new ArrayList<>();
        if (medicine.substance() == Substance.METHADONE) {
            Milligrams max = new Milligrams(rules.inductionMaxMg());
            if (dose.isGreaterThan(max)) {
                throw new RuleViolationException("induction-dose-too-high",
                        "The first methadone dose may be at most " + max + ".");
            }
            if (dose.isGreaterThan(new Milligrams(rules.inductionWarnMg()))) {
                warnings.add("induction-above-usual");
            }
        }
        return warnings;
    }

    /** A dose change. Decreases are always allowed; an increase is limited in size and frequency. */
    void change(Medicine medicine, Milligrams current, LocalDate currentSince, Milligrams next, LocalDate today,
            int takeHomeDays) {
        measurable(medicine, next);
        takeHome(takeHomeDays);
        if (!next.isGreaterThan(current)) {
            return;
        }
        Milligrams step = rules.step(medicine);
        if (next.minus(current).isGreaterThan(step)) {
            throw new RuleViolationException("increase-too-large",
                    "An increase may be at most " + step + " at a time.");
        }
        if (currentSince != null && ChronoUnit.DAYS.between(currentSince, today) < rules.titrationIntervalDays()) {
            throw new RuleViolationException("increase-too-soon",
                    "An increase needs at least " + rules.titrationIntervalDays() + " days since the last change.");
        }
    }

    boolean needsCountersign(Medicine medicine, Milligrams dose) {
        return dose.isGreaterThan(rules.countersignAbove(medicine));
    }

    /**
     * A doctor's review after missed days. From {@code missedReinductionDays} on, only a re-induction is
     * accepted (first-dose limits apply). Otherwise methadone restarts at the lower of the configured
     * restart maximum and half the previous dose.
     */
    List<String> review(Medicine medicine, Milligrams previous, int missedDays, boolean reinduction, Milligrams next) {
        measurable(medicine, next);
        if (reinduction) {
            return initial(medicine, next, 0);
        }
        if (missedDays >= rules.missedReinductionDays()) {
            throw new RuleViolationException("reinduction-required",
                    "After " + rules.missedReinductionDays() + " or more missed days the client is re-inducted.");
        }
        Milligrams max = restartMaximum(medicine, previous);
        if (next.isGreaterThan(max)) {
            throw new RuleViolationException("restart-dose-too-high", "After missed days the dose may be at most " + max + ".");
        }
        return List.of();
    }

    Milligrams restartMaximum(Medicine medicine, Milligrams previous) {
        Milligrams half = medicine.roundDown(new Milligrams(previous.value().divide(BigDecimal.valueOf(2), 3, RoundingMode.FLOOR)));
        if (medicine.substance() == Substance.METHADONE) {
            return half.min(new Milligrams(rules.reviewRestartMaxMg()));
        }
        return half;
    }

    private void takeHome(int days) {
        if (days < 0 || days > rules.maxTakeHomeDays()) {
            throw new RuleViolationException("take-home-out-of-range",
                    "Take-home days must be between 0 and " + rules.maxTakeHomeDays() + ".");
        }
    }

    private void measurable(Medicine medicine, Milligrams dose) {
        if (!medicine.isMeasurable(dose)) {
            throw new RuleViolationException("dose-not-measurable",
                    "The dose must be a positive multiple of " + medicine.doseUnit() + " for this medicine.");
        }
        Milligrams max = rules.maxDaily(medicine);
        if (dose.isGreaterThan(max)) {
            throw new RuleViolationException("dose-above-maximum", "The daily dose may be at most " + max + ".");
        }
    }
}
