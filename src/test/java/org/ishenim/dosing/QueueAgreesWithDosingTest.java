package org.ishenim.dosing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ishenim.clients.ClientId;
import org.ishenim.clients.ClientRecords;
import org.ishenim.clients.Consents;
import org.ishenim.clients.Purpose;
import org.ishenim.medicines.Medicine;
import org.ishenim.staff.StaffAccounts;
import org.ishenim.testing.BothDatabases;
import org.ishenim.testing.Http;
import org.ishenim.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The queue (and the client's panel, which shows the same line) foretells what recording the dose does, rule by
 * rule: a line due is given at the dose it proposes, a blocked line is refused with the reason it shows, a dosed
 * line is a conflict. Both ask {@link DoseDay}; this checks that the facts each reads agree too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(MutableClock.Config.class)
@BothDatabases
class QueueAgreesWithDosingTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final String METHADONE = Medicine.METHADONE_ORAL_10MG_ML.name();

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts staff;
    @Autowired
    ClientRecords clients;
    @Autowired
    Consents consents;
    @Autowired
    MutableClock clock;
    Http api;

    @Test
    void everyLineOfTheQueueForetellsWhatRecordingItsDoseDoes() {
        OatFixture.staff(staff);
        api = new Http(port);
        at(TODAY.minusDays(6));
        OatFixture.receive(api, "main", METHADONE, "100000");
        // the rule each client meets today, and the queue's line for it
        Map<String, ClientId> who = new LinkedHashMap<>();
        who.put("BLOCKED reinduction-required", dosedOn(TODAY.minusDays(6)));
        who.put("BLOCKED review-required", dosedOn(TODAY.minusDays(5)));
        who.put("DUE HALF", dosedOn(TODAY.minusDays(4)));
        who.put("DUE NORMAL", dosedOn(TODAY.minusDays(1)));
        ClientId revoked = dosedOn(TODAY.minusDays(1));
        who.put("BLOCKED no-treatment-consent", revoked);
        ClientId dosedTodayThenRevoked = dosedOn(TODAY);
        who.put("DOSED NORMAL", dosedOn(TODAY));
        at(TODAY);
        consents.revoke(revoked, Purpose.TREATMENT);
        consents.revoke(dosedTodayThenRevoked, Purpose.TREATMENT);
        who.put("BLOCKED no-treatment-consent (after today's dose)", dosedTodayThenRevoked);
        ClientId pending = OatFixture.client(clients); // buprenorphine above 24 mg waits for a second doctor
        OatFixture.prescribe(api, pending, Medicine.BUPRENORPHINE_SL_8MG.name(), "32", 0);
        who.put("BLOCKED countersign-pending", pending);

        Map<String, JsonNode> lines = new LinkedHashMap<>();
        api.get("nurse", "/api/v1/dosing/queue").json().forEach(line -> lines.put(line.get("clientId").asString(), line));
        who.forEach((expected, client) -> {
            JsonNode line = lines.get(client.value().toString());
            String reason = present(line, "blockReason") ? line.get("blockReason").asString() : null;
            String shown = line.get("status").asString() + " " + (reason == null ? line.get("band").asString() : reason);
            assertThat(expected).as("the queue's line").startsWith(shown);
            var recorded = api.post("nurse", "/api/v1/dispensings", OatFixture.dose(client, dose(line)),
                    DispensingFlowTest.key());
            String outcome = switch (line.get("status").asString()) {
                case "DUE" -> "201 " + recorded.body();
                case "BLOCKED" -> "422 " + reason;
                default -> "409 already-dosed";
            };
            assertThat(DispensingFlowTest.problem(recorded)).as(expected).isEqualTo(outcome);
        });
    }

    /** The dose the line proposes, else the one prescribed, else any. */
    static String dose(JsonNode line) {
        for (String field : new String[] {"proposed", "prescribed"}) {
            if (present(line, field)) {
                return line.get(field).decimalValue().toPlainString();
            }
        }
        return "32";
    }

    static boolean present(JsonNode line, String field) {
        return !line.path(field).isNull() && !line.path(field).isMissingNode();
    }

    /** A new client on 30 mg methadone from {@code day}, dosed that day. */
    ClientId dosedOn(LocalDate day) {
        at(day);
        ClientId c = OatFixture.client(clients);
        OatFixture.prescribe(api, c, METHADONE, "30", 0);
        var r = api.post("nurse", "/api/v1/dispensings", OatFixture.dose(c, "30"), DispensingFlowTest.key());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return c;
    }

    void at(LocalDate day) {
        clock.set(day.atTime(LocalTime.of(10, 0)).atZone(ZoneId.of("Asia/Bishkek")).toInstant());
    }
}
