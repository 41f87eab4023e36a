package org.ishenim.dosing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.ishenim.clients.ClientId;
import org.ishenim.clients.ClientRecords;
import org.ishenim.medicines.Medicine;
import org.ishenim.staff.StaffAccounts;
import org.ishenim.testing.Http;
import org.ishenim.testing.StaffFixture;
import org.ishenim.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.ishenim.testing.BothDatabases;

/** The absence job marks missed days once, and catches up from the last processed day after downtime. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(MutableClock.Config.class)
@BothDatabases
class AbsenceJobTest {

    @LocalServerPort
    int port;
    @Autowired
    AbsenceJob job;
    @Autowired
    MutableClock clock;
    @Autowired
    StaffAccounts staff;
    @Autowired
    ClientRecords clients;
    @Autowired
    JdbcClient db;

    @Test
    void marksMissedDaysIdempotentlyAndCatchesUp() {
        clock.set(Instant.parse("2026-03-10T04:00:00Z"));
        StaffFixture.onePerRole(staff);
        var api = new Http(port);
        OatFixture.receive(api, "main", Medicine.METHADONE_ORAL_10MG_ML.name(), "10000");
        ClientId comes = OatFixture.client(clients);
        ClientId away = OatFixture.client(clients);
        OatFixture.prescribe(api, comes, Medicine.METHADONE_ORAL_10MG_ML.name(), "30", 0);
        OatFixture.prescribe(api, away, Medicine.METHADONE_ORAL_10MG_ML.name(), "30", 0);
        for (int day = 0; day < 3; day++) {
            assertThat(api.post("nurse", "/api/v1/dispensings", OatFixture.dose(comes, "30"), java.util.UUID.randomUUID().toString())
                    .status()).isEqualTo(201);
            clock.advance(Duration.ofDays(1));
        }
        // three days later (13 March): 10, 11, 12 are processed; 'away' missed all three
        assertThat(job.run()).isEqualTo(3);
        assertThat(job.run()).isZero();
        assertThat(absences(away)).isEqualTo(3);
        assertThat(absences(comes)).isZero();
        assertThat(db.sql("SELECT last_day FROM oat_job_state WHERE name = 'absence'").query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(2026, 3, 12));
        // the server is down for four days; the next run catches up on each of them
        clock.advance(Duration.ofDays(4));
        assertThat(job.run()).isEqualTo(8);
        assertThat(absences(away)).isEqualTo(7);
        assertThat(absences(comes)).isEqualTo(4);
        var noShows = api.get("doctor", "/api/v1/dosing/queue");
        assertThat(noShows.status()).isEqualTo(200);

        // a second reason for a day is added next to the first, never over it
        for (String[] who : new String[][] {{"nurse", "phoned: in hospital"}, {"doctor", "discharged, comes tomorrow"}}) {
            assertThat(api.post(who[0], "/api/v1/dosing/absences", """
                    {"clientId":"%s","day":"2026-03-11","reason":"%s"}""".formatted(away.value(), who[1])).status())
                    .isBetween(200, 204);
        }
        assertThat(absences(away)).isEqualTo(7);
        assertThat(db.sql("SELECT recorded_by || ': ' || reason FROM absence_reason WHERE client_id = :c AND on_day = :d ORDER BY id")
                .param("c", away.value()).param("d", LocalDate.of(2026, 3, 11)).query(String.class).list())
                .containsExactly("nurse: phoned: in hospital", "doctor: discharged, comes tomorrow");
        // a reason for a day the job has not marked yet (today) marks it
        assertThat(api.post("nurse", "/api/v1/dosing/absences", """
                {"clientId":"%s","day":"2026-03-17","reason":"phoned: will come late"}""".formatted(away.value())).status())
                .isBetween(200, 204);
        assertThat(absences(away)).isEqualTo(8);
        assertThat(job.run()).isZero(); // nothing new before the day ends
    }

    long absences(ClientId c) {
        return db.sql("SELECT COUNT(*) FROM absence WHERE client_id = :c").param("c", c.value()).query(Long.class).single();
    }
}
