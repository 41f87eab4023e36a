package org.ishenim.reform.visits;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ishenim.audit.AuditLog;
import org.ishenim.audit.Outcome;
import org.ishenim.reform.Country;
import org.ishenim.web.HubOnly;
import org.ishenim.web.InvalidFieldsException;
import org.ishenim.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ishenim.web.CurrentStaff;

/** Commission visits, their meetings and commitments. "Overdue" is decided against the injected clock. */
@Service
@HubOnly
public class Visits {

    private final JdbcClient db;
    private final AuditLog audit;
    private final Clock clock;
    private final org.ishenim.web.PlausibleDates dates;

    Visits(JdbcClient db, AuditLog audit, Clock clock, org.ishenim.web.PlausibleDates dates) {
        this.dates = dates;
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional
    public UUID addVisit(Country country, String title, LocalDate startsOn, LocalDate endsOn, String participants) {
        Map<String, String> errors = new HashMap<>();
        if (title == null || title.isBlank() || title.length() > 300) {
            errors.put("title", "required");
        }
        if (startsOn == null) {
            errors.put("startsOn", "required");
        }
        if (endsOn == null || (startsOn != null && endsOn.isBefore(startsOn))) {
            errors.put("endsOn", "order");
        }
        // finding 10: a plausible range (PlausibleDates.reform(), 1990-01-01 to ten years ahead by default)
        if (startsOn != null && !dates.reform().contains(startsOn)) {
            errors.put("startsOn", "range");
        }
        if (endsOn != null && !dates.reform().contains(endsOn)) {
            errors.put("endsOn", "range");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        UUID id = UUID.randomUUID();
        db.sql("""
                INSERT INTO reform_visit (id, country, title, starts_on, ends_on, participants)
                VALUES (:id, :country, :title, :starts, :ends, :participants)
                """)
                .param("id", id).param("country", country.code()).param("title", title.strip())
                .param("starts", startsOn).param("ends", endsOn)
                .param("participants", participants == null || participants.isBlank() ? null : participants.strip())
                .update();
        audit.record("reform.visit.add", null, country.code() + " " + startsOn, Outcome.SUCCESS);
        return id;
    }

    @Transactional
    public void addMeeting(UUID visitId, String institution, String level) {
        visit(visitId);
        if (institution == null || institution.isBlank() || institution.length() > 300 || level == null
                || level.isBlank() || level.length() > 100) {
            throw new InvalidFieldsException(Map.of("meeting", "required"));
        }
        db.sql("INSERT INTO reform_meeting (visit_id, institution, level) VALUES (:v, :i, :l)")
                .param("v", visitId).param("i", institution.strip()).param("l", level.strip()).update();
        audit.record("reform.visit.meeting", null, visitId.toString(), Outcome.SUCCESS);
    }

    @Transactional
    public UUID addCommitment(UUID visitId, String text, String owner, LocalDate dueOn) {
        Visit visit = visit(visitId);
        if (text == null || text.isBlank() || owner == null || owner.isBlank() || owner.length() > 200) {
            throw new InvalidFieldsException(Map.of("commitment", "required"));
        }
        plausibleDue(dueOn);
        UUID id = UUID.randomUUID();
        db.sql("""
                INSERT INTO reform_commitment (id, visit_id, country, text, owner, due_on, status)
                VALUES (:id, :visit, :country, :text, :owner, :due, 'OPEN')
                """)
                .param("id", id).param("visit", visitId).param("country", visit.country()).param("text", text.strip())
                .param("owner", owner.strip()).param("due", dueOn).update();
        audit.record("reform.commitment.add", null, visit.country(), Outcome.SUCCESS);
        return id;
    }

    @Transactional
    public void setStatus(UUID commitmentId, Commitment.Status status) {
        if (status == null) {
            throw new InvalidFieldsException(Map.of("status", "required"));
        }
        keepBefore(commitment(commitmentId), "STATUS");
        db.sql("UPDATE reform_commitment SET status = :s WHERE id = :id").param("s", status.name())
                .param("id", commitmentId).update();
        audit.record("reform.commitment.status", null, commitmentId + " " + status, Outcome.SUCCESS);
    }

    /** Corrects a commitment's text, owner or due date; what it replaced is kept ({@link #changes}). */
    @Transactional
    public void correct(UUID commitmentId, String text, String owner, LocalDate dueOn) {
        Commitment before = commitment(commitmentId);
        if (text == null || text.isBlank() || owner == null || owner.isBlank() || owner.length() > 200) {
            throw new InvalidFieldsException(Map.of("commitment", "required"));
        }
        plausibleDue(dueOn);
        keepBefore(before, "CORRECTION");
        db.sql("UPDATE reform_commitment SET text = :text, owner = :owner, due_on = :due WHERE id = :id")
                .param("text", text.strip()).param("owner", owner.strip()).param("due", dueOn).param("id", commitmentId)
                .update();
        audit.record("reform.commitment.correct", null, before.country() + " " + commitmentId, Outcome.SUCCESS);
    }

    private void plausibleDue(LocalDate dueOn) {
        if (dueOn != null && !dates.reform().contains(dueOn)) {
            throw new InvalidFieldsException(Map.of("dueOn", "range"));
        }
    }

    /** Every earlier state of the country's commitments, by commitment, oldest first. */
    @Transactional(readOnly = true)
    public Map<UUID, List<CommitmentChange>> changes(Country country) {
        Map<UUID, List<CommitmentChange>> all = new HashMap<>();
        db.sql("""
                SELECT x.commitment_id, x.kind, x.text, x.owner, x.due_on, x.status, x.changed_by, x.changed_at
                FROM reform_commitment_change x JOIN reform_commitment c ON c.id = x.commitment_id
                WHERE c.country = :c ORDER BY x.changed_at, x.id
                """)
                .param("c", country.code())
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> all
                        .computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.ArrayList<>())
                        .add(new CommitmentChange(rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getObject(5, LocalDate.class), Commitment.Status.valueOf(rs.getString(6)),
                                rs.getString(7), rs.getObject(8, java.time.OffsetDateTime.class).toInstant())));
        return all;
    }

    private Commitment commitment(UUID id) {
        return db.sql("SELECT * FROM reform_commitment WHERE id = :id").param("id", id).query(Visits::commitment)
                .optional().orElseThrow(() -> new NotFoundException("reform.commitment", "No such commitment."));
    }

    private void keepBefore(Commitment c, String kind) {
        db.sql("""
                INSERT INTO reform_commitment_change (commitment_id, kind, text, owner, due_on, status, changed_by, changed_at)
                VALUES (:id, :kind, :text, :owner, :due, :status, :by, :at)
                """)
                .param("id", c.id()).param("kind", kind).param("text", c.text()).param("owner", c.owner())
                .param("due", c.dueOn()).param("status", c.status().name()).param("by", CurrentStaff.username())
                .param("at", clock.instant().atOffset(java.time.ZoneOffset.UTC))
                .update();
    }

    /** The visit's country, for redirects. */
    @Transactional(readOnly = true)
    public String countryOfCommitment(UUID commitmentId) {
        return commitment(commitmentId).country();
    }

    @Transactional(readOnly = true)
    public Visit visit(UUID id) {
        return db.sql("SELECT * FROM reform_visit WHERE id = :id").param("id", id).query(this::mapVisit).optional()
                .orElseThrow(() -> new NotFoundException("reform.visit", "No such visit."));
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    public List<Visit> of(Country country) {
        return db.sql("SELECT * FROM reform_visit WHERE country = :c ORDER BY starts_on DESC")
                .param("c", country.code()).query(this::mapVisit).list();
    }

    /** Open commitments (open or in progress), the earliest due first. */
    @Transactional(readOnly = true)
    public List<Commitment> openCommitments(Country country) {
        return db.sql("""
                SELECT * FROM reform_commitment WHERE country = :c AND status IN ('OPEN', 'IN_PROGRESS')
                ORDER BY due_on, text
                """)
                .param("c", country.code()).query(Visits::commitment).list();
    }

    private Visit mapVisit(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<Visit.Meeting> meetings = db.sql("SELECT institution, level FROM reform_meeting WHERE visit_id = :v ORDER BY id")
                .param("v", id).query((r, i) -> new Visit.Meeting(r.getString(1), r.getString(2))).list();
        List<Commitment> commitments = db.sql("SELECT * FROM reform_commitment WHERE visit_id = :v ORDER BY due_on, text")
                .param("v", id).query(Visits::commitment).list();
        return new Visit(id, rs.getString("country"), rs.getString("title"), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class), rs.getString("participants"), meetings, commitments);
    }

    private static Commitment commitment(ResultSet rs, int n) throws SQLException {
        return new Commitment(rs.getObject("id", UUID.class), rs.getObject("visit_id", UUID.class),
                rs.getString("country"), rs.getString("text"), rs.getString("owner"),
                rs.getObject("due_on", LocalDate.class), Commitment.Status.valueOf(rs.getString("status")));
    }
}
