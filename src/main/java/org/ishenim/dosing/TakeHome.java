package org.ishenim.dosing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.ishenim.web.RuleViolationException;

/** Take-home coverage: today's observed dose plus {@code takeHomeDays} following days, each counted as dosed. */
final class TakeHome {

    private TakeHome() {
    }

    static List<LocalDate> coveredDays(LocalDate today, int takeHomeDays, int allowance) {
        if (takeHomeDays < 0) {
            throw new RuleViolationException("take-home-out-of-range", "Take-home days cannot be negative.");
        }
        if (takeHomeDays > allowance) {
            throw new RuleViolationException("take-home-not-allowed",
                    "The prescription allows at most " + allowance + " take-home days.");
        }
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i <= takeHomeDays; i++) {
            days.add(today.plusDays(i));
        }
        return days;
    }
}
