package org.ishenim.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.ishenim.clients.Client;
import org.ishenim.clients.ClientRecords;
import org.ishenim.clients.Enrolment;
import org.ishenim.clients.Identity;
import org.ishenim.clients.Purpose;
import org.ishenim.clients.Sex;
import org.ishenim.staff.StaffAccounts;
import org.ishenim.testing.Acting;
import org.ishenim.testing.Http;
import org.ishenim.testing.StaffFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** CSRF, XSS, IDOR, headers, body limits, lockout and error hygiene. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class WebSecurityTest {

    static final String SECRET_NAME = "Зарыяна";

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired StaffAccounts staff;
    @Autowired ClientRecords records;
    Http http;

    @BeforeEach
    void setUp() {
        StaffFixture.onePerRole(staff);
        http = new Http(port);
    }

    Client enrol(String alias) {
        Acting.as("setup", "NURSE");
        try {
            return records.enrol(new Enrolment(Sex.F, 1990, "Айгүл", "Бакыт", alias,
                    new Identity(SECRET_NAME, "Сыдыкова", LocalDate.of(1990, 2, 3), null), true, Set.of(Purpose.TREATMENT)));
        } finally {
            Acting.nobody();
        }
    }

    @Test
    void formsWithoutACsrfTokenAreRefused() throws Exception {
        var form = post("/clients").param("sex", "M").param("birthYear", "1980").param("motherFirstName", "Aigul")
                .param("fatherFirstName", "Bakyt").param("alias", "csrf");
        mvc.perform(form.with(user("nurse").roles("NURSE"))).andExpect(status().isForbidden());
        mvc.perform(form.with(user("nurse").roles("NURSE")).with(csrf())).andExpect(status().is3xxRedirection());
        Client client = enrol("csrf-erase");
        mvc.perform(post("/clients/" + client.id() + "/erasure").param("confirm", "true")
                .with(user("doctor").roles("DOCTOR"))).andExpect(status().isForbidden());
    }

    /** The README gives erasure to a site manager: the manager finds the client and erases from the page. */
    @Test
    void aManagerFindsAClientAndErasesTheIdentityOnItsPage() throws Exception {
        Client client = enrol("manager-erase");
        String list = mvc.perform(post("/clients/search").param("query", "manager-erase")
                .with(user("manager").roles("MANAGER")).with(csrf())).andReturn().getResponse().getContentAsString();
        assertThat(list).contains(client.uic().value()).doesNotContain(SECRET_NAME);
        String page = mvc.perform(get("/clients/" + client.id()).with(user("manager").roles("MANAGER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("/clients/" + client.id() + "/erasure").doesNotContain(SECRET_NAME)
                .doesNotContain("/clients/" + client.id() + "/reveal").doesNotContain("id=\"access-log\"");
        mvc.perform(post("/clients/" + client.id() + "/erasure").param("confirm", "true").param("reason", "CLIENT_REQUEST")
                .with(user("manager").roles("MANAGER")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(records.find(client.id()).orElseThrow().identityState()).isEqualTo(org.ishenim.clients.IdentityState.ERASED);
    }

    @Test
    void anAliasIsRenderedEscaped() throws Exception {
        Client client = enrol("<script>alert('x')</script>");
        String page = mvc.perform(get("/clients/" + client.id()).with(user("nurse").roles("NURSE")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("<script>alert").contains("&lt;script&gt;alert(");
        String list = mvc.perform(post("/clients/search").param("query", "script").with(user("nurse").roles("NURSE")).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain("<script>alert").contains("&lt;script&gt;");
    }

    @Test
    void identityIsNeverInListsOrTheClientPageUntilRevealed() throws Exception {
        Client client = enrol("hidden");
        String list = mvc.perform(get("/clients").with(user("nurse").roles("NURSE"))).andReturn().getResponse()
                .getContentAsString();
        String page = mvc.perform(get("/clients/" + client.id()).with(user("doctor").roles("DOCTOR"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(list).doesNotContain(SECRET_NAME);
        assertThat(page).doesNotContain(SECRET_NAME);
        assertThat(http.get(StaffFixture.as("nurse"), "/api/v1/clients?query=").body()).doesNotContain(SECRET_NAME);
        String revealed = mvc.perform(post("/clients/" + client.id() + "/reveal").param("purpose", "care")
                .with(user("doctor").roles("DOCTOR")).with(csrf())).andReturn().getResponse().getContentAsString();
        assertThat(revealed).contains(SECRET_NAME);
    }

    @Test
    void insecureDirectObjectReferencesAreClosed() throws Exception {
        Client a = enrol("idor-a");
        Client b = enrol("idor-b");
        // A nurse cannot reach identity by crafting the reveal parameter or posting the doctor's form.
        assertThat(http.post(StaffFixture.as("nurse"), "/api/v1/clients/" + a.id() + "/reveal", Http.json("purpose", "x")).status())
                .isEqualTo(403);
        mvc.perform(post("/clients/" + a.id() + "/reveal").param("purpose", "x").with(user("nurse").roles("NURSE"))
                .with(csrf())).andExpect(status().isForbidden());
        // Unknown and malformed ids: 404 and 400, never a stack trace.
        var unknown = http.get(StaffFixture.as("doctor"), "/api/v1/clients/" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(http.get(StaffFixture.as("doctor"), "/api/v1/clients/1").status()).isEqualTo(400);
        assertThat(http.get(StaffFixture.as("doctor"), "/api/v1/clients/1%20OR%201=1").status()).isEqualTo(400);
        // One client's access log shows nothing of another's.
        http.get(StaffFixture.as("doctor"), "/api/v1/clients/" + b.id());
        var log = http.get(StaffFixture.as("doctor"), "/api/v1/clients/" + a.id() + "/access-log").json();
        assertThat(log.toString()).doesNotContain(b.id().toString());
        // Revoking a consent through another client's path touches nothing.
        assertThat(http.delete(StaffFixture.as("nurse"), "/api/v1/clients/" + b.id() + "/consents/CONTACT").status())
                .isEqualTo(404);
    }

    @Test
    void clientPagesCarrySecurityHeadersAndAreNotCached() throws Exception {
        Client client = enrol("headers");
        var response = mvc.perform(get("/clients/" + client.id()).with(user("nurse").roles("NURSE"))).andReturn().getResponse();
        assertThat(response.getHeader("Content-Security-Policy")).contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(response.getHeader("Cache-Control")).contains("no-store");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        var api = http.get(StaffFixture.as("nurse"), "/api/v1/clients/" + client.id());
        assertThat(api.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }

    @Test
    void staticFilesAreLinkedByContentHashAndCachedWhilePagesAreNot() {
        var login = http.get(null, "/login");
        assertThat(login.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        var css = java.util.regex.Pattern.compile("href=\"(/css/ishenim-[0-9a-f]{32}\\.css)\"").matcher(login.body());
        var js = java.util.regex.Pattern.compile("src=\"(/js/ishenim-[0-9a-f]{32}\\.js)\"").matcher(login.body());
        assertThat(css.find()).as(login.body()).isTrue();
        assertThat(js.find()).as(login.body()).isTrue();
        for (String path : List.of(css.group(1), js.group(1), "/webjars/htmx.org/2.0.4/dist/htmx.min.js")) {
            var file = http.get(null, path);
            assertThat(file.status()).as(path).isEqualTo(200);
            String cache = file.headers().firstValue("Cache-Control").orElse("");
            assertThat(cache).as(path).contains("max-age=31536000").doesNotContain("no-store");
            assertThat(file.headers().firstValue("Content-Security-Policy")).as(path).isPresent();
        }
    }

    @Autowired org.springframework.security.web.FilterChainProxy security;

    @Test
    void everySecurityChainQueuesSignedInRequests() {
        assertThat(security.getFilterChains()).hasSizeGreaterThanOrEqualTo(2).allSatisfy(chain -> assertThat(
                chain.getFilters()).hasAtLeastOneElementOfType(AdmissionControl.class));
    }

    @Test
    void theAdmissionQueueIsVisibleInTheMetricsToAdminsAndAuditorsOnly() throws Exception {
        for (String name : List.of("ishenim.requests.active", "ishenim.requests.queued", "http.server.requests")) {
            for (String role : List.of("ADMIN", "AUDITOR")) {
                mvc.perform(get("/actuator/metrics/" + name).with(user(role.toLowerCase()).roles(role)))
                        .andExpect(status().isOk());
            }
            // per-endpoint request counts tell how many reveals happened: not for the other roles
            for (String role : List.of("MANAGER", "NURSE", "DOCTOR", "PHARMACIST")) {
                mvc.perform(get("/actuator/metrics/" + name).with(user(role.toLowerCase()).roles(role)))
                        .andExpect(status().isForbidden());
            }
        }
        mvc.perform(get("/actuator/metrics").with(user("manager").roles("MANAGER"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/metrics")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    @Test
    void refusalsBeforeAnyHandlerAreProblemsToo() {
        var wrongMethod = http.send(StaffFixture.as("nurse"), "PUT", "/api/v1/audit/verify", "{}", null);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        var nowhere = http.get(StaffFixture.as("nurse"), "/api/v1/no-such-thing");
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(nowhere.body()).doesNotContain("no-such-thing");
    }

    @Test
    void oversizedBodiesAreRefusedWith413() {
        String huge = "{\"alias\":\"" + "x".repeat(2_000_000) + "\"}";
        var response = http.post(StaffFixture.as("nurse"), "/api/v1/clients", huge);
        assertThat(response.status()).isEqualTo(413);
    }

    @Test
    void invalidInputIsA400WithPerFieldMessagesAndNoEcho() {
        var response = http.post(StaffFixture.as("nurse"), "/api/v1/clients", Http.json("sex", "M", "birthYear", 2999,
                "motherFirstName", "Aigul", "fatherFirstName", "Bakyt", "alias", "", "givenName", SECRET_NAME));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        var errors = response.json().get("errors");
        assertThat(errors.has("birthYear")).isTrue();
        assertThat(errors.has("alias")).isTrue();
        assertThat(errors.has("identityConsent")).isTrue();
        assertThat(response.body()).doesNotContain(SECRET_NAME);
        var broken = http.post(StaffFixture.as("nurse"), "/api/v1/clients", "{\"givenName\":\"" + SECRET_NAME + "\", broken");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body()).doesNotContain(SECRET_NAME).doesNotContain("Exception");
    }

    /** A UIC typed where a client id belongs is not echoed as the problem's instance (or anywhere). */
    @Test
    void aProblemNeverEchoesTheRequestPath() {
        for (String path : List.of("/api/v1/clients/M1985AIBE", "/api/v1/clients/" + java.util.UUID.randomUUID() + "x",
                "/api/v1/clients/M1985AIBE/access-log", "/api/v1/prescriptions/M1985AIBE/end")) {
            var response = http.get(StaffFixture.as("doctor"), path);
            assertThat(response.status()).as(path).isBetween(400, 499);
            assertThat(response.body()).as(path).doesNotContain("M1985AIBE").doesNotContain("instance");
        }
        var missing = http.get(StaffFixture.as("doctor"), "/api/v1/clients/" + java.util.UUID.randomUUID());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).doesNotContain("instance").doesNotContain("/api/v1/clients/");
    }

    @Test
    void fiveFailedLoginsLockTheAccount(CapturedOutput output) {
        staff.create("locky", Roles.NURSE, "right-password", false);
        for (int i = 0; i < 5; i++) {
            assertThat(http.get("locky:wrong-" + i, "/api/v1/clients").status()).isEqualTo(401);
        }
        assertThat(http.get("locky:right-password", "/api/v1/clients").status()).isEqualTo(401);
        assertThat(output.getAll()).doesNotContain("right-password");
    }

    @Test
    void aSuccessfulLoginResetsTheFailureCount() {
        staff.create("resetty", Roles.NURSE, "right-password", false);
        for (int i = 0; i < 4; i++) {
            assertThat(http.get("resetty:wrong-" + i, "/api/v1/clients").status()).isEqualTo(401);
        }
        assertThat(http.get("resetty:right-password", "/api/v1/clients").status()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertThat(http.get("resetty:wrong-again-" + i, "/api/v1/clients").status()).isEqualTo(401);
        }
        assertThat(http.get("resetty:right-password", "/api/v1/clients").status()).isEqualTo(200);
    }

    @Test
    void verifiedCredentialsAreCachedButOnlyForTheRightPassword() {
        staff.create("cached", Roles.NURSE, "first-password", false);
        assertThat(http.get("cached:first-password", "/api/v1/clients").status()).isEqualTo(200);
        assertThat(http.get("cached:first-password", "/api/v1/clients").status()).isEqualTo(200);
        assertThat(http.get("cached:not-the-password", "/api/v1/clients").status()).isEqualTo(401);
    }

    /** A UIC or alias never travels in an address: searches are POSTs, and the old GETs are refused. */
    @Test
    void searchesKeepTheQueryOutOfTheAddress() throws Exception {
        Client client = enrol("searchable-alias");
        assertThat(http.get(StaffFixture.as("nurse"), "/api/v1/clients?query=" + client.uic().value()).status()).isEqualTo(400);
        assertThat(http.get(StaffFixture.as("nurse"), "/api/v1/dosing/queue?query=" + client.uic().value()).status()).isEqualTo(400);
        assertThat(http.post(StaffFixture.as("nurse"), "/api/v1/clients/search", Http.json("query", "searchable-al")).body())
                .contains(client.uic().value());
        assertThat(http.post(StaffFixture.as("nurse"), "/api/v1/dosing/queue/search", Http.json("query", "M19")).status())
                .isEqualTo(200);
        String page = mvc.perform(get("/clients").with(user("nurse").roles("NURSE"))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("method=\"post\"").contains("hx-post=\"/clients/rows\"").doesNotContain("hx-get");
        // a GET of the rows is no search any more ("rows" is not a client id)
        mvc.perform(get("/clients/rows").param("query", "x").with(user("nurse").roles("NURSE")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void noIdentityReachesTheLog(CapturedOutput output) throws Exception {
        Client client = enrol("logcheck");
        assertThat(http.post(StaffFixture.as("doctor"), "/api/v1/clients/" + client.id() + "/reveal", Http.json("purpose", "care"))
                .body()).contains(SECRET_NAME);
        // the old address with the purpose in the query string is refused
        assertThat(http.get(StaffFixture.as("doctor"), "/api/v1/clients/" + client.id() + "?reveal=identity&purpose=care")
                .status()).isEqualTo(400);
        http.post(StaffFixture.as("nurse"), "/api/v1/clients", Http.json("sex", "X", "givenName", SECRET_NAME));
        assertThat(output.getAll()).doesNotContain(SECRET_NAME).doesNotContain("Сыдыкова");
    }
}
