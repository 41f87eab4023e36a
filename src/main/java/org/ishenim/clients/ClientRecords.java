package org.ishenim.clients;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ishenim.audit.AccessRecord;
import org.ishenim.audit.AuditLog;
import org.ishenim.audit.Outcome;
import org.ishenim.web.Codes;
import org.ishenim.web.ClinicOnly;
import org.ishenim.web.ConflictException;
import org.ishenim.web.CurrentStaff;
import org.ishenim.web.NotFoundException;
import org.ishenim.web.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Enrolment, search, the pseudonymous view, identity reveal and erasure. Every read and write is audited in
 * the same transaction.
 */
@Service
@ClinicOnly
public class ClientRecords {

    private static final int SEARCH_LIMIT = 50;

    private final Clients clients;
    private final IdentityVault vault;
    private final Consents consents;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate savepoint;

    ClientRecords(Clients clients, IdentityVault vault, Consents consents, AuditLog audit, Clock clock,
            ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.clients = clients;
        this.vault = vault;
        this.consents = consents;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        // Each UIC attempt runs under a savepoint, so that a collision with a concurrent enrolment does not
        // abort the whole transaction (PostgreSQL refuses every statement after an error otherwise).
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Transactional
    public Client enrol(Enrolment e) {
        return enrol(e, clock.instant());
    }

    /** An enrolment recorded as made at {@code now}: the demo's clients ({@link DemoClients}) only, never a request. */
    @Transactional
    Client enrol(Enrolment e, Instant now) {
        Enrolment.checkBirthYear(e.birthYear(), Year.now(clock));
        if (!e.identity().isEmpty() && !e.identityConsent()) {
            throw new IllegalArgumentException("Identity is stored only when the client consents to it.");
        }
        Uic base = Uic.compute(e.sex(), e.birthYear(), e.motherFirstName(), e.fatherFirstName());
        ClientId id = ClientId.random();
        String by = CurrentStaff.username();
        IdentityState identityState = e.identity().isEmpty() ? IdentityState.NONE : IdentityState.STORED;
        Client client = null;
        Set<String> taken = new HashSet<>(clients.uicsWithBase(base.base()));
        for (int n = 1; client == null; n++) {
            Uic candidate = base.withSuffix(n);
            if (taken.contains(candidate.value())) {
                continue;
            }
            var c = new Client(id, candidate, e.alias(), e.sex(), e.birthYear(), ClientStatus.ACTIVE, identityState, now, by);
            try {
                savepoint.executeWithoutResult(s -> clients.insert(c));
                client = c;
            } catch (DuplicateKeyException raced) {
                taken.add(candidate.value());
            }
            if (n > 999) {
                throw new ConflictException("uic-exhausted", "Too many clients share this UIC.");
            }
        }
        if (identityState == IdentityState.STORED) {
            clients.storeSealed(id, vault.seal(id, e.identity()), by, now);
        }
        audit.record("client.enrol", id.value(), e.identityConsent() ? "IDENTITY_STORED" : null, Outcome.SUCCESS);
        for (Purpose purpose : e.consents()) {
            consents.give(id, purpose);
        }
        events.publishEvent(new ClientEnrolled(id));
        return client;
    }

    /** The pseudonymous view, audited as a read. */
    @Transactional
    public Client view(ClientId id) {
        Client client = existing(id);
        audit.record("client.read", id.value(), null, Outcome.SUCCESS);
        return client;
    }

    /** For other modules that need the pseudonym on a screen they already audit. Not audited here. */
    @Transactional(readOnly = true)
    public Optional<Client> find(ClientId id) {
        return clients.find(id);
    }

    /**
     * For other modules that list many clients on a screen they already audit (the dosing queue, the dosing log):
     * the clients with these ids, or those of them matching a search (UIC prefix or alias substring), by alias then
     * UIC, in one statement. Not audited here.
     */
    @Transactional(readOnly = true)
    public List<Client> find(Collection<ClientId> ids, String query) {
        return clients.among(ids, query);
    }

    /**
     * Every client enrolled before the instant, active or exited, in one statement: for the clinic's indicators,
     * which audit their own read and keep only aggregates. Not audited here.
     */
    @Transactional(readOnly = true)
    public List<Client> enrolledBefore(Instant before) {
        return clients.enrolledBefore(before);
    }

    /** The active clients' ids in UIC order, for batch work (the demo data). Not audited: it reads no record. */
    @Transactional(readOnly = true)
    public List<ClientId> active() {
        return clients.withStatus(ClientStatus.ACTIVE);
    }

    @Transactional
    public List<Client> search(String query) {
        List<Client> found = clients.search(query, SEARCH_LIMIT);
        audit.record("client.search", null, found.size() + " results", Outcome.SUCCESS);
        return found;
    }

    /** As {@link #reveal(ClientId, RevealPurpose)}, with the purpose's code as sent (a field error if unknown). */
    @Transactional
    public Optional<Identity> reveal(ClientId id, String purpose) {
        return reveal(id, Codes.parse(RevealPurpose.class, "purpose", purpose));
    }

    /**
     * Decrypts identity for a stated purpose. Audited with the purpose's code (never free text: the audit chain
     * outlives erasure), also when there is nothing to show.
     */
    @Transactional
    public Optional<Identity> reveal(ClientId id, RevealPurpose purpose) {
        Client client = existing(id);
        audit.record("identity.reveal", id.value(), purpose.name(), Outcome.SUCCESS);
        if (client.identityState() != IdentityState.STORED) {
            return Optional.empty();
        }
        return clients.sealed(id).map(sealed -> vault.open(id, sealed));
    }

    /**
     * Decrypts identity for work the client consented to (the duplicate check), audited under that purpose.
     * Returns empty without the consent.
     */
    @Transactional
    public Optional<Identity> identityFor(ClientId id, Purpose purpose) {
        if (!consents.isGiven(id, purpose)) {
            return Optional.empty();
        }
        audit.record("identity.use", id.value(), purpose.name(), Outcome.SUCCESS);
        return clients.sealed(id).map(sealed -> vault.open(id, sealed));
    }

    /** Crypto-shreds the identity on exit, with a reason code (blank: EXIT). The pseudonymous history stays. */
    @Transactional
    public void erase(ClientId id, String reason) {
        ErasureReason why = reason == null || reason.isBlank() ? ErasureReason.EXIT
                : Codes.parse(ErasureReason.class, "reason", reason);
        Client client = existing(id);
        if (client.identityState() == IdentityState.ERASED) {
            throw new RuleViolationException("already-erased", "The identity was already erased.");
        }
        clients.shred(id, clock.instant());
        audit.record("identity.erase", id.value(), why.name(), Outcome.SUCCESS);
        events.publishEvent(new IdentityErased(id));
    }

    @Transactional
    public List<AccessRecord> accessLog(ClientId id) {
        existing(id);
        List<AccessRecord> log = audit.accessesTo(id.value());
        audit.record("client.access-log", id.value(), null, Outcome.SUCCESS);
        return log;
    }

    public long count() {
        return clients.count();
    }

    private Client existing(ClientId id) {
        return clients.find(id).orElseThrow(() -> new NotFoundException("No client with this id."));
    }

}
