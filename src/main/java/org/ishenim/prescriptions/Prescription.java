package org.ishenim.prescriptions;

import java.time.LocalDate;
import org.ishenim.clients.ClientId;
import org.ishenim.medicines.Medicine;

/**
 * A course of OAT with one medicine. {@code current} is the version in effect (null until a high first
 * dose is countersigned); {@code pending} awaits a second doctor's countersignature. An ended one keeps why and by
 * whom.
 */
public record Prescription(PrescriptionId id, ClientId client, Medicine medicine, LocalDate startOn, LocalDate endOn,
        PrescriptionStatus status, PrescriptionVersion current, PrescriptionVersion pending, LocalDate resetOn,
        String endReason, String endedBy) {

    public boolean isActiveOn(LocalDate day) {
        return status == PrescriptionStatus.ACTIVE && !day.isBefore(startOn) && (endOn == null || !day.isAfter(endOn));
    }
}
