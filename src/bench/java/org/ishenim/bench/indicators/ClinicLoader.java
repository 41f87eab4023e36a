package org.ishenim.bench.indicators;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Writes a {@link SyntheticClinic} into the clinic schema (after Flyway has run) with batched, parameterised
 * inserts: the fastest honest path, the same tables and constraints as the application's own writes.
 */
final class ClinicLoader implements SyntheticClinic.Sink, AutoCloseable {

    private static final int FLUSH_ROWS = 20_000;

    private final Connection connection;
    private final List<PreparedStatement> inOrder = new ArrayList<>();
    private final PreparedStatement client;
    private final PreparedStatement consent;
    private final PreparedStatement course;
    private final PreparedStatement version;
    private final PreparedStatement dispensing;
    private final PreparedStatement doseDay;
    private int pending;
    long clients;
    long dispensings;
    long doseDays;
    /** Time spent in each table's batches (client, consent, prescription, version, dispensing, dose_day), then commits. */
    final long[] nanos = new long[7];

    ClinicLoader(DataSource dataSource) throws SQLException {
        connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        client = prepare("""
                INSERT INTO client (id, uic, uic_base, alias, alias_search, sex, birth_year, status, identity_state,
                                    enrolled_at, enrolled_by, exited_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'NONE', ?, 'bench', ?)""");
        consent = prepare("INSERT INTO consent (id, client_id, purpose, given_at, given_by) VALUES (?, ?, ?, ?, 'bench')");
        course = prepare("""
                INSERT INTO prescription (id, client_id, medicine, start_on, end_on, status, current_version_id,
                                          reset_on, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench')""");
        version = prepare("""
                INSERT INTO prescription_version (id, prescription_id, version, kind, daily_dose_mg, take_home_days,
                                                  reason, created_at, created_by, needs_countersign, effective_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'bench', FALSE, ?)""");
        dispensing = prepare("""
                INSERT INTO dispensing (id, client_id, prescription_id, version_id, site_code, medicine, dose_mg, days,
                                        total_mg, observed, bottles_given, first_day, dispensed_at, dispensed_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench')""");
        doseDay = prepare("INSERT INTO dose_day (client_id, on_day, dispensing_id) VALUES (?, ?, ?)");
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        inOrder.add(statement);
        return statement;
    }

    @Override
    public void client(SyntheticClinic.ClientRow c, List<SyntheticClinic.ConsentRow> consents,
            SyntheticClinic.CourseRow p, List<SyntheticClinic.VersionRow> versions,
            List<SyntheticClinic.DispensingRow> given) {
        try {
            client.setObject(1, c.id());
            client.setString(2, c.uic());
            client.setString(3, c.uic());
            client.setString(4, "client " + c.uic());
            client.setString(5, "client " + c.uic().toLowerCase());
            client.setString(6, c.sex());
            client.setInt(7, c.birthYear());
            client.setString(8, c.exited() ? "EXITED" : "ACTIVE");
            client.setObject(9, c.enrolledAt());
            client.setObject(10, c.exitedAt(), Types.TIMESTAMP_WITH_TIMEZONE);
            client.addBatch();
            for (SyntheticClinic.ConsentRow k : consents) {
                consent.setObject(1, k.id());
                consent.setObject(2, k.client());
                consent.setString(3, k.purpose());
                consent.setObject(4, k.givenAt());
                consent.addBatch();
            }
            course.setObject(1, p.id());
            course.setObject(2, p.client());
            course.setString(3, p.medicine());
            course.setObject(4, p.startOn());
            course.setObject(5, p.endOn(), Types.DATE);
            course.setString(6, p.endOn() == null ? "ACTIVE" : "ENDED");
            course.setObject(7, p.currentVersion());
            course.setObject(8, p.resetOn());
            course.setObject(9, p.createdAt());
            course.addBatch();
            for (SyntheticClinic.VersionRow v : versions) {
                version.setObject(1, v.id());
                version.setObject(2, v.course());
                version.setInt(3, v.version());
                version.setString(4, v.kind());
                version.setBigDecimal(5, v.dailyDose());
                version.setInt(6, v.takeHomeDays());
                version.setString(7, v.reason());
                version.setObject(8, v.createdAt());
                version.setObject(9, v.effectiveOn());
                version.addBatch();
            }
            for (SyntheticClinic.DispensingRow d : given) {
                dispensing.setObject(1, d.id());
                dispensing.setObject(2, d.client());
                dispensing.setObject(3, d.course());
                dispensing.setObject(4, d.version());
                dispensing.setString(5, d.site());
                dispensing.setString(6, d.medicine());
                dispensing.setBigDecimal(7, d.dose());
                dispensing.setInt(8, d.days());
                dispensing.setBigDecimal(9, d.dose().multiply(BigDecimal.valueOf(d.days())));
                dispensing.setBoolean(10, d.observed());
                dispensing.setInt(11, d.bottles());
                dispensing.setObject(12, d.firstDay());
                dispensing.setObject(13, d.at());
                dispensing.addBatch();
                for (int i = 0; i < d.days(); i++) {
                    doseDay.setObject(1, d.client());
                    doseDay.setObject(2, d.firstDay().plusDays(i));
                    doseDay.setObject(3, d.id());
                    doseDay.addBatch();
                }
                doseDays += d.days();
            }
            clients++;
            dispensings += given.size();
            pending += 1 + given.size();
            if (pending >= FLUSH_ROWS) {
                flush();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Executes every batch, parents first, and commits. */
    void flush() throws SQLException {
        for (int i = 0; i < inOrder.size(); i++) {
            long t0 = System.nanoTime();
            inOrder.get(i).executeBatch();
            nanos[i] += System.nanoTime() - t0;
        }
        long t0 = System.nanoTime();
        connection.commit();
        nanos[inOrder.size()] += System.nanoTime() - t0;
        pending = 0;
    }

    @Override
    public void close() throws SQLException {
        flush();
        for (PreparedStatement statement : inOrder) {
            statement.close();
        }
        connection.close();
    }
}
