package org.ishenim.indicators;

import java.time.LocalDate;
import java.util.Objects;
import org.ishenim.medicines.Milligrams;

/** A prescribed daily dose and its phase, in force from {@code from} until the episode's next step. */
record DoseStep(LocalDate from, Milligrams dailyDose, Phase phase) {

    DoseStep {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(dailyDose, "dailyDose");
        Objects.requireNonNull(phase, "phase");
    }
}
