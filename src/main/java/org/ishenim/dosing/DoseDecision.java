package org.ishenim.dosing;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ishenim.medicines.Milligrams;
import org.ishenim.web.RuleViolationException;

/**
 * What {@link DoseDay#decide} answers to a dose asked for: give it, refuse it with a code, or already dosed; and
 * what {@link DoseDay#due} answers before a dose is asked for: due, with the dose proposed, refused, or already dosed.
 */
sealed interface DoseDecision {

    /** Nothing stands in the way of today's dose: the band and the dose proposed ({@link DoseDay#due} only). */
    record Due(MissedDoseRule.Proposal proposal) implements DoseDecision {
    }

    /**
     * The dose may be given: {@code days} are today and the take-home days it covers, {@code total} the amount
     * handed over, {@code bottles} the take-home bottles (methadone solution, unless the request counts them).
     */
    record Give(Milligrams dose, DoseBand band, int takeHomeDays, List<LocalDate> days, Milligrams total,
            boolean observed, int bottles) implements DoseDecision {

        public Give {
            days = List.copyOf(days);
        }
    }

    /** The dose is refused: a 422 with a stable code, a message that names no person, and the problem's details. */
    record Refused(String code, String message, Map<String, Object> details) implements DoseDecision {

        public Refused(String code, String message) {
            this(code, message, Map.of());
        }

        public Refused {
            details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        }

        Refused with(String name, Object value) {
            var more = new LinkedHashMap<>(details);
            more.put(name, value);
            return new Refused(code, message, more);
        }

        RuleViolationException exception() {
            var e = new RuleViolationException(code, message);
            details.forEach(e::with);
            return e;
        }
    }

    /** Today is already covered (an observed dose, or a take-home day): a 409 saying when and by whom. */
    record AlreadyDosed() implements DoseDecision {
    }
}
