package org.ishenim.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records audit entries and reads a client's access log. {@link #record} joins the caller's transaction, so an
 * entry exists exactly when the change it records does.
 *
 * <p>An entry is first written to {@code audit_pending}, which takes no shared lock, so concurrent clinical
 * transactions do not queue behind one another. The {@link AuditSealer} links pending entries into the hash chain
 * ({@code audit_entry}) within a moment, in batches. {@link #verify()} seals whatever is pending first.
 */
@Service
public class AuditLog {

    private final JdbcClient db;
    private final Clock clock;
    private final AuditSealer sealer;
    private final LoginNameKey names;

    AuditLog(JdbcClient db, Clock clock, AuditSealer sealer, LoginNameKey names) {
        this.db = db;
        this.clock = clock;
        this.sealer = sealer;
        this.names = names;
    }

    /** Records an action by the current user. {@code clientId} and {@code purpose} may be null. */
    @Transactional
    public void record(String action, UUID clientId, String purpose, Outcome outcome) {
        insert(Actor.current(), action, clientId, purpose, outcome);
    }

    /** Records an action by a named actor, for example a failed login before anyone is authenticated. */
    @Transactional
    public void recordAs(String actor, String role, String action, UUID clientId, String purpose, Outcome outcome) {
        insert(new Actor(actor, role), action, clientId, purpose, outcome);
    }

    /**
     * Records an action by someone who is no known account (a failed login under a name nobody has). What they
     * typed may be a person's name or a password, and the chain cannot be erased: it is kept only as a keyed hash
     * ({@code unknown:<hex>}), which tells repeated attempts under the same name apart from others and nothing more.
     */
    @Transactional
    public void recordUnknownActor(String typed, String action, Outcome outcome) {
        insert(new Actor(names.actor(typed), "NONE"), action, null, null, outcome);
    }

    /** A staff account's name, {@code system} or {@code unknown:<hex>}. */
    private static final java.util.regex.Pattern ACTOR = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    /** A code: {@code client.read}, {@code denied GET /clients/{id}}. */
    private static final java.util.regex.Pattern ACTION = java.util.regex.Pattern.compile("[A-Za-z0-9._:/{}* -]{1,80}");
    /** Codes, counts, dates and site codes: printable ASCII only, never a name typed in Cyrillic or a control character. */
    private static final java.util.regex.Pattern PURPOSE = java.util.regex.Pattern.compile("[\\x20-\\x7E]{0,300}");
    static final String REDACTED = "redacted";

    /**
     * The last guard of a chain that cannot be erased: an actor that is no account name is kept as a keyed hash,
     * an action or purpose that is no code as {@value #REDACTED}.
     */
    private void insert(Actor given, String givenAction, UUID clientId, String givenPurpose, Outcome outcome) {
        Actor actor = given.name() == null || ACTOR.matcher(given.name()).matches() ? given
                : new Actor(names.actor(given.name()), given.role());
        String action = givenAction != null && ACTION.matcher(givenAction).matches() ? givenAction : REDACTED;
        String purpose = givenPurpose == null || PURPOSE.matcher(givenPurpose).matches() ? givenPurpose : REDACTED;
        db.sql("""
                INSERT INTO audit_pending (occurred_at, actor, actor_role, action, client_id, purpose, outcome)
                VALUES (:at, :actor, :role, :action, :client, :purpose, :outcome)
                """)
                .param("at", OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC))
                .param("actor", actor.name())
                .param("role", actor.role())
                .param("action", action)
                .param("client", clientId)
                .param("purpose", purpose)
                .param("outcome", outcome.name())
                .update();
    }

    /**
     * Who accessed this client's record and when, newest first: sealed entries and those still waiting for the
     * sealer (their sequence number is null).
     */
    @Transactional(readOnly = true)
    public List<AccessRecord> accessesTo(UUID clientId) {
        return db.sql("""
                SELECT seq, occurred_at, actor, actor_role, action, purpose, outcome, 0 AS pending, seq AS ord
                FROM audit_entry
                WHERE client_id = :client
                UNION ALL
                SELECT CAST(NULL AS BIGINT), occurred_at, actor, actor_role, action, purpose, outcome, 1, id
                FROM audit_pending
                WHERE client_id = :client
                ORDER BY occurred_at DESC, pending DESC, ord DESC
                """)
                .param("client", clientId)
                .query((rs, n) -> new AccessRecord(rs.getObject("seq", Long.class),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                        rs.getString("actor_role"), rs.getString("action"), rs.getString("purpose"),
                        Outcome.valueOf(rs.getString("outcome"))))
                .list();
    }

    /**
     * Seals the entries waiting for the chain (when it can: on a read-only connection it cannot, and only the
     * sealed chain is checked), then recomputes the chain up to its head.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public AuditVerification verify() {
        sealer.sealQuietly();
        return new ChainVerifier(db).verify();
    }
}
