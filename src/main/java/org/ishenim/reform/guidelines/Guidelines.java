package org.ishenim.reform.guidelines;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ishenim.audit.AuditLog;
import org.ishenim.audit.Outcome;
import org.ishenim.reform.Country;
import org.ishenim.reform.TabularFile;
import org.ishenim.web.ConflictException;
import org.ishenim.web.HubOnly;
import org.ishenim.web.InvalidFieldsException;
import org.ishenim.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ishenim.web.Utc;
import org.ishenim.web.CurrentStaff;

/**
 * The Guidelines' recommendations and, per country, the legal provisions mapped to them with their status history.
 * The starter set of recommendations ships in {@code reform/guidelines.csv} and is loaded into an empty table;
 * analysts edit the set from then on.
 */
@Service
@HubOnly
public class Guidelines {

    static final String STARTER_SET = "/reform/guidelines.csv";

    private final JdbcClient db;
    private final AuditLog audit;
    private final Clock clock;

    Guidelines(JdbcClient db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Loads the starter set when there are no recommendations yet, and returns how many were loaded. On a hub that
     * has them already, only adds missing Russian and Kyrgyz texts to starter recommendations whose English text
     * the analysts left unchanged.
     */
    @Transactional
    public int loadStarterSetIfEmpty() {
        List<Recommendation> starter = starterSet();
        if (db.sql("SELECT COUNT(*) FROM reform_recommendation").query(Long.class).single() > 0) {
            for (Recommendation r : starter) {
                db.sql("""
                        UPDATE reform_recommendation SET text_ru = COALESCE(text_ru, :ru), text_ky = COALESCE(text_ky, :ky)
                        WHERE id = :id AND text = :text
                        """)
                        .param("ru", r.textRu()).param("ky", r.textKy()).param("id", r.id()).param("text", r.text())
                        .update();
            }
            return 0;
        }
        for (Recommendation r : starter) {
            insert(r);
        }
        return starter.size();
    }

    static List<Recommendation> starterSet() {
        try (InputStream in = Guidelines.class.getResourceAsStream(STARTER_SET)) {
            if (in == null) {
                throw new IllegalStateException("guidelines.csv missing from the class path");
            }
            TabularFile file = TabularFile.csv(in.readAllBytes());
            List<Recommendation> out = new ArrayList<>();
            for (TabularFile.Line line : file.lines().subList(1, file.lines().size())) {
                out.add(new Recommendation(line.cell(0), line.cell(1), line.cell(2), line.cell(3), line.cell(4),
                        out.size() + 1));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TabularFile.Unreadable e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional(readOnly = true)
    public List<Recommendation> recommendations() {
        return db.sql("SELECT * FROM reform_recommendation ORDER BY position, id")
                .query((rs, n) -> new Recommendation(rs.getString("id"), rs.getString("theme"), rs.getString("text"),
                        rs.getString("text_ru"), rs.getString("text_ky"), rs.getInt("position")))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<Recommendation> recommendation(String id) {
        return recommendations().stream().filter(r -> r.id().equalsIgnoreCase(id)).findFirst();
    }

    /** Adds a recommendation, or changes the theme and text of an existing one with the same id. */
    @Transactional
    public Recommendation saveRecommendation(String id, String theme, String text) {
        return saveRecommendation(id, theme, text, null, null);
    }

    /** As above, with the Russian and Kyrgyz texts (blank for none). */
    @Transactional
    public Recommendation saveRecommendation(String id, String theme, String text, String textRu, String textKy) {
        Recommendation r;
        try {
            int position = db.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM reform_recommendation")
                    .query(Integer.class).single();
            r = new Recommendation(id, theme, text, textRu, textKy, position);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldsException(Map.of(e.getMessage(), "invalid"));
        }
        int changed = db.sql("""
                UPDATE reform_recommendation SET theme = :theme, text = :text, text_ru = :ru, text_ky = :ky
                WHERE id = :id
                """)
                .param("theme", r.theme()).param("text", r.text()).param("ru", r.textRu()).param("ky", r.textKy())
                .param("id", r.id()).update();
        if (changed == 0) {
            insert(r);
        }
        audit.record(changed == 0 ? "reform.recommendation.add" : "reform.recommendation.edit", null, r.id(),
                Outcome.SUCCESS);
        return recommendation(r.id()).orElseThrow();
    }

    private void insert(Recommendation r) {
        db.sql("""
                INSERT INTO reform_recommendation (id, theme, text, text_ru, text_ky, position)
                VALUES (:id, :theme, :text, :ru, :ky, :position)
                """)
                .param("id", r.id()).param("theme", r.theme()).param("text", r.text()).param("ru", r.textRu())
                .param("ky", r.textKy()).param("position", r.position())
                .update();
    }

    /** Records a provision with its first status, which opens its history. */
    @Transactional
    public Provision addProvision(Country country, String law, String article, String quotedText, String link,
            String recommendationId, Relation relation, ProvisionStatus status, String evidence, String note) {
        Map<String, String> errors = new HashMap<>();
        if (status != null && status.inForce() && (evidence == null || evidence.isBlank())) {
            errors.put("evidence", "required"); // adopted or implemented from the start needs its evidence too
        }
        requireValid(law, article, quotedText, link, recommendationId, relation, errors);
        var p = new Provision(UUID.randomUUID(), country.code(), law.strip(), article.strip(), quotedText.strip(),
                link == null || link.isBlank() ? null : link.strip(),
                recommendation(recommendationId).orElseThrow().id(), relation,
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
    public Provision correctProvision(UUID id, String law, String article, String quotedText, String link,
            String recommendationId, Relation relation, String reason) {
        Provision before = provision(id);
        Map<String, String> errors = new HashMap<>();
        require(errors, "reason", reason, 2000);
        requireValid(law, article, quotedText, link, recommendationId, relation, errors);
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
                .param("law", law.strip()).param("article", article.strip()).param("text", quotedText.strip())
                .param("link", blankToNull(link)).param("rec", recommendation(recommendationId).orElseThrow().id())
                .param("relation", relation.name()).param("id", id)
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

    private void requireValid(String law, String article, String quotedText, String link, String recommendationId,
            Relation relation, Map<String, String> errors) {
        require(errors, "law", law, 300);
        require(errors, "article", article, 100);
        require(errors, "quotedText", quotedText, 10000);
        if (link != null && !link.isBlank() && !validLink(link)) {
            errors.put("link", "invalid");
        }
        if (recommendationId == null || recommendation(recommendationId).isEmpty()) {
            errors.put("recommendationId", "invalid");
        }
        if (relation == null) {
            errors.put("relation", "required");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
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

    private void history(UUID id, ProvisionStatus status, Instant at, String evidence, String note) {
        db.sql("""
                INSERT INTO reform_status_change (provision_id, status, changed_by, changed_at, evidence, note)
                VALUES (:id, :status, :by, :at, :evidence, :note)
                """)
                .param("id", id).param("status", status.name()).param("by", CurrentStaff.username()).param("at", Utc.of(at))
                .param("evidence", blankToNull(evidence)).param("note", blankToNull(note))
                .update();
    }

    @Transactional(readOnly = true)
    public Provision provision(UUID id) {
        return db.sql("SELECT * FROM reform_provision WHERE id = :id").param("id", id).query(Guidelines::provision)
                .optional().orElseThrow(() -> new NotFoundException("reform.provision", "No such provision."));
    }

    @Transactional(readOnly = true)
    public List<Provision> provisions(Country country) {
        return db.sql("SELECT * FROM reform_provision WHERE country = :c ORDER BY law, article, created_at")
                .param("c", country.code()).query(Guidelines::provision).list();
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

    /** The country's standing on every recommendation, in the Guidelines' order. */
    @Transactional(readOnly = true)
    public List<Compliance> compliance(Country country) {
        List<Provision> all = provisions(country);
        return recommendations().stream().map(r -> {
            List<Provision> mapped = all.stream().filter(p -> p.recommendationId().equals(r.id())).toList();
            return new Compliance(r, Compliance.levelOf(mapped), mapped);
        }).toList();
    }

    private static Provision provision(ResultSet rs, int n) throws SQLException {
        return new Provision(rs.getObject("id", UUID.class), rs.getString("country"), rs.getString("law"),
                rs.getString("article"), rs.getString("quoted_text"), rs.getString("link"),
                rs.getString("recommendation_id"), Relation.valueOf(rs.getString("relation")),
                ProvisionStatus.valueOf(rs.getString("status")), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static void require(Map<String, String> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.put(field, "required");
        } else if (value.length() > max) {
            errors.put(field, "tooLong");
        }
    }

    static boolean validLink(String link) {
        try {
            URI uri = new URI(link.strip());
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && link.length() <= 500;
        } catch (Exception e) {
            return false;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
