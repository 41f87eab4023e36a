package org.ishenim.prescriptions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ishenim.audit.AuditLog;
import org.ishenim.audit.Outcome;
import org.ishenim.clients.ClientId;
import org.ishenim.clients.ClientRecords;
import org.ishenim.clients.Consents;
import org.ishenim.clients.Purpose;
import org.ishenim.medicines.Medicine;
import org.ishenim.medicines.Milligrams;
import org.ishenim.web.ClinicOnly;
import org.ishenim.web.ConflictException;
import org.ishenim.web.CurrentStaff;
import org.ishenim.web.NotFoundException;
import org.ishenim.web.PlausibleDates;
import org.ishenim.web.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Doctors' work on prescriptions: prescribe, change a dose with a reason, countersign a high dose, record a
 * review after missed days, end a course. Every read and write is audited in the same transaction.
 */
@Service
@ClinicOnly
public class Prescribing {

    /** The outcome of a write: the prescription as it now stands and any warnings for the doctor. */
    public record Result(Prescription prescription, List<String> warnings) {
    }

    private final Prescriptions prescriptions;
    private final ClientRecords clients;
    private final Consents consents;
    private final AuditLog audit;
    private final ClinicCalendar calendar;
    private final PrescribingRules rules;
    private final OatRules oatRules;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final PlausibleDates dates;

    Prescribing(Prescriptions prescriptions, ClientRecords clients, Consents consents, AuditLog audit,
            ClinicCalendar calendar, OatRules oatRules, org.springframework.context.ApplicationEventPublisher events,
            PlausibleDates dates) {
        this.events = events;
        this.dates = dates;
        this.prescriptions = prescriptions;
        this.clients = clients;
        this.consents = consents;
        this.audit = audit;
        this.calendar = calendar;
        this.oatRules = oatRules;
        this.rules = new PrescribingRules(oatRules);
    }

    public OatRules rules() {
        return oatRules;
    }

    @Transactional
    public Result prescribe(ClientId client, Medicine medicine, Milligrams dose, LocalDate startOn, LocalDate endOn,
            int takeHomeDays, String notes) {
        dates.clinical().check("startOn", startOn);
        dates.clinical().check("endOn", endOn);
        clients.find(client).orElseThrow(() -> new NotFoundException("No client with this id."));
        if (!consents.isGiven(client, Purpose.TREATMENT)) {
            throw new RuleViolationException("no-treatment-consent", "The client has not consented to treatment.");
        }
        if (prescriptions.activeOf(client).isPresent()) {
            throw new ConflictException("prescription-active", "The client already has an active prescription.");
        }
        LocalDate today = calendar.today();
        LocalDate start = startOn == null ? today : startOn;
        if (endOn != null && endOn.isBefore(start)) {
            throw new RuleViolationException("end-before-start", "The end date is before the start date.");
        }
        List<String> warnings = rules.initial(medicine, dose, takeHomeDays);
        var id = new PrescriptionId(UUID.randomUUID());
        Instant now = calendar.now();
        prescriptions.insert(id, client, medicine, start, endOn, now, CurrentStaff.username());
        addVersion(id, medicine, 1, VersionKind.INITIAL, dose, takeHomeDays, null, notes, start);
        audit.record("prescription.create", client.value(), null, Outcome.SUCCESS);
        events.publishEvent(new TreatmentStarted(client));
        return new Result(prescriptions.find(id).orElseThrow(), warnings);
    }

    /**
     * Continues an established course (a client transferring in from another programme, or demo data): the
     * induction limit does not apply, the countersignature threshold does, and the reason is audited.
     */
    @Transactional
    public Result continueTreatment(ClientId client, Medicine medicine, Milligrams dose, LocalDate startOn,
            int takeHomeDays, String reason) {
        String why = requireReason(reason);
        dates.clinical().check("startOn", startOn);
        clients.find(client).orElseThrow(() -> new NotFoundException("No client with this id."));
        if (prescriptions.activeOf(client).isPresent()) {
            throw new ConflictException("prescription-active", "The client already has an active prescription.");
        }
        rules.change(medicine, dose, null, dose, calendar.today(), takeHomeDays);
        var id = new PrescriptionId(UUID.randomUUID());
        prescriptions.insert(id, client, medicine, startOn, null, calendar.now(), CurrentStaff.username());
        addVersion(id, medicine, 1, VersionKind.INITIAL, dose, takeHomeDays, why, null, startOn);
        audit.record("prescription.continue", client.value(), null, Outcome.SUCCESS);
        events.publishEvent(new TreatmentStarted(client));
        return new Result(prescriptions.find(id).orElseThrow(), List.of());
    }

    @Transactional
    public Result changeDose(PrescriptionId id, Milligrams dose, int takeHomeDays, String reason) {
        String why = requireReason(reason);
        Prescription p = lockActive(id);
        if (p.pending() != null) {
            throw new ConflictException("countersign-pending", "A version awaits countersignature; countersign it first.");
        }
        if (p.current() == null) {
            throw new ConflictException("countersign-pending", "The first version awaits countersignature.");
        }
        LocalDate today = calendar.today();
        rules.change(p.medicine(), p.current().dailyDose(), p.current().effectiveOn(), dose, today, takeHomeDays);
        addVersion(id, p.medicine(), p.current().version() + 1, VersionKind.CHANGE, dose, takeHomeDays, why,
                null, today);
        audit.record("prescription.change", p.client().value(), null, Outcome.SUCCESS);
        return new Result(prescriptions.find(id).orElseThrow(), List.of());
    }

    /**
     * A review after missed days, with a new dose or a re-induction; the missed-day count restarts today.
     * {@code missedDays} is what the dosing screen counted.
     */
    @Transactional
    public Result review(PrescriptionId id, Milligrams dose, boolean reinduction, int missedDays, String reason) {
        String why = requireReason(reason);
        Prescription p = lockActive(id);
        Milligrams previous = p.current() == null ? dose : p.current().dailyDose();
        List<String> warnings = rules.review(p.medicine(), previous, missedDays, reinduction, dose);
        LocalDate today = calendar.today();
        int next = prescriptions.versions(id).get(0).version() + 1;
        if (p.pending() != null) {
            prescriptions.makePending(id, null);
        }
        addVersion(id, p.medicine(), next, reinduction ? VersionKind.REINDUCTION : VersionKind.REVIEW, dose,
                p.current() == null ? 0 : p.current().takeHomeDays(), why, null, today);
        prescriptions.resetMissedCount(id, today);
        audit.record("prescription.review", p.client().value(), reinduction ? "REINDUCTION" : "REVIEW",
                Outcome.SUCCESS);
        return new Result(prescriptions.find(id).orElseThrow(), warnings);
    }

    /** A second doctor countersigns the pending version, which takes effect today. */
    @Transactional
    public Result countersign(PrescriptionId id) {
        Prescription p = lockActive(id);
        if (p.pending() == null) {
            throw new ConflictException("nothing-to-countersign", "No version awaits countersignature.");
        }
        String by = CurrentStaff.username();
        if (by.equals(p.pending().createdBy())) {
            throw new RuleViolationException("countersign-by-second-doctor",
                    "A second doctor must countersign, not the one who prescribed.");
        }
        prescriptions.countersign(p.pending().id(), by, calendar.now(), calendar.today());
        prescriptions.makeCurrent(id, p.pending().id());
        audit.record("prescription.countersign", p.client().value(), null, Outcome.SUCCESS);
        return new Result(prescriptions.find(id).orElseThrow(), List.of());
    }

    @Transactional
    public Prescription end(PrescriptionId id, String reason) {
        String why = requireReason(reason);
        Prescription p = lockActive(id);
        prescriptions.end(id, calendar.today(), why, CurrentStaff.username());
        audit.record("prescription.end", p.client().value(), null, Outcome.SUCCESS);
        return prescriptions.find(id).orElseThrow();
    }

    /** The active prescription, for dosing, which audits its own read. Not audited here. */
    @Transactional(readOnly = true)
    public Optional<Prescription> active(ClientId client) {
        return prescriptions.activeOf(client);
    }

    /**
     * Every course in effect on the day, with its current dose, in one statement: for the dosing queue, which audits
     * its own read. Not audited here.
     */
    @Transactional(readOnly = true)
    public List<ActiveCourse> activeOn(LocalDate day) {
        return prescriptions.activeOn(day, null);
    }

    /** The client's course in effect on the day, if any: one line of the dosing queue. Not audited here. */
    @Transactional(readOnly = true)
    public Optional<ActiveCourse> activeOn(LocalDate day, ClientId client) {
        return prescriptions.activeOn(day, client).stream().findFirst();
    }

    /** The clients expected for a dose on the day (a prescription covers it and has a dose in effect). */
    @Transactional(readOnly = true)
    public List<ClientId> clientsExpectedOn(LocalDate day) {
        return prescriptions.clientsExpectedOn(day);
    }

    /**
     * Every course that started on or before the day, ended or not, with the doses that took effect, in one
     * statement: for the clinic's indicators, which audit their own read and keep only aggregates. Not audited here.
     */
    @Transactional(readOnly = true)
    public List<CourseHistory> coursesStartedBy(LocalDate day) {
        return prescriptions.coursesStartedBy(day);
    }

    /** The first day any prescription started: where the absence job begins. Empty before the first prescription. */
    @Transactional(readOnly = true)
    public Optional<LocalDate> firstStartDay() {
        return prescriptions.firstStartDay();
    }

    /** A client's prescriptions with their version history, newest first. Audited as a read. */
    @Transactional
    public List<History> history(ClientId client) {
        List<History> all = new ArrayList<>();
        for (Prescription p : prescriptions.ofClient(client)) {
            all.add(new History(p, prescriptions.versions(p.id())));
        }
        audit.record("prescription.read", client.value(), null, Outcome.SUCCESS);
        return all;
    }

    @Transactional(readOnly = true)
    public Optional<Prescription> find(PrescriptionId id) {
        return prescriptions.find(id);
    }

    public record History(Prescription prescription, List<PrescriptionVersion> versions) {
    }

    private void addVersion(PrescriptionId id, Medicine medicine, int number, VersionKind kind, Milligrams dose,
            int takeHomeDays, String reason, String notes, LocalDate effectiveOn) {
        boolean needs = rules.needsCountersign(medicine, dose);
        var v = new PrescriptionVersion(UUID.randomUUID(), number, kind, dose, takeHomeDays, reason,
                org.ishenim.web.FreeText.atMost("notes", notes, 1000), calendar.now(), CurrentStaff.username(), needs, null, null,
                needs ? null : effectiveOn);
        prescriptions.insertVersion(id, v);
        if (needs) {
            prescriptions.makePending(id, v.id());
        } else {
            prescriptions.makeCurrent(id, v.id());
        }
    }

    /**
     * Refuses a prescription that is not this client's (a page address names both), as if it did not exist. A
     * prescription never changes client, so the check holds for the action that follows.
     */
    @Transactional(readOnly = true)
    public PrescriptionId requireOf(ClientId client, PrescriptionId id) {
        prescriptions.find(id).filter(p -> p.client().equals(client))
                .orElseThrow(() -> new NotFoundException("This client has no prescription with this id."));
        return id;
    }

    private Prescription lockActive(PrescriptionId id) {
        Prescription p = prescriptions.lock(id).orElseThrow(() -> new NotFoundException("No prescription with this id."));
        if (p.status() != PrescriptionStatus.ACTIVE) {
            throw new RuleViolationException("prescription-ended", "The prescription has ended.");
        }
        return p;
    }

    /** The reason as it is stored: stripped, line breaks as LF, at most 300 characters. */
    private static String requireReason(String reason) {
        return org.ishenim.web.FreeText.required("reason", reason, 300, "A reason is required.");
    }

}
