package org.ishenim.dosing;

import java.util.Set;
import org.ishenim.clients.ClientId;
import org.ishenim.clients.ClientRecords;
import org.ishenim.clients.Enrolment;
import org.ishenim.clients.Purpose;
import org.ishenim.clients.Sex;
import org.ishenim.testing.Http;

/** Clients, prescriptions and stock for OAT tests, in the domain's words (staff: {@code StaffFixture.onePerRole}). */
final class OatFixture {

    // The same staff and password as StaffFixture: tests that share a Spring context share its users.
    static final String PASSWORD = org.ishenim.testing.StaffFixture.PASSWORD;
    private static int next = 1;

    private OatFixture() {
    }

    static synchronized ClientId client(ClientRecords records) {
        int n = next++;
        return records.enrol(new Enrolment(Sex.M, 1980 + n % 20, "Aigul", "Bakyt", "client " + n, null, false,
                Set.of(Purpose.TREATMENT))).id();
    }

    static String prescribe(Http api, ClientId client, String medicine, String doseMg, int takeHomeDays) {
        var r = api.post("doctor", "/api/v1/prescriptions", """
                {"clientId":"%s","medicine":"%s","dailyDoseMg":"%s","takeHomeDays":%d}
                """.formatted(client.value(), medicine, doseMg, takeHomeDays));
        if (r.status() != 201) {
            throw new IllegalStateException("prescribe: " + r);
        }
        return r.json().get("prescription").get("id").asString();
    }

    static void receive(Http api, String site, String medicine, String mg) {
        var r = api.post("pharmacist", "/api/v1/stock/receipts", """
                {"site":"%s","medicine":"%s","amountMg":"%s","supplier":"Republican pharmacy","batch":"B-1"}
                """.formatted(site, medicine, mg));
        if (r.status() != 201) {
            throw new IllegalStateException("receive: " + r);
        }
    }

    static String dose(ClientId client, String mg) {
        return """
                {"clientId":"%s","doseMg":"%s","observed":true}
                """.formatted(client.value(), mg);
    }
}
