package org.ishenim.dosing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ishenim.medicines.Medicine;
import org.ishenim.medicines.Milligrams;
import org.ishenim.web.ClinicOnly;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.ishenim.web.Utc;

/**
 * The dispensing, dose_day, bottle_return and absence tables. Reads for many clients at once (the queue, the
 * absence job) take the clients' ids and are one statement each, never one per client.
 */
@Repository
@ClinicOnly
class Dispensings {

    /** A recorded dispensing. */
    record Row(UUID id, UUID clientId, UUID prescriptionId, UUID versionId, String site, Medicine medicine,
            Milligrams dose, int days, Milligrams total, boolean observed, int bottlesGiven, LocalDate firstDay,
            Instant dispensedAt, String dispensedBy) {
    }

    private final JdbcClient db;

    private final NamedParameterJdbcTemplate batches;

    Dispensings(JdbcClient db, NamedParameterJdbcTemplate batches) {
        this.db = db;
        this.batches = batches;
    }

    void insert(Row d) {
        db.sql("""
                INSERT INTO dispensing (id, client_id, prescription_id, version_id, site_code, medicine, dose_mg, days,
                    total_mg, observed, bottles_given, first_day, dispensed_at, dispensed_by)
                VALUES (:id, :client, :p, :v, :site, :medicine, :dose, :days, :total, :observed, :bottles, :first, :at, :by)
                """)
                .param("id", d.id()).param("client", d.clientId()).param("p", d.prescriptionId()).param("v", d.versionId())
                .param("site", d.site()).param("medicine", d.medicine().name()).param("dose", d.dose().value())
                .param("days", d.days()).param("total", d.total().value()).param("observed", d.observed())
                .param("bottles", d.bottlesGiven()).param("first", d.firstDay()).param("at", Utc.of(d.dispensedAt()))
                .param("by", d.dispensedBy()).update();
    }

    /**
     * The clinic's dispensings with a first day in {@code [from, to]}, for the indicators: one statement, answered from
     * the index {@code dispensing_for_indicators} alone. In no particular order: sorting some 800,000 rows made H2
     * spill them into a sorted temporary table on disk, which took most of a month's indicators.
     */
    List<DoseHistory.Given> givenBetween(LocalDate from, LocalDate to) {
        return db.sql("""
                SELECT client_id, first_day, days, dispensed_at FROM dispensing
                WHERE first_day >= :from AND first_day <= :to
                """)
                .param("from", from).param("to", to)
                .query(Dispensings::given)
                .list();
    }

    private static DoseHistory.Given given(ResultSet rs, int n) throws SQLException {
        return new DoseHistory.Given(new org.ishenim.clients.ClientId(rs.getObject("client_id", UUID.class)),
                rs.getObject("first_day", LocalDate.class), rs.getInt("days"),
                rs.getObject("dispensed_at", OffsetDateTime.class).toInstant());
    }

    /** The given clients' dispensings with a first day in {@code [from, to]}, in one statement, in no particular order. */
    List<DoseHistory.Given> givenBetween(LocalDate from, LocalDate to, Collection<UUID> clients) {
        if (clients.isEmpty()) {
            return List.of();
        }
        return db.sql("""
                SELECT client_id, first_day, days, dispensed_at FROM dispensing
                WHERE client_id IN (:clients) AND first_day >= :from AND first_day <= :to
                """)
                .param("clients", clients).param("from", from).param("to", to)
                .query(Dispensings::given)
                .list();
    }

    /** Throws DuplicateKeyException when the client already has a dose that day: the database decides. */
    void cover(UUID clientId, LocalDate day, UUID dispensingId) {
        db.sql("INSERT INTO dose_day (client_id, on_day, dispensing_id) VALUES (:c, :d, :id)")
                .param("c", clientId).param("d", day).param("id", dispensingId).update();
    }

    /** The dispensing that covers the client's day, if any. */
    Optional<Row> coveringDay(UUID clientId, LocalDate day) {
        return db.sql("""
                SELECT d.* FROM dose_day t JOIN dispensing d ON d.id = t.dispensing_id
                WHERE t.client_id = :c AND t.on_day = :d
                """)
                .param("c", clientId).param("d", day).query(Dispensings::row).optional();
    }

    /** The client's last covered day up to and including {@code day}: equal to {@code day} when already dosed. */
    Optional<LocalDate> lastCoveredOnOrBefore(UUID clientId, LocalDate day) {
        return Optional.ofNullable(db.sql("SELECT MAX(on_day) FROM dose_day WHERE client_id = :c AND on_day <= :d")
                .param("c", clientId).param("d", day).query(LocalDate.class).optional().orElse(null));
    }

    Optional<LocalDate> lastCoveredBefore(UUID clientId, LocalDate day) {
        return Optional.ofNullable(db.sql("SELECT MAX(on_day) FROM dose_day WHERE client_id = :c AND on_day < :d")
                .param("c", clientId).param("d", day).query(LocalDate.class).optional().orElse(null));
    }

    Optional<Row> find(UUID id) {
        return db.sql("SELECT * FROM dispensing WHERE id = :id").param("id", id).query(Dispensings::row).optional();
    }

    /** A take-home dispensing whose bottles are not all back yet. */
    record OpenBottles(UUID dispensingId, java.time.LocalDate firstDay, int days, int given, int returned) {
    }

    /** The client's recent take-home dispensings with bottles still out, newest first. */
    List<OpenBottles> openBottles(UUID clientId) {
        return db.sql("""
                SELECT d.id, d.first_day, d.days, d.bottles_given,
                       COALESCE((SELECT SUM(r.bottles) FROM bottle_return r WHERE r.dispensing_id = d.id), 0) AS returned
                FROM dispensing d
                WHERE d.client_id = :client AND d.bottles_given > 0
                ORDER BY d.dispensed_at DESC
                LIMIT 10
                """)
                .param("client", clientId)
                .query((rs, n) -> new OpenBottles(rs.getObject("id", UUID.class), rs.getObject("first_day", java.time.LocalDate.class),
                        rs.getInt("days"), rs.getInt("bottles_given"), rs.getInt("returned")))
                .list().stream().filter(o -> o.returned() < o.given()).toList();
    }

    int returnedBottles(UUID dispensingId) {
        return db.sql("SELECT COALESCE(SUM(bottles), 0) FROM bottle_return WHERE dispensing_id = :id")
                .param("id", dispensingId).query(Integer.class).single();
    }

    void recordReturn(UUID dispensingId, int bottles, Instant at, String by) {
        db.sql("""
                INSERT INTO bottle_return (id, dispensing_id, bottles, returned_at, recorded_by)
                VALUES (:id, :d, :b, :at, :by)
                """)
                .param("id", UUID.randomUUID()).param("d", dispensingId).param("b", bottles).param("at", Utc.of(at))
                .param("by", by).update();
    }

    /** Dispensings recorded on a dose day, in order, with the bottles returned since. */
    List<DayLine> log(LocalDate day) {
        return db.sql("""
                SELECT d.*,
                       (SELECT COALESCE(SUM(r.bottles), 0) FROM bottle_return r WHERE r.dispensing_id = d.id) AS returned
                FROM dispensing d
                WHERE d.first_day = :day ORDER BY d.dispensed_at
                """)
                .param("day", day)
                .query((rs, n) -> new DayLine(row(rs, n), rs.getInt("returned")))
                .list();
    }

    /** A dispensing of the day with the bottles returned since. */
    record DayLine(Row dispensing, int bottlesReturned) {
    }

    /** Each of the clients' last covered day before {@code day} (absent: never dosed before it). One statement. */
    Map<UUID, LocalDate> lastCoveredBefore(Collection<UUID> clients, LocalDate day) {
        Map<UUID, LocalDate> last = new HashMap<>();
        if (clients.isEmpty()) {
            return last;
        }
        db.sql("""
                SELECT client_id, MAX(on_day) AS last_day FROM dose_day
                WHERE client_id IN (:clients) AND on_day < :day
                GROUP BY client_id
                """)
                .param("clients", clients).param("day", day)
                .query((RowCallbackHandler) rs -> last.put(rs.getObject("client_id", UUID.class),
                        rs.getObject("last_day", LocalDate.class)));
        return last;
    }

    /** The dispensing that covers {@code day}, for each of the clients who has one. One statement. */
    Map<UUID, Row> coveringDay(Collection<UUID> clients, LocalDate day) {
        Map<UUID, Row> covering = new HashMap<>();
        if (clients.isEmpty()) {
            return covering;
        }
        db.sql("""
                SELECT t.client_id AS covered_client, d.* FROM dose_day t JOIN dispensing d ON d.id = t.dispensing_id
                WHERE t.client_id IN (:clients) AND t.on_day = :day
                """)
                .param("clients", clients).param("day", day)
                .query((RowCallbackHandler) rs -> covering.put(rs.getObject("covered_client", UUID.class), row(rs, 0)));
        return covering;
    }

    /**
     * Marks each expected client who has no dose on {@code day} as absent, in one batch. Returns how many were
     * marked; a day already marked is not marked again.
     */
    int markAbsences(LocalDate day, Instant now, Collection<UUID> expected) {
        if (expected.isEmpty()) {
            return 0;
        }
        SqlParameterSource[] batch = expected.stream()
                .map(c -> new MapSqlParameterSource().addValue("c", c).addValue("day", day).addValue("now", Utc.of(now)))
                .toArray(SqlParameterSource[]::new);
        int[] marked = batches.batchUpdate("""
                INSERT INTO absence (client_id, on_day, marked_at)
                SELECT :c, :day, :now
                WHERE NOT EXISTS (SELECT 1 FROM dose_day x WHERE x.client_id = :c AND x.on_day = :day)
                  AND NOT EXISTS (SELECT 1 FROM absence a WHERE a.client_id = :c AND a.on_day = :day)
                """, batch);
        return Arrays.stream(marked).map(n -> Math.max(n, 0)).sum();
    }

    /** Adds a reason for a missed day (marking the day absent if the job has not yet); earlier reasons stay. */
    void absenceReason(UUID clientId, LocalDate day, String reason, Instant now, String by) {
        db.sql("INSERT INTO absence (client_id, on_day, marked_at) VALUES (:c, :d, :now) ON CONFLICT DO NOTHING")
                .param("c", clientId).param("d", day).param("now", Utc.of(now)).update();
        db.sql("""
                INSERT INTO absence_reason (client_id, on_day, reason, recorded_at, recorded_by)
                VALUES (:c, :d, :r, :now, :by)
                """).param("c", clientId).param("d", day).param("r", reason).param("now", Utc.of(now)).param("by", by).update();
    }

    /** Absence reasons recorded on or after {@code from}, per client. */
    List<Object[]> absenceReasons(LocalDate from) {
        return db.sql("SELECT client_id, on_day, reason FROM absence_reason WHERE on_day >= :from ORDER BY on_day, id")
                .param("from", from)
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), rs.getString(3)})
                .list();
    }

    Optional<LocalDate> jobLastDay(String name) {
        return db.sql("SELECT last_day FROM oat_job_state WHERE name = :n").param("n", name).query(LocalDate.class).optional();
    }

    void jobProcessed(String name, LocalDate day) {
        if (db.sql("UPDATE oat_job_state SET last_day = :d WHERE name = :n").param("d", day).param("n", name).update() == 0) {
            db.sql("INSERT INTO oat_job_state (name, last_day) VALUES (:n, :d)").param("n", name).param("d", day).update();
        }
    }

    static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("client_id", UUID.class),
                rs.getObject("prescription_id", UUID.class), rs.getObject("version_id", UUID.class),
                rs.getString("site_code"), Medicine.valueOf(rs.getString("medicine")),
                new Milligrams(rs.getBigDecimal("dose_mg")), rs.getInt("days"), new Milligrams(rs.getBigDecimal("total_mg")),
                rs.getBoolean("observed"), rs.getInt("bottles_given"), rs.getObject("first_day", LocalDate.class),
                rs.getObject("dispensed_at", OffsetDateTime.class).toInstant(), rs.getString("dispensed_by"));
    }


}
