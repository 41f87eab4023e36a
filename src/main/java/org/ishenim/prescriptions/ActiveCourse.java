package org.ishenim.prescriptions;

import java.time.LocalDate;
import org.ishenim.clients.ClientId;
import org.ishenim.medicines.Medicine;
import org.ishenim.medicines.Milligrams;

/**
 * A prescription in effect on a day, as the dosing queue needs it: the dose in effect ({@code dailyDose} is null
 * until a high first dose is countersigned), its take-home allowance, and whether a new version awaits a second
 * doctor. {@code resetOn} is the day from which missed days are counted.
 */
public record ActiveCourse(ClientId client, PrescriptionId id, Medicine medicine, LocalDate resetOn,
        Milligrams dailyDose, int takeHomeDays, boolean countersignPending) {
}
