package org.ishenim.dosing;

import java.time.Instant;
import java.time.LocalDate;
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

    /** The line as the dose rules see it ({@link DoseDay#due}): dosed, due with the proposed dose, or blocked. */
    static QueueEntry of(QueueRow r, MissedDoseRule rule, LocalDate today) {
        var day = DoseDay.of(today, r);
        DoseDecision decision = day.due(rule);
        if (decision instanceof DoseDecision.AlreadyDosed) {
            Status s = r.dispensingFirstDay() != null && r.dispensingFirstDay().isBefore(today) ? Status.TAKE_HOME : Status.DOSED;
            return new QueueEntry(r.clientId(), r.uic(), r.alias(), r.prescriptionId(), r.medicine(), r.prescribed(), null,
                    DoseBand.NORMAL, 0, r.takeHomeAllowance(), r.countersignPending(), s, null, r.dispensedAt(),
                    r.dispensedBy(), r.dispensedDose());
        }
        if (decision instanceof DoseDecision.Due due) {
            return new QueueEntry(r.clientId(), r.uic(), r.alias(), r.prescriptionId(), r.medicine(), r.prescribed(),
                    due.proposal().dose(), due.proposal().band(), day.missedDays(), r.takeHomeAllowance(),
                    r.countersignPending(), Status.DUE, null, null, null, null);
        }
        String reason = ((DoseDecision.Refused) decision).code();
        return new QueueEntry(r.clientId(), r.uic(), r.alias(), r.prescriptionId(), r.medicine(), r.prescribed(), null,
                DoseBand.refusedAs(reason), day.missedDays(), r.takeHomeAllowance(), r.countersignPending(),
                Status.BLOCKED, reason, null, null, null);
    }
}
