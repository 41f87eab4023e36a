package org.ishenim.clients;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.ishenim.audit.AuditLog;
import org.ishenim.audit.Outcome;
import org.ishenim.web.ClinicOnly;
import org.ishenim.web.CurrentStaff;
import org.ishenim.web.NotFoundException;
import org.ishenim.web.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ishenim.web.Utc;

/** Consents per purpose: given, revoked, and asked about by other modules before they act. */
@Service
@ClinicOnly
public class Consents {

    private final JdbcClient db;
    private final Clients clients;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Consents(JdbcClient db, Clients clients, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
        this.db = db;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /** True when the client has an unrevoked consent for the purpose. Not audited: it reads no client data. */
    @Transactional(readOnly = true)
    public boolean isGiven(ClientId client, Purpose purpose) {
        return db.sql("""
                SELECT COUNT(*) FROM consent
                WHERE client_id = :client AND purpose = :purpose AND revoked_at IS NULL
                """)
                .param("client", client.value()).param("purpose", purpose.name()).query(Long.class).single() > 0;
    }

    @Transactional
    public Consent give(ClientId client, Purpose purpose) {
        requireClient(client);
        if (isGiven(client, purpose)) {
            throw new RuleViolationException("consent-already-given", "This consent is already given.");
        }
        var consent = new Consent(UUID.randomUUID(), purpose, clock.instant(), CurrentStaff.username(), null, null);
        db.sql("""
                INSERT INTO consent (id, client_id, purpose, given_at, given_by)
                VALUES (:id, :client, :purpose, :at, :by)
                """)
                .param("id", consent.id()).param("client", client.value()).param("purpose", purpose.name())
                .param("at", Utc.of(consent.givenAt())).param("by", consent.givenBy()).update();
        audit.record("consent.give", client.value(), purpose.name(), Outcome.SUCCESS);
        events.publishEvent(new ConsentGiven(client, purpose));
        return consent;
    }

    @Transactional
    public void revoke(ClientId client, Purpose purpose) {
        requireClient(client);
        int rows = db.sql("""
                UPDATE consent SET revoked_at = :at, revoked_by = :by
                WHERE client_id = :client AND purpose = :purpose AND revoked_at IS NULL
                """)
                .param("at", OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC))
                .param("by", CurrentStaff.username()).param("client", client.value()).param("purpose", purpose.name())
                .update();
        if (rows == 0) {
            throw new NotFoundException("consent-not-given", "There is no active consent for this purpose.");
        }
        audit.record("consent.revoke", client.value(), purpose.name(), Outcome.SUCCESS);
        events.publishEvent(new ConsentRevoked(client, purpose));
    }

    /** The clients with an unrevoked consent for the purpose (for work done per purpose, e.g. the duplicate check). */
    @Transactional(readOnly = true)
    public List<ClientId> clientsWith(Purpose purpose) {
        return db.sql("SELECT DISTINCT client_id FROM consent WHERE purpose = :purpose AND revoked_at IS NULL")
                .param("purpose", purpose.name()).query((rs, n) -> new ClientId(rs.getObject(1, UUID.class))).list();
    }

    /** Those of the clients with an unrevoked consent for the purpose, in one statement. Not audited, as isGiven. */
    @Transactional(readOnly = true)
    public Set<ClientId> givenAmong(Collection<ClientId> clients, Purpose purpose) {
        if (clients.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(db.sql("""
                SELECT DISTINCT client_id FROM consent
                WHERE client_id IN (:clients) AND purpose = :purpose AND revoked_at IS NULL
                """)
                .param("clients", clients.stream().map(ClientId::value).toList()).param("purpose", purpose.name())
                .query((rs, n) -> new ClientId(rs.getObject(1, UUID.class))).list());
    }

    /** Every consent of the client, current and revoked. Callers audit the read they belong to. */
    @Transactional(readOnly = true)
    public List<Consent> of(ClientId client) {
        return db.sql("""
                SELECT id, purpose, given_at, given_by, revoked_at, revoked_by
                FROM consent WHERE client_id = :client
                ORDER BY given_at DESC
                """)
                .param("client", client.value())
                .query((rs, n) -> {
                    var revoked = rs.getObject("revoked_at", OffsetDateTime.class);
                    return new Consent(rs.getObject("id", UUID.class), Purpose.valueOf(rs.getString("purpose")),
                            rs.getObject("given_at", OffsetDateTime.class).toInstant(), rs.getString("given_by"),
                            revoked == null ? null : revoked.toInstant(), rs.getString("revoked_by"));
                })
                .list();
    }

    private void requireClient(ClientId client) {
        clients.find(client).orElseThrow(() -> new NotFoundException("No client with this id."));
    }
}
