package org.ishenim.prescriptions;

import java.time.LocalDate;
import java.util.List;
import org.ishenim.clients.ClientId;
import org.ishenim.medicines.Medicine;
import org.ishenim.medicines.Milligrams;

/**
 * A course as the clinic's indicators see it: the client, the medicine, its first and last day ({@code endOn}
 * inclusive, {@code null} while open) and the daily doses that took effect, in order. Versions still awaiting a
 * countersignature never took effect and are not here. No reason, no note, no staff name.
 */
public record CourseHistory(ClientId client, Medicine medicine, LocalDate startOn, LocalDate endOn, List<Step> steps) {

    public CourseHistory {
        steps = List.copyOf(steps);
    }

    /**
     * A dose that took effect on {@code effectiveOn}. {@code continuedCourse} marks the first version of a course
     * continued from another programme ({@link Prescribing#continueTreatment}), which starts at a maintenance dose.
     */
    public record Step(LocalDate effectiveOn, VersionKind kind, Milligrams dailyDose, boolean continuedCourse) {
    }
}
