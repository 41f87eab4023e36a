package org.ishenim.dosing;

import java.time.Instant;
import java.util.UUID;
import org.ishenim.medicines.Medicine;
import org.ishenim.medicines.Milligrams;

/** A line of today's queue: who, what dose is proposed, and the status with its reason. */
record QueueEntry(UUID clientId, String uic, String alias, UUID prescriptionId, Medicine medicine, Milligrams prescribed,
        Milligrams proposed, DoseBand band, int missedDays, int takeHomeAllowance, boolean countersignPending,
        Status status, String blockReason, Instant dosedAt, String dosedBy, Milligrams dosedDose) {

    enum Status {
        DOSED, TAKE_HOME, DUE, BLOCKED
    }

    /** The dose to show: given today, else proposed, else prescribed. */
    public String shownDose() {
        Milligrams m = dosedDose != null ? dosedDose : proposed != null ? proposed : prescribed;
        return m == null ? "" : m.plain();
    }

    public boolean hasAlerts() {
        return missedDays > 0 || band == DoseBand.HALF || takeHomeAllowance > 0 || countersignPending;
    }

    static QueueEntry of(QueueRow r, MissedDoseRule rule, java.time.LocalDate today) {
        int missed = MissedDoseRule.missedDays(today, r.lastCovered(), r.resetOn());
        if (r.dispensingId() != null) {
            Status s = r.dispensingFirstDay() != null && r.dispensingFirstDay().isBefore(today) ? Status.TAKE_HOME : Status.DOSED;
            return new QueueEntry(r.clientId(), r.uic(), r.alias(), r.prescriptionId(), r.medicine(), r.prescribed(), null,
                    DoseBand.NORMAL, 0, r.takeHomeAllowance(), r.countersignPending(), s, null, r.dispensedAt(),
                    r.dispensedBy(), r.dispensedDose());
        }
        if (!r.consented()) {
            return blocked(r, missed, DoseBand.NORMAL, "no-treatment-consent");
        }
        if (r.prescribed() == null) {
            return blocked(r, missed, DoseBand.NORMAL, "countersign-pending");
        }
        var p = rule.propose(r.medicine(), r.prescribed(), missed);
        if (p.band().blocks()) {
            return blocked(r, missed, p.band(), p.band() == DoseBand.REVIEW ? "review-required" : "reinduction-required");
        }
        return new QueueEntry(r.clientId(), r.uic(), r.alias(), r.prescriptionId(), r.medicine(), r.prescribed(),
                p.dose(), p.band(), missed, r.takeHomeAllowance(), r.countersignPending(), Status.DUE, null, null, null, null);
    }

    private static QueueEntry blocked(QueueRow r, int missed, DoseBand band, String reason) {
        return new QueueEntry(r.clientId(), r.uic(), r.alias(), r.prescriptionId(), r.medicine(), r.prescribed(), null,
                band, missed, r.takeHomeAllowance(), r.countersignPending(), Status.BLOCKED, reason, null, null, null);
    }
}
