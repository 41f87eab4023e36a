package org.ishenim.dosing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Take-home coverage: today's observed dose plus {@code takeHomeDays} following days, each counted as dosed. */
final class TakeHome {

    private TakeHome() {
    }

    /** The days covered, or a {@code RuleViolationException} when the take-home days are out of range. */
    static List<LocalDate> coveredDays(LocalDate today, int takeHomeDays, int allowance) {
        refusal(takeHomeDays, allowance).ifPresent(r -> {
            throw r.exception();
        });
        return days(today, takeHomeDays);
    }

    /** Why {@code takeHomeDays} cannot be given under the prescription's {@code allowance}, if they cannot. */
    static Optional<DoseDecision.Refused> refusal(int takeHomeDays, int allowance) {
        if (takeHomeDays < 0) {
            return Optional.of(new DoseDecision.Refused("take-home-out-of-range", "Take-home days cannot be negative."));
        }
        if (takeHomeDays > allowance) {
            return Optional.of(new DoseDecision.Refused("take-home-not-allowed",
                    "The prescription allows at most " + allowance + " take-home days."));
        }
        return Optional.empty();
    }

    /** Today and the {@code takeHomeDays} following days. */
    static List<LocalDate> days(LocalDate today, int takeHomeDays) {
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i <= takeHomeDays; i++) {
            days.add(today.plusDays(i));
        }
        return days;
    }
}
