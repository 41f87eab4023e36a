package org.ishenim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.ishenim.audit.AuditLog;
import org.ishenim.clients.Client;
import org.ishenim.clients.ClientRecords;
import org.ishenim.clients.Enrolment;
import org.ishenim.clients.Purpose;
import org.ishenim.clients.Sex;
import org.ishenim.staff.StaffAccounts;
import org.ishenim.testing.Acting;
import org.ishenim.testing.Http;
import org.ishenim.testing.RoleCells;
import org.ishenim.testing.StaffFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The OAT endpoints under every role: a role the issue allows is let through to the rules (whatever they then
 * answer), every other role is refused with 403 and the refusal is audited, and no credentials is 401.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OatRoleMatrixTest {

    record Endpoint(String method, String path, String body, Set<Roles> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final Set<Roles> CARE = Set.of(Roles.DOCTOR, Roles.NURSE, Roles.PHARMACIST);

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/v1/dispensings", "{\"clientId\":\"{id}\",\"doseMg\":\"30\",\"observed\":true}",
                    Set.of(Roles.NURSE, Roles.PHARMACIST)),
            new Endpoint("GET", "/api/v1/dosing/queue", null, CARE),
            new Endpoint("POST", "/api/v1/dosing/reviews", "{\"clientId\":\"{id}\"}", Set.of(Roles.DOCTOR)),
            new Endpoint("POST", "/api/v1/dosing/absences", "{\"clientId\":\"{id}\"}", Set.of(Roles.DOCTOR, Roles.NURSE)),
            new Endpoint("POST", "/api/v1/prescriptions", "{\"clientId\":\"{id}\"}", Set.of(Roles.DOCTOR)),
            new Endpoint("GET", "/api/v1/prescriptions?clientId={id}", null, CARE),
            new Endpoint("GET", "/api/v1/stock", null, Set.of(Roles.PHARMACIST, Roles.MANAGER, Roles.NURSE, Roles.DOCTOR)),
            new Endpoint("GET", "/api/v1/stock/entries", null, Set.of(Roles.PHARMACIST, Roles.MANAGER)),
            new Endpoint("POST", "/api/v1/stock/receipts", "{}", Set.of(Roles.PHARMACIST)),
            new Endpoint("POST", "/api/v1/stock/waste", "{}", Set.of(Roles.PHARMACIST)),
            new Endpoint("POST", "/api/v1/stock/transfers", "{}", Set.of(Roles.PHARMACIST)),
            new Endpoint("POST", "/api/v1/stock/counts", "{}", Set.of(Roles.PHARMACIST)),
            new Endpoint("POST", "/api/v1/stock/sites", "{}", Set.of(Roles.MANAGER)),
            new Endpoint("PUT", "/api/v1/stock/sites/east", "{}", Set.of(Roles.MANAGER)),
            new Endpoint("POST", "/api/v1/dosing/queue/search", "{}", CARE),
            new Endpoint("GET", "/api/v1/stock/reports/monthly?month=2026-11", null, Set.of(Roles.MANAGER, Roles.PHARMACIST)));

    static Stream<Arguments> cells() {
        return RoleCells.of(ENDPOINTS);
    }

    @LocalServerPort int port;
    @Autowired StaffAccounts staff;
    @Autowired ClientRecords records;
    @Autowired AuditLog audit;

    @BeforeEach
    void staff() {
        StaffFixture.onePerRole(staff);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cells")
    void onlyTheIssuesRolesGetThrough(Endpoint endpoint, Roles role) {
        Acting.as("setup", "NURSE");
        Client client = records.enrol(new Enrolment(Sex.M, 1985, "Aigul", "Bakyt", "oat-matrix", null, false,
                Set.of(Purpose.TREATMENT)));
        Acting.nobody();
        String id = client.id().toString();
        String path = endpoint.path().replace("{id}", id);
        String body = endpoint.body() == null ? null : endpoint.body().replace("{id}", id);
        String user = role == null ? null : StaffFixture.as(role.name().toLowerCase());

        var response = new Http(port).send(user, endpoint.method(), path, body,
                new String[] {"Idempotency-Key", UUID.randomUUID().toString()});

        if (role == null) {
            assertThat(response.status()).as(endpoint + " anonymous").isEqualTo(401);
        } else if (endpoint.allowed().contains(role)) {
            assertThat(response.status()).as(endpoint + " as " + role + ": " + response.body()).isNotIn(401, 403, 500);
        } else {
            assertThat(response.status()).as(endpoint + " as " + role + ": " + response.body()).isEqualTo(403);
            assertThat(audit.verify().valid()).isTrue();
        }
    }
}
