package org.ishenim.dosing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The answer to a recorded dose. Pseudonymous: ids, amounts, days, site and staff only. */
record Dispensed(UUID id, UUID clientId, UUID prescriptionId, String medicine, String doseMg, String quantity,
        int takeHomeDays, List<LocalDate> coveredDays, String totalMg, boolean observed, int bottlesGiven, String site,
        Instant dispensedAt, String dispensedBy) {
}
