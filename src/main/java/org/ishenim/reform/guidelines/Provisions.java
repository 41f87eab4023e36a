package org.ishenim.reform.guidelines;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ishenim.audit.AuditLog;
import org.ishenim.audit.Outcome;
import org.ishenim.reform.Country;
import org.ishenim.web.ConflictException;
import org.ishenim.web.CurrentStaff;
import org.ishenim.web.HubOnly;
import org.ishenim.web.InvalidFieldsException;
import org.ishenim.web.NotFoundException;
import org.ishenim.web.Utc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per country, the legal provisions mapped to the Guidelines' recommendations: each with its status history (who
 * moved it, when, on what evidence) and the corrections of its text (what they replaced, who, when and why).
 */
@Service
@HubOnly
public class Provisions {

    private final JdbcClient db;
    private final Recommendations recommendations;
    private final AuditLog audit;
    private final Clock clock;

    Provisions(JdbcClient db, Recommendations recommendations, AuditLog audit, Clock clock) {
        this.db = db;
        this.recommendations = recommendations;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records a provision with its first status (not started when null), which opens its history. */
    @Transactional
    public Provision add(Country country, ProvisionText text, ProvisionStatus status, String evidence, String note) {
        Map<String, String> errors = new HashMap<>();
        if (status != null && status.inForce() && (evidence == null || evidence.isBlank())) {
            errors.put("evidence", "required"); // adopted or implemented from the start needs its evidence too
        }
        requireValid(text, errors);
        var p = new Provision(UUID.randomUUID(), country.code(), text.law().strip(), text.article().strip(),
                text.quotedText().strip(), text.storedLink(), canonicalId(text), text.relation(),
                status == null ? ProvisionStatus.NOT_STARTED : status, CurrentStaff.username(), clock.instant());
        db.sql("""
                INSERT INTO reform_provision (id, country, law, article, quoted_text, link, recommendation_id,
                                              relation, status, created_by, created_at)
                VALUES (:id, :country, :law, :article, :text, :link, :rec, :relation, :status, :by, :at)
                """)
                .param("id", p.id()).param("country", p.country()).param("law", p.law()).param("article", p.article())
                .param("text", p.quotedText()).param("link", p.link()).param("rec", p.recommendationId())
                .param("relation", p.relation().name()).param("status", p.status().name()).param("by", p.createdBy())
                .param("at", Utc.of(p.createdAt()))
                .update();
        history(p.id(), p.status(), p.createdAt(), evidence, note);
        audit.record("reform.provision.add", null, country.code() + " " + p.recommendationId(), Outcome.SUCCESS);
        return p;
    }

    /**
     * Corrects a provision's text, source or mapping (a typo, the wrong article). Its status and history stay; the
     * values it replaces are kept with who corrected them, when and why ({@link #corrections}).
     */
    @Transactional
    public Provision correct(UUID id, ProvisionText text, String reason) {
        Provision before = provision(id);
        Map<String, String> errors = new HashMap<>();
        ProvisionText.require(errors, "reason", reason, 2000);
        requireValid(text, errors);
        db.sql("""
                INSERT INTO reform_provision_correction (provision_id, law, article, quoted_text, link, recommendation_id,
                                                         relation, corrected_by, corrected_at, reason)
                VALUES (:id, :law, :article, :text, :link, :rec, :relation, :by, :at, :reason)
                """)
                .param("id", id).param("law", before.law()).param("article", before.article())
                .param("text", before.quotedText()).param("link", before.link()).param("rec", before.recommendationId())
                .param("relation", before.relation().name()).param("by", CurrentStaff.username())
                .param("at", Utc.of(clock.instant())).param("reason", reason.strip())
                .update();
        db.sql("""
                UPDATE reform_provision SET law = :law, article = :article, quoted_text = :text, link = :link,
                                            recommendation_id = :rec, relation = :relation
                WHERE id = :id
                """)
                .param("law", text.law().strip()).param("article", text.article().strip())
                .param("text", text.quotedText().strip()).param("link", text.storedLink())
                .param("rec", canonicalId(text)).param("relation", text.relation().name()).param("id", id)
                .update();
        audit.record("reform.provision.correct", null, before.country() + " " + before.recommendationId(), Outcome.SUCCESS);
        return provision(id);
    }

    /** What earlier corrections replaced, oldest first. */
    @Transactional(readOnly = true)
    public List<Correction> corrections(UUID provisionId) {
        return db.sql("""
                SELECT law, article, quoted_text, link, recommendation_id, relation, corrected_by, corrected_at, reason
                FROM reform_provision_correction WHERE provision_id = :id ORDER BY corrected_at, id
                """)
                .param("id", provisionId)
                .query((rs, n) -> new Correction(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), Relation.valueOf(rs.getString(6)), rs.getString(7),
                        rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getString(9)))
                .list();
    }

    /** Moves a provision to a new status; the history keeps who, when, the evidence and a note. */
    @Transactional
    public Provision changeStatus(UUID id, ProvisionStatus status, String evidence, String note) {
        Provision p = provision(id);
        if (status == null) {
            throw new InvalidFieldsException(Map.of("status", "required"));
        }
        if (p.status() == status) {
            throw new ConflictException("reform.status-unchanged", "The provision already has this status.");
        }
        if ((evidence == null || evidence.isBlank()) && status.inForce()) {
            throw new InvalidFieldsException(Map.of("evidence", "required"));
        }
        Instant at = clock.instant();
        db.sql("UPDATE reform_provision SET status = :status WHERE id = :id").param("status", status.name())
                .param("id", id).update();
        history(id, status, at, evidence, note);
        audit.record("reform.provision.status", null, p.country() + " " + p.recommendationId() + " " + status,
                Outcome.SUCCESS);
        return provision(id);
    }

    @Transactional(readOnly = true)
    public Provision provision(UUID id) {
        return db.sql("SELECT * FROM reform_provision WHERE id = :id").param("id", id).query(Provisions::provision)
                .optional().orElseThrow(() -> new NotFoundException("reform.provision", "No such provision."));
    }

    /** The country's provisions, by law and article. */
    @Transactional(readOnly = true)
    public List<Provision> of(Country country) {
        return db.sql("SELECT * FROM reform_provision WHERE country = :c ORDER BY law, article, created_at")
                .param("c", country.code()).query(Provisions::provision).list();
    }

    /** Oldest first. */
    @Transactional(readOnly = true)
    public List<StatusChange> history(UUID provisionId) {
        return db.sql("""
                SELECT status, changed_by, changed_at, evidence, note FROM reform_status_change
                WHERE provision_id = :id ORDER BY changed_at, id
                """)
                .param("id", provisionId)
                .query((rs, n) -> new StatusChange(ProvisionStatus.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4), rs.getString(5)))
                .list();
    }

    private void requireValid(ProvisionText text, Map<String, String> errors) {
        text.check(errors, id -> recommendations.recommendation(id).isPresent());
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
    }

    /** The recommendation's id as stored (the text may name it in lower case). */
    private String canonicalId(ProvisionText text) {
        return recommendations.recommendation(text.recommendationId()).orElseThrow().id();
    }

    private void history(UUID id, ProvisionStatus status, Instant at, String evidence, String note) {
        db.sql("""
                INSERT INTO reform_status_change (provision_id, status, changed_by, changed_at, evidence, note)
                VALUES (:id, :status, :by, :at, :evidence, :note)
                """)
                .param("id", id).param("status", status.name()).param("by", CurrentStaff.username()).param("at", Utc.of(at))
                .param("evidence", ProvisionText.blankToNull(evidence)).param("note", ProvisionText.blankToNull(note))
                .update();
    }

    private static Provision provision(ResultSet rs, int n) throws SQLException {
        return new Provision(rs.getObject("id", UUID.class), rs.getString("country"), rs.getString("law"),
                rs.getString("article"), rs.getString("quoted_text"), rs.getString("link"),
                rs.getString("recommendation_id"), Relation.valueOf(rs.getString("relation")),
                ProvisionStatus.valueOf(rs.getString("status")), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
