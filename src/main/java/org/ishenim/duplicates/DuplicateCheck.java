package org.ishenim.duplicates;

import java.util.List;
import java.util.UUID;
import org.ishenim.audit.AuditLog;
import org.ishenim.audit.Outcome;
import org.ishenim.clients.ClientEnrolled;
import org.ishenim.clients.ClientId;
import org.ishenim.clients.ClientRecords;
import org.ishenim.clients.ConsentGiven;
import org.ishenim.clients.ConsentRevoked;
import org.ishenim.clients.Consents;
import org.ishenim.clients.IdentityErased;
import org.ishenim.clients.Purpose;
import org.ishenim.prescriptions.TreatmentStarted;
import org.ishenim.web.ClinicOnly;
import org.ishenim.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides, inside the transaction of the enrolment or consent change, what the hub must be told, and publishes it
 * as a {@link HubUpdateRequested}, which the Event Publication Registry stores in the same transaction: a check when
 * a consenting client is enrolled or gives the consent, a deletion when the consent is revoked or the identity
 * erased. Enrolment never waits for the hub.
 */
@Service
@ClinicOnly
class DuplicateCheck {

    private final DuplicateChecks checks;
    private final Consents consents;
    private final ClientRecords records;
    private final HubConnection hub;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final org.springframework.transaction.support.TransactionTemplate tx;

    DuplicateCheck(DuplicateChecks checks, Consents consents, ClientRecords records, HubConnection hub, AuditLog audit,
            ApplicationEventPublisher events, org.springframework.transaction.support.TransactionTemplate tx) {
        this.tx = tx;
        this.checks = checks;
        this.consents = consents;
        this.records = records;
        this.hub = hub;
        this.audit = audit;
        this.events = events;
    }

    @EventListener
    void on(ClientEnrolled e) {
        if (consents.isGiven(e.clientId(), Purpose.DUPLICATE_CHECK)) {
            request(e.clientId());
        }
    }

    @EventListener
    void on(ConsentGiven e) {
        if (e.purpose() == Purpose.DUPLICATE_CHECK) {
            request(e.clientId());
        }
    }

    /** When a treatment starts, the check runs again: the moment a double enrolment becomes dangerous. */
    @EventListener
    void on(TreatmentStarted e) {
        request(e.clientId());
    }

    @EventListener
    void on(ConsentRevoked e) {
        if (e.purpose() == Purpose.DUPLICATE_CHECK) {
            withdraw(e.clientId());
        }
    }

    @EventListener
    void on(IdentityErased e) {
        withdraw(e.clientId());
    }

    /** Queues a check (again); also for the "check again" button. Needs the consent and a hub. */
    @Transactional
    public void request(ClientId id) {
        if (!hub.configured() || !consents.isGiven(id, Purpose.DUPLICATE_CHECK)) {
            return;
        }
        if (checks.queued(id).filter(a -> a == DuplicateChecks.Action.CHECK).isPresent()) {
            return;
        }
        checks.pending(id);
        owe(id, DuplicateChecks.Action.CHECK);
    }

    /**
     * Queues a check for every consenting client whose identity is stored: all of them ({@code all}, e.g. after the
     * hub lost its data or the secret changed), or only those never checked (at start-up, when a hub has just been
     * configured). Returns how many were queued.
     */
    @Transactional
    public int refresh(boolean all) {
        if (!hub.configured()) {
            return 0;
        }
        int queued = 0;
        for (ClientId id : consents.clientsWith(Purpose.DUPLICATE_CHECK)) {
            var client = records.find(id);
            if (client.isEmpty() || client.get().identityState() != org.ishenim.clients.IdentityState.STORED) {
                continue;
            }
            if (all || checks.find(id).isEmpty()) {
                checks.pending(id);
                owe(id, DuplicateChecks.Action.CHECK);
                queued++;
            }
        }
        if (all || queued > 0) {
            audit.record("duplicates.refresh", null, queued + " clients", Outcome.SUCCESS);
        }
        return queued;
    }

    /** Consenting clients enrolled before the hub was configured are checked once it is. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void checkThoseNeverChecked() {
        tx.executeWithoutResult(s -> refresh(false));
    }

    private void withdraw(ClientId id) {
        if (checks.find(id).isEmpty()) {
            return;
        }
        checks.clearCandidates(id);
        checks.state(id, CheckState.WITHDRAWN);
        owe(id, DuplicateChecks.Action.DELETE);
    }

    /** The new wish replaces any earlier one; its event is stored with this transaction and sent after it commits. */
    private void owe(ClientId id, DuplicateChecks.Action action) {
        events.publishEvent(checks.owe(id, action));
    }

    /** The client's duplicate check, audited as a read of the client's data. */
    @Transactional
    public DuplicateStatus status(UUID clientId) {
        ClientId id = new ClientId(clientId);
        records.find(id).orElseThrow(() -> new NotFoundException("No client with this id."));
        audit.record("duplicates.read", clientId, null, Outcome.SUCCESS);
        return statusOf(id);
    }

    /** This clinic's client behind one of its own references, when another site calls about it; audited. */
    @Transactional
    public java.util.Optional<UUID> clientByReference(String reference) {
        String ref = reference == null ? "" : reference.strip().toLowerCase(java.util.Locale.ROOT);
        var found = ref.matches("[0-9a-f]{32}") ? checks.byReference(ref) : java.util.Optional.<ClientId>empty();
        audit.record("duplicates.lookup", found.map(ClientId::value).orElse(null), "reference lookup",
                found.isPresent() ? Outcome.SUCCESS : Outcome.FAILED);
        return found.map(ClientId::value);
    }

    DuplicateStatus statusOf(ClientId id) {
        var check = checks.find(id);
        var retry = checks.retry(id);
        int attempts = retry.map(DuplicateChecks.Retry::attempts).orElse(0);
        var next = retry.filter(r -> r.attempts() > 0).map(DuplicateChecks.Retry::nextAttemptAt).orElse(null);
        if (check.isEmpty() || check.get().state() == CheckState.WITHDRAWN) {
            CheckState state = !hub.configured() ? CheckState.NOT_CONFIGURED
                    : !consents.isGiven(id, Purpose.DUPLICATE_CHECK) ? CheckState.NO_CONSENT
                    : check.map(DuplicateChecks.Check::state).orElse(CheckState.NO_CONSENT);
            return new DuplicateStatus(id.value(), state, null, List.of(), attempts, next);
        }
        return new DuplicateStatus(id.value(), check.get().state(), check.get().checkedAt(), checks.candidates(id),
                attempts, next);
    }

    /** Pending checks and found possible duplicates, for the page; audited as one list read. */
    @Transactional
    public List<DuplicateStatus> worklist(CheckState state, int limit) {
        List<DuplicateStatus> list = checks.withState(state, limit).stream().map(this::statusOf).toList();
        audit.record("duplicates.list", null, state.name() + ": " + list.size(), Outcome.SUCCESS);
        return list;
    }
}
