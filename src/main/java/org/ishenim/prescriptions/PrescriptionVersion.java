package org.ishenim.prescriptions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.ishenim.medicines.Milligrams;

/** One version of a prescription: its daily dose and take-home allowance, who wrote it and why. */
public record PrescriptionVersion(UUID id, int version, VersionKind kind, Milligrams dailyDose, int takeHomeDays,
        String reason, String notes, Instant createdAt, String createdBy, boolean needsCountersign,
        String countersignedBy, Instant countersignedAt, LocalDate effectiveOn) {

    public boolean awaitingCountersign() {
        return needsCountersign && countersignedBy == null;
    }
}
