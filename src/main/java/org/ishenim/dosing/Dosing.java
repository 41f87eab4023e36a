package org.ishenim.dosing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.ishenim.audit.AuditLog;
import org.ishenim.audit.Outcome;
import org.ishenim.clients.ClientId;
import org.ishenim.clients.Consents;
import org.ishenim.clients.Purpose;
import org.ishenim.medicines.Milligrams;
import org.ishenim.prescriptions.ClinicCalendar;
import org.ishenim.prescriptions.OatRules;
import org.ishenim.prescriptions.Prescribing;
import org.ishenim.prescriptions.Prescription;
import org.ishenim.prescriptions.PrescriptionId;
import org.ishenim.stock.SiteCode;
import org.ishenim.stock.Sites;
import org.ishenim.stock.StockLedger;
import org.ishenim.web.ClinicOnly;
import org.ishenim.web.ConflictException;
import org.ishenim.web.CurrentStaff;
import org.ishenim.web.InvalidFieldsException;
import org.ishenim.web.NotFoundException;
import org.ishenim.web.RuleViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records doses. One transaction holds the idempotency key, the dispensing, its dose days (the
 * {@code (client_id, day)} primary key refuses a second dose), the stock ledger line and the audit entry:
 * either all of them exist or none does.
 */
@Service
@ClinicOnly
class Dosing {

    /** A response to return: the status and JSON body, identical for the first request and any replay. */
    record Answer(int status, String json, boolean replay) {
    }

    private static final class AlreadyDosed extends RuntimeException {
        AlreadyDosed() {
            super(null, null, false, false);
        }
    }

    private static final class KeyUsed extends RuntimeException {
        KeyUsed() {
            super(null, null, false, false);
        }
    }

    private final Dispensings dispensings;
    private final DosingQueue queue;
    private final IdempotencyKeys keys;
    private final Prescribing prescribing;
    private final Consents consents;
    private final StockLedger stock;
    private final Sites sites;
    private final AuditLog audit;
    private final ClinicCalendar calendar;
    private final MissedDoseRule rule;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final org.ishenim.web.PlausibleDates dates;

    Dosing(Dispensings dispensings, DosingQueue queue, IdempotencyKeys keys, Prescribing prescribing, Consents consents, StockLedger stock,
            Sites sites, AuditLog audit, ClinicCalendar calendar, OatRules rules, PlatformTransactionManager txm,
            JsonMapper json, org.ishenim.web.PlausibleDates dates) {
        this.dates = dates;
        this.dispensings = dispensings;
        this.queue = queue;
        this.keys = keys;
        this.prescribing = prescribing;
        this.consents = consents;
        this.stock = stock;
        this.sites = sites;
        this.audit = audit;
        this.calendar = calendar;
        this.rule = new MissedDoseRule(rules);
        this.tx = new TransactionTemplate(txm);
        this.json = json;
    }

    /**
     * Records a dose, or replays the answer stored under {@code key}. Problems: 409 already dosed that day
     * (when and by whom), 409 insufficient stock, 422 no active prescription, no treatment consent, blocked
     * by missed days, or a dose other than the proposed one.
     */
    Answer dispense(DoseRequest request, String key) {
        validate(request);
        String fingerprint = sha256(request.fingerprint());
        // No look-up first: claiming the key is the first statement of the dose's transaction, and a used key
        // fails there (after the first request commits, if it is still running), and is then replayed.
        try {
            return tx.execute(s -> record(request, key, fingerprint));
        } catch (KeyUsed e) {
            return replay(tx.execute(s -> keys.find(key)).orElseThrow(), fingerprint);
        } catch (AlreadyDosed e) {
            throw alreadyDosed(request.clientId(), calendar.today());
        } catch (RuleViolationException | ConflictException e) {
            // the dose's transaction rolled back; the refused attempt is still an access to the client's record
            tx.executeWithoutResult(s -> audit.record("dose.refused", request.clientId(), e.code(), Outcome.FAILED));
            throw e;
        }
    }

    private Answer record(DoseRequest request, String key, String fingerprint) {
        Instant now = calendar.now();
        LocalDate today = calendar.dayOf(now);
        String by = CurrentStaff.username();
        if (key != null) {
            try {
                keys.claim(key, by, fingerprint, now);
            } catch (DuplicateKeyException e) {
                throw new KeyUsed();
            }
        }
        var client = new ClientId(request.clientId());
        SiteCode site = sites.resolve(request.site());
        Prescription p = prescribing.active(client).orElse(null);
        // One read answers both questions: a dose day on today means already dosed; otherwise it is the last
        // covered day before today, from which the missed days are counted.
        var facts = DoseDay.of(today, p, consents.isGiven(client, Purpose.TREATMENT),
                dispensings.lastCoveredOnOrBefore(client.value(), today).orElse(null));
        DoseDecision.Give give = given(facts.decide(request, rule));
        var row = new Dispensings.Row(UUID.randomUUID(), client.value(), p.id().value(), p.current().id(), site.value(),
                p.medicine(), give.dose(), give.days().size(), give.total(), give.observed(), give.bottles(), today,
                now, by);
        dispensings.insert(row);
        try {
            for (LocalDate day : give.days()) {
                dispensings.cover(client.value(), day, row.id());
            }
        } catch (DuplicateKeyException e) {
            throw new AlreadyDosed();
        }
        var body = new Dispensed(row.id(), client.value(), p.id().value(), p.medicine().name(), give.dose().plain(),
                p.medicine().quantity(give.dose()).toPlainString() + " " + p.medicine().quantityUnit(),
                give.takeHomeDays(), give.days(), give.total().plain(), row.observed(), give.bottles(), site.value(),
                now, by);
        String text = json.writeValueAsString(body);
        if (key != null) {
            keys.complete(key, 201, text);
        }
        audit.record("dose.dispense", client.value(), give.takeHomeDays() > 0 ? "TAKE_HOME:" + give.takeHomeDays() : null,
                Outcome.SUCCESS);
        // The one serialised step comes last: the site's balance row is locked only from here to the commit.
        stock.dispense(site, p.medicine(), give.total(), row.id());
        return new Answer(201, text, false);
    }

    /** The dose to give, or the decision's refusal thrown (the dose's transaction then rolls back). */
    private static DoseDecision.Give given(DoseDecision decision) {
        if (decision instanceof DoseDecision.Refused refused) {
            throw refused.exception();
        }
        if (decision instanceof DoseDecision.AlreadyDosed) {
            throw new AlreadyDosed();
        }
        return (DoseDecision.Give) decision;
    }

    private Answer replay(IdempotencyKeys.Stored stored, String fingerprint) {
        if (!stored.fingerprint().equals(fingerprint) || !stored.username().equals(CurrentStaff.username())) {
            throw new RuleViolationException("idempotency-key-reused",
                    "This Idempotency-Key was used for a different request.");
        }
        return new Answer(stored.status(), stored.body(), true);
    }

    /** The 409 for a second dose: when and by whom the day's dose was given, never who the client is. */
    private ConflictException alreadyDosed(UUID clientId, LocalDate day) {
        var existing = tx.execute(s -> {
            var found = dispensings.coveringDay(clientId, day);
            audit.record("dose.refused", clientId, "already-dosed", Outcome.FAILED);
            return found;
        });
        var problem = new ConflictException("already-dosed", "This client already has a dose for this day.");
        existing.ifPresent(d -> problem.with("dispensedAt", d.dispensedAt().toString())
                .with("dispensedBy", d.dispensedBy()).with("site", d.site())
                .with("takeHome", d.firstDay().isBefore(day)));
        return problem;
    }

    /** Take-home dispensings of the client with bottles still out. Read as part of the audited dosing panel. */
    List<Dispensings.OpenBottles> openBottles(ClientId client) {
        return dispensings.openBottles(client.value());
    }

    /** A returned take-home bottle count for a dispensing. */
    /** Refuses a dispensing that is not this client's (the panel's address names the client), as if it did not exist. */
    void requireDispensingOf(ClientId client, UUID dispensingId) {
        dispensings.find(dispensingId).filter(d -> d.clientId().equals(client.value()))
                .orElseThrow(() -> new NotFoundException("This client has no dispensing with this id."));
    }

    void returnBottles(UUID dispensingId, int bottles) {
        if (bottles <= 0) {
            throw new InvalidFieldsException(java.util.Map.of("bottles", "Must be at least 1."));
        }
        tx.executeWithoutResult(s -> {
            var d = dispensings.find(dispensingId).orElseThrow(() -> new NotFoundException("No dispensing with this id."));
            if (dispensings.returnedBottles(dispensingId) + bottles > d.bottlesGiven()) {
                throw new RuleViolationException("too-many-bottles", "More bottles returned than were given.");
            }
            dispensings.recordReturn(dispensingId, bottles, calendar.now(), CurrentStaff.username());
            audit.record("dose.bottles-returned", d.clientId(), null, Outcome.SUCCESS);
        });
    }

    /** Today's queue, or the lines matching a search. One audit entry for the screen. */
    List<QueueEntry> queue(String query) {
        LocalDate today = calendar.today();
        return tx.execute(s -> {
            var rows = queue.rows(today, query);
            audit.record("dosing.queue", null, rows.size() + " clients", Outcome.SUCCESS);
            return rows.stream().map(r -> QueueEntry.of(r, rule, today)).toList();
        });
    }

    /** One client's line of today's queue, audited as a read of that client. */
    QueueEntry line(ClientId client) {
        LocalDate today = calendar.today();
        return tx.execute(s -> {
            var rows = queue.line(today, client);
            audit.record("dosing.read", client.value(), null, Outcome.SUCCESS);
            return rows.stream().findFirst().map(r -> QueueEntry.of(r, rule, today)).orElse(null);
        });
    }

    /** A doctor's review of a client blocked by missed days (or any client on active treatment). */
    Prescribing.Result review(ClientId client, Milligrams dose, boolean reinduction, String reason) {
        LocalDate today = calendar.today();
        return tx.execute(s -> {
            Prescription p = prescribing.active(client)
                    .orElseThrow(() -> new RuleViolationException("no-active-prescription", "The client has no active prescription."));
            int missed = MissedDoseRule.missedDays(today, dispensings.lastCoveredBefore(client.value(), today).orElse(null),
                    p.resetOn());
            return prescribing.review(p.id(), dose, reinduction, missed, reason);
        });
    }

    void absenceReason(ClientId client, LocalDate day, String reason) {
        dates.clinical().check("day", day);
        String text = org.ishenim.web.FreeText.required("reason", reason, 300, "A reason is required.");
        tx.executeWithoutResult(s -> {
            dispensings.absenceReason(client.value(), day, text, calendar.now(), CurrentStaff.username());
            audit.record("absence.reason", client.value(), null, Outcome.SUCCESS);
        });
    }

    java.time.ZoneId zone() {
        return calendar.zone();
    }

    LocalDate today() {
        return calendar.today();
    }

    PrescriptionId prescriptionOf(ClientId client) {
        return prescribing.active(client).map(Prescription::id)
                .orElseThrow(() -> new NotFoundException("No active prescription."));
    }

    private static void validate(DoseRequest r) {
        var errors = new java.util.LinkedHashMap<String, String>();
        if (r == null || r.clientId() == null) {
            errors.put("clientId", "This field is required.");
        }
        if (r == null || r.doseMg() == null || r.doseMg().isBlank()) {
            errors.put("doseMg", "This field is required.");
        } else {
            try {
                Milligrams.of(r.doseMg());
            } catch (IllegalArgumentException e) {
                errors.put("doseMg", e.getMessage());
            }
        }
        if (r != null && r.bottlesGiven() != null && r.bottlesGiven() < 0) {
            errors.put("bottlesGiven", "Cannot be negative.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
