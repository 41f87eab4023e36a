package org.ishenim.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ishenim.audit.AuditLog;
import org.ishenim.audit.Outcome;
import org.ishenim.clients.Client;
import org.ishenim.clients.ClientId;
import org.ishenim.clients.ClientRecords;
import org.ishenim.clients.Consents;
import org.ishenim.clients.Purpose;
import org.ishenim.web.ClinicOnly;
import org.ishenim.web.CurrentStaff;
import org.ishenim.web.Utc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The treatment entries: written and read per client, each audited; read per year for the TDI table. */
@Service
@ClinicOnly
class TreatmentEntries {

    private final JdbcClient db;
    private final AuditLog audit;
    private final Clock clock;
    private final ClientRecords clients;
    private final Consents consents;

    TreatmentEntries(JdbcClient db, AuditLog audit, Clock clock, ClientRecords clients, Consents consents) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
        this.clients = clients;
        this.consents = consents;
    }

    /**
     * The yearly TDI table over the clients with the statistics consent (the others counted as left out), audited as
     * a report: it keeps aggregates only.
     */
    @Transactional
    TreatmentDemand.Report demand(Year year) {
        return demand(year, year.atDay(year.length()));
    }

    /** The same table, over the entries dated up to {@code through} only (the year to date). */
    @Transactional
    TreatmentDemand.Report demand(Year year, LocalDate through) {
        List<InYear> inYear = enteringIn(year).stream().filter(e -> !e.entry().enteredOn().isAfter(through)).toList();
        var ids = inYear.stream().map(e -> e.entry().client()).distinct().toList();
        Map<ClientId, Client> byId = clients.find(ids, "").stream()
                .collect(Collectors.toMap(Client::id, Function.identity()));
        var report = TreatmentDemand.of(year, inYear, byId, consents.givenAmong(ids, Purpose.STATISTICS));
        audit.record("report.treatment-demand", null, year + " to " + through, Outcome.SUCCESS);
        return report;
    }

    /** Records an entry for a client whose existence the caller has checked; audited as a write. */
    @Transactional
    UUID record(ClientId client, LocalDate enteredOn, TreatmentEntry.Items i) {
        UUID id = UUID.randomUUID();
        db.sql("""
                INSERT INTO treatment_entry (id, client_id, entered_on, treatment_centre, previous_treatment,
                    referral_source, primary_drug, route, frequency, age_first_use_answer, age_first_use,
                    ever_injected, ever_ost, recorded_at, recorded_by)
                VALUES (:id, :client, :on, :centre, :previous, :referral, :drug, :route, :frequency, :ageAnswer, :age,
                    :injected, :ost, :at, :by)
                """)
                .param("id", id).param("client", client.value()).param("on", enteredOn)
                .param("centre", i.centre().name()).param("previous", i.previous().name())
                .param("referral", i.referral().name()).param("drug", i.drug().name()).param("route", i.route().name())
                .param("frequency", i.frequency().name()).param("ageAnswer", i.ageAnswer().name())
                .param("age", i.ageFirstUse()).param("injected", i.everInjected().name())
                .param("ost", i.everOst().name()).param("at", Utc.of(clock.instant()))
                .param("by", CurrentStaff.username()).update();
        audit.record("intake.write", client.value(), null, Outcome.SUCCESS);
        return id;
    }

    /** The client's entries, newest first; audited as a read. */
    @Transactional
    List<TreatmentEntry> of(ClientId client) {
        List<TreatmentEntry> entries = db.sql("""
                SELECT * FROM treatment_entry WHERE client_id = :client
                ORDER BY entered_on DESC, recorded_at DESC
                """)
                .param("client", client.value()).query(TreatmentEntries::entry).list();
        audit.record("intake.read", client.value(), null, Outcome.SUCCESS);
        return entries;
    }

    /** An entry in the year, and whether the same client has an entry in this clinic's records before the year. */
    record InYear(TreatmentEntry entry, boolean earlierEntry) {
    }

    /**
     * Every entry dated in the year, oldest first per client, each with whether the client was entered before the
     * year. For the yearly table, whose caller audits the report and keeps only aggregates. Not audited here.
     */
    List<InYear> enteringIn(Year year) {
        return db.sql("""
                SELECT e.*,
                       (SELECT COUNT(*) FROM treatment_entry p
                        WHERE p.client_id = e.client_id AND p.entered_on < :from) AS earlier
                FROM treatment_entry e
                WHERE e.entered_on >= :from AND e.entered_on < :to
                ORDER BY e.client_id, e.entered_on, e.recorded_at
                """)
                .param("from", year.atDay(1)).param("to", year.plusYears(1).atDay(1))
                .query((rs, n) -> new InYear(entry(rs, n), rs.getLong("earlier") > 0)).list();
    }

    private static TreatmentEntry entry(ResultSet rs, int n) throws SQLException {
        int age = rs.getInt("age_first_use");
        Integer ageFirstUse = rs.wasNull() ? null : age;
        var items = new TreatmentEntry.Items(TreatmentCentre.valueOf(rs.getString("treatment_centre")),
                PreviousTreatment.valueOf(rs.getString("previous_treatment")),
                ReferralSource.valueOf(rs.getString("referral_source")),
                PrimaryDrug.valueOf(rs.getString("primary_drug")), Route.valueOf(rs.getString("route")),
                Frequency.valueOf(rs.getString("frequency")), AgeAnswer.valueOf(rs.getString("age_first_use_answer")),
                ageFirstUse, YesNo.valueOf(rs.getString("ever_injected")), YesNo.valueOf(rs.getString("ever_ost")));
        return new TreatmentEntry(rs.getObject("id", UUID.class), new ClientId(rs.getObject("client_id", UUID.class)),
                rs.getObject("entered_on", LocalDate.class), items,
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("recorded_by"));
    }
}
