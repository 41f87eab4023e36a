package org.ishenim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.ishenim.audit.AuditLog;
import org.ishenim.audit.Outcome;
import org.ishenim.clients.Client;
import org.ishenim.clients.ClientRecords;
import org.ishenim.clients.Enrolment;
import org.ishenim.clients.Identity;
import org.ishenim.clients.Purpose;
import org.ishenim.clients.Sex;
import org.ishenim.staff.StaffAccounts;
import org.ishenim.testing.Acting;
import org.ishenim.testing.Http;
import org.ishenim.testing.RoleCells;
import org.ishenim.testing.StaffFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every endpoint of the foundation under every role and without credentials: the expected status, and for
 * every refusal an audit entry naming the denied request (and the client, where there is one).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RoleMatrixTest {

    record Endpoint(String method, String path, String body, int success, Set<Roles> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/v1/clients", Http.json("sex", "M", "birthYear", 1980, "motherFirstName", "Aigul",
                    "fatherFirstName", "Bakyt", "alias", "matrix"), 201, Set.of(Roles.DOCTOR, Roles.NURSE)),
            new Endpoint("POST", "/api/v1/clients/search", Http.json("query", "M19"), 200,
                    Set.of(Roles.DOCTOR, Roles.NURSE, Roles.PHARMACIST, Roles.MANAGER)),
            new Endpoint("GET", "/api/v1/clients/{id}", null, 200,
                    Set.of(Roles.DOCTOR, Roles.NURSE, Roles.PHARMACIST, Roles.MANAGER)),
            new Endpoint("POST", "/api/v1/clients/{id}/reveal", Http.json("purpose", "care"), 200, Set.of(Roles.DOCTOR)),
            new Endpoint("POST", "/api/v1/clients/{id}/consents", Http.json("purpose", "CONTACT"), 201,
                    Set.of(Roles.DOCTOR, Roles.NURSE)),
            new Endpoint("DELETE", "/api/v1/clients/{id}/consents/TREATMENT", null, 204, Set.of(Roles.DOCTOR, Roles.NURSE)),
            new Endpoint("POST", "/api/v1/clients/{id}/erasure", Http.json("reason", "exit"), 204,
                    Set.of(Roles.DOCTOR, Roles.MANAGER)),
            new Endpoint("GET", "/api/v1/clients/{id}/access-log", null, 200,
                    Set.of(Roles.DOCTOR, Roles.NURSE, Roles.PHARMACIST, Roles.AUDITOR)),
            new Endpoint("GET", "/api/v1/audit/verify", null, 200, Set.of(Roles.AUDITOR, Roles.ADMIN)),
            new Endpoint("GET", "/api/v1/users", null, 200, Set.of(Roles.ADMIN)),
            new Endpoint("POST", "/api/v1/users", "{\"username\":\"u-%s\",\"role\":\"NURSE\",\"password\":\"long-enough-pw\"}",
                    201, Set.of(Roles.ADMIN)));

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
    void statusAndAudit(Endpoint endpoint, Roles role) {
        Acting.as("setup", "NURSE");
        Client client = records.enrol(new Enrolment(Sex.F, 1990, "Айгүл", "Бакыт", "matrix",
                new Identity("Test", "Person", LocalDate.of(1990, 1, 1), null), true, Set.of(Purpose.TREATMENT)));
        Acting.nobody();
        String path = endpoint.path().replace("{id}", client.id().toString());
        String body = endpoint.body() == null ? null : endpoint.body().formatted(UUID.randomUUID().toString().substring(0, 8));
        String user = role == null ? null : StaffFixture.as(role.name().toLowerCase());

        var response = new Http(port).send(user, endpoint.method(), path, body, null);

        if (role == null) {
            assertThat(response.status()).as(endpoint + " anonymous").isEqualTo(401);
        } else if (endpoint.allowed().contains(role)) {
            assertThat(response.status()).as(endpoint + " as " + role + ": " + response.body()).isEqualTo(endpoint.success());
        } else {
            assertThat(response.status()).as(endpoint + " as " + role).isEqualTo(403);
            assertThat(response.json().get("status").asInt()).isEqualTo(403);
            boolean aboutClient = endpoint.path().contains("{id}");
            var denied = aboutClient ? audit.accessesTo(client.id().value()).get(0) : null;
            if (aboutClient) {
                assertThat(denied.outcome()).isEqualTo(Outcome.DENIED);
                assertThat(denied.actor()).isEqualTo(role.name().toLowerCase());
                assertThat(denied.action()).startsWith("denied " + endpoint.method()).contains("/clients/{id}");
            }
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
        }
    }

    /** Refusals at other addresses that name a client are on that client's access record too. */
    @Test
    void refusalsNamingAClientElsewhereAreOnItsAccessRecord() throws Exception {
        Acting.as("setup", "NURSE");
        Client client = records.enrol(new Enrolment(Sex.M, 1985, "Нургүл", "Бакыт", "elsewhere", null, true,
                Set.of(Purpose.TREATMENT)));
        Acting.nobody();
        var http = new Http(port);
        assertThat(http.get(StaffFixture.as("viewer"), "/api/v1/prescriptions?clientId=" + client.id()).status()).isEqualTo(403);
        var browser = http.signIn("manager", StaffFixture.PASSWORD);
        for (String page : List.of("/dosing/" + client.id(), "/prescriptions/client/" + client.id(),
                "/duplicates/clients/" + client.id())) {
            assertThat(browser.get(page).status()).as(page).isEqualTo(403);
        }

        var denied = audit.accessesTo(client.id().value()).stream().filter(a -> a.outcome() == Outcome.DENIED)
                .map(a -> a.actor() + " " + a.action()).toList();
        assertThat(denied).containsExactlyInAnyOrder("viewer denied GET /api/v1/prescriptions",
                "manager denied GET /dosing/{id}", "manager denied GET /prescriptions/client/{id}",
                "manager denied GET /duplicates/clients/{id}");
    }

}
