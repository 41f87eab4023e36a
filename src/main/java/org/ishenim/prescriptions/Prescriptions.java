package org.ishenim.prescriptions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ishenim.clients.ClientId;
import org.ishenim.medicines.Medicine;
import org.ishenim.medicines.Milligrams;
import org.ishenim.web.ClinicOnly;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.ishenim.web.Utc;

/** The prescription and prescription_version tables. */
@Repository
@ClinicOnly
class Prescriptions {

    private final JdbcClient db;

    Prescriptions(JdbcClient db) {
        this.db = db;
    }

    void insert(PrescriptionId id, ClientId client, Medicine medicine, LocalDate startOn, LocalDate endOn,
            Instant at, String by) {
        db.sql("""
                INSERT INTO prescription (id, client_id, medicine, start_on, end_on, status, reset_on, created_at, created_by)
                VALUES (:id, :client, :medicine, :start, :end, 'ACTIVE', :start, :at, :by)
                """)
                .param("id", id.value()).param("client", client.value()).param("medicine", medicine.name())
                .param("start", startOn).param("end", endOn).param("at", Utc.of(at)).param("by", by).update();
    }

    void insertVersion(PrescriptionId id, PrescriptionVersion v) {
        db.sql("""
                INSERT INTO prescription_version (id, prescription_id, version, kind, daily_dose_mg, take_home_days, reason,
                    notes, created_at, created_by, needs_countersign, effective_on)
                VALUES (:id, :p, :version, :kind, :dose, :takeHome, :reason, :notes, :at, :by, :needs, :effective)
                """)
                .param("id", v.id()).param("p", id.value()).param("version", v.version()).param("kind", v.kind().name())
                .param("dose", v.dailyDose().value()).param("takeHome", v.takeHomeDays()).param("reason", v.reason())
                .param("notes", v.notes()).param("at", Utc.of(v.createdAt())).param("by", v.createdBy())
                .param("needs", v.needsCountersign()).param("effective", v.effectiveOn()).update();
    }

    void makeCurrent(PrescriptionId id, UUID versionId) {
        db.sql("UPDATE prescription SET current_version_id = :v, pending_version_id = NULL WHERE id = :id")
                .param("v", versionId).param("id", id.value()).update();
    }

    void makePending(PrescriptionId id, UUID versionId) {
        db.sql("UPDATE prescription SET pending_version_id = :v WHERE id = :id")
                .param("v", versionId).param("id", id.value()).update();
    }

    void resetMissedCount(PrescriptionId id, LocalDate from) {
        db.sql("UPDATE prescription SET reset_on = :d WHERE id = :id").param("d", from).param("id", id.value()).update();
    }

    void countersign(UUID versionId, String by, Instant at, LocalDate effectiveOn) {
        db.sql("""
                UPDATE prescription_version SET countersigned_by = :by, countersigned_at = :at, effective_on = :day
                WHERE id = :id
                """)
                .param("by", by).param("at", Utc.of(at)).param("day", effectiveOn).param("id", versionId).update();
    }

    void end(PrescriptionId id, LocalDate endOn, String reason, String by) {
        db.sql("UPDATE prescription SET status = 'ENDED', end_on = :end, end_reason = :reason, ended_by = :by WHERE id = :id")
                .param("end", endOn).param("reason", reason).param("by", by).param("id", id.value()).update();
    }

    /** Locks the prescription row, so that two doctors changing one prescription take turns. */
    Optional<Prescription> lock(PrescriptionId id) {
        db.sql("SELECT id FROM prescription WHERE id = :id FOR UPDATE").param("id", id.value()).query(UUID.class).optional();
        return find(id);
    }

    Optional<Prescription> find(PrescriptionId id) {
        return db.sql("SELECT * FROM prescription WHERE id = :id").param("id", id.value()).query(this::row).optional();
    }

    List<Prescription> ofClient(ClientId client) {
        return db.sql("SELECT * FROM prescription WHERE client_id = :c ORDER BY created_at DESC")
                .param("c", client.value()).query(this::row).list();
    }

    Optional<Prescription> activeOf(ClientId client) {
        return db.sql("SELECT * FROM prescription WHERE client_id = :c AND status = 'ACTIVE'")
                .param("c", client.value()).query(this::row).optional();
    }

    /**
     * The courses in effect on the day (active, started, not past their end), with the current version's dose, in
     * one statement; {@code onlyClient} null for every client.
     */
    List<ActiveCourse> activeOn(LocalDate day, ClientId onlyClient) {
        return db.sql("""
                SELECT p.id, p.client_id, p.medicine, p.reset_on, p.pending_version_id, v.daily_dose_mg, v.take_home_days
                FROM prescription p
                LEFT JOIN prescription_version v ON v.id = p.current_version_id
                WHERE p.status = 'ACTIVE' AND p.start_on <= :day AND (p.end_on IS NULL OR p.end_on >= :day)
                  AND (:all = TRUE OR p.client_id = :client)
                """)
                .param("day", day).param("all", onlyClient == null)
                .param("client", onlyClient == null ? new UUID(0, 0) : onlyClient.value())
                .query((rs, n) -> {
                    var dose = rs.getBigDecimal("daily_dose_mg");
                    return new ActiveCourse(new ClientId(rs.getObject("client_id", UUID.class)),
                            new PrescriptionId(rs.getObject("id", UUID.class)), Medicine.valueOf(rs.getString("medicine")),
                            rs.getObject("reset_on", LocalDate.class), dose == null ? null : new Milligrams(dose),
                            rs.getInt("take_home_days"), rs.getObject("pending_version_id", UUID.class) != null);
                })
                .list();
    }

    /** The clients whose prescription covers the day with a dose in effect: the ones expected at the window. */
    List<ClientId> clientsExpectedOn(LocalDate day) {
        return db.sql("""
                SELECT DISTINCT client_id FROM prescription
                WHERE start_on <= :day AND (end_on IS NULL OR end_on >= :day) AND current_version_id IS NOT NULL
                """)
                .param("day", day).query((rs, n) -> new ClientId(rs.getObject(1, UUID.class))).list();
    }

    /** Every course that started on or before the day, with the versions that took effect, in one statement. */
    List<CourseHistory> coursesStartedBy(LocalDate day) {
        Map<UUID, CourseHistory> courses = new java.util.LinkedHashMap<>();
        Map<UUID, List<CourseHistory.Step>> steps = new java.util.HashMap<>();
        db.sql("""
                SELECT p.id, p.client_id, p.medicine, p.start_on, p.end_on,
                       v.kind, v.daily_dose_mg, v.effective_on, v.reason
                FROM prescription p
                LEFT JOIN prescription_version v ON v.prescription_id = p.id AND v.effective_on IS NOT NULL
                WHERE p.start_on <= :day
                ORDER BY p.client_id, p.start_on, p.id, v.effective_on, v.version
                """)
                .param("day", day)
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    List<CourseHistory.Step> own = steps.computeIfAbsent(id, k -> new ArrayList<>());
                    if (!courses.containsKey(id)) {
                        courses.put(id, new CourseHistory(new ClientId(rs.getObject("client_id", UUID.class)),
                                Medicine.valueOf(rs.getString("medicine")), rs.getObject("start_on", LocalDate.class),
                                rs.getObject("end_on", LocalDate.class), List.of()));
                    }
                    LocalDate effective = rs.getObject("effective_on", LocalDate.class);
                    if (effective != null) {
                        VersionKind kind = VersionKind.valueOf(rs.getString("kind"));
                        own.add(new CourseHistory.Step(effective, kind, new Milligrams(rs.getBigDecimal("daily_dose_mg")),
                                kind == VersionKind.INITIAL && rs.getString("reason") != null));
                    }
                });
        return courses.entrySet().stream().map(e -> {
            CourseHistory c = e.getValue();
            return new CourseHistory(c.client(), c.medicine(), c.startOn(), c.endOn(), steps.get(e.getKey()));
        }).toList();
    }

    Optional<LocalDate> firstStartDay() {
        return db.sql("SELECT MIN(start_on) FROM prescription").query(LocalDate.class).optional();
    }

    List<PrescriptionVersion> versions(PrescriptionId id) {
        return db.sql("SELECT * FROM prescription_version WHERE prescription_id = :p ORDER BY version DESC")
                .param("p", id.value()).query(Prescriptions::version).list();
    }

    private Map<UUID, PrescriptionVersion> versionsWithIds(List<UUID> ids) {
        return db.sql("SELECT * FROM prescription_version WHERE id IN (:ids)").param("ids", ids)
                .query(Prescriptions::version).list().stream()
                .collect(Collectors.toMap(PrescriptionVersion::id, Function.identity()));
    }

    private Prescription row(ResultSet rs, int n) throws SQLException {
        var id = new PrescriptionId(rs.getObject("id", UUID.class));
        UUID current = rs.getObject("current_version_id", UUID.class);
        UUID pending = rs.getObject("pending_version_id", UUID.class);
        // Only the current and pending versions, not the whole history (a long treatment has many versions).
        Map<UUID, PrescriptionVersion> versions = current == null && pending == null ? Map.of()
                : versionsWithIds(java.util.stream.Stream.of(current, pending).filter(java.util.Objects::nonNull).toList());
        return new Prescription(id, new ClientId(rs.getObject("client_id", UUID.class)),
                Medicine.valueOf(rs.getString("medicine")), rs.getObject("start_on", LocalDate.class),
                rs.getObject("end_on", LocalDate.class), PrescriptionStatus.valueOf(rs.getString("status")),
                current == null ? null : versions.get(current), pending == null ? null : versions.get(pending),
                rs.getObject("reset_on", LocalDate.class), rs.getString("end_reason"), rs.getString("ended_by"));
    }

    static PrescriptionVersion version(ResultSet rs, int n) throws SQLException {
        var signedAt = rs.getObject("countersigned_at", OffsetDateTime.class);
        return new PrescriptionVersion(rs.getObject("id", UUID.class), rs.getInt("version"),
                VersionKind.valueOf(rs.getString("kind")), new Milligrams(rs.getBigDecimal("daily_dose_mg")),
                rs.getInt("take_home_days"), rs.getString("reason"), rs.getString("notes"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"),
                rs.getBoolean("needs_countersign"), rs.getString("countersigned_by"),
                signedAt == null ? null : signedAt.toInstant(), rs.getObject("effective_on", LocalDate.class));
    }

}
