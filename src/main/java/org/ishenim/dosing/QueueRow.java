package org.ishenim.dosing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.ishenim.medicines.Medicine;
import org.ishenim.medicines.Milligrams;

/** One client's raw queue facts for a day, as the set-based queue query returns them. */
record QueueRow(UUID clientId, String uic, String alias, UUID prescriptionId, Medicine medicine, LocalDate resetOn,
        Milligrams prescribed, int takeHomeAllowance, boolean countersignPending, LocalDate lastCovered,
        boolean consented, UUID dispensingId, Instant dispensedAt, String dispensedBy, LocalDate dispensingFirstDay,
        Milligrams dispensedDose) {
}
