package org.ishenim.indicators;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ishenim.medicines.Medicine;

/**
 * One prescription episode: a medicine from {@code start} (inclusive) to {@code stop} (exclusive; {@code null} while
 * it lasts), with its dose steps in order.
 */
record Episode(Medicine medicine, LocalDate start, LocalDate stop, List<DoseStep> steps) {

    Episode {
        Objects.requireNonNull(medicine, "medicine");
        Objects.requireNonNull(start, "start");
        if (stop != null && !stop.isAfter(start)) {
            throw new IllegalArgumentException("An episode stops after it starts.");
        }
        steps = steps.stream().sorted(Comparator.comparing(DoseStep::from)).toList();
    }

    boolean activeOn(LocalDate day) {
        return !day.isBefore(start) && (stop == null || day.isBefore(stop));
    }

    /** The dose step in force on the day, if the episode is active and a step has begun. */
    Optional<DoseStep> stepOn(LocalDate day) {
        if (!activeOn(day)) {
            return Optional.empty();
        }
        DoseStep current = null;
        for (DoseStep step : steps) {
            if (step.from().isAfter(day)) {
                break;
            }
            current = step;
        }
        return Optional.ofNullable(current);
    }
}
