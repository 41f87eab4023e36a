package org.ishenim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.ishenim.staff.StaffAccounts;
import org.ishenim.testing.Http;
import org.ishenim.testing.StaffFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An exception nothing handled, whose message quotes health data (as a database error quoting a value can): the
 * log and the answer name the exception class and an incident number, never the message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class UnexpectedErrorsTest {

    static final String QUOTED = "Value too long for column NOTES: 'HIV positive, Aibek Usenov'";

    @LocalServerPort int port;
    @Autowired StaffAccounts staff;
    Http http;

    @TestConfiguration
    static class Failing {
        @Bean
        FailingApi failingApi() {
            return new FailingApi();
        }

        @Bean
        FailingPage failingPage() {
            return new FailingPage();
        }
    }

    @RestController
    static class FailingApi {
        @GetMapping("/api/v1/test/fail")
        @PreAuthorize("isAuthenticated()")
        String fail() {
            throw new IllegalStateException("wrapped", new java.sql.SQLDataException(QUOTED));
        }

        @GetMapping("/api/v1/test/library-refusal")
        @PreAuthorize("isAuthenticated()")
        String libraryRefusal() {
            return java.util.UUID.fromString(QUOTED).toString(); // "Invalid UUID string: " + the value
        }
    }

    @Controller
    static class FailingPage {
        @GetMapping("/test/fail")
        @PreAuthorize("isAuthenticated()")
        String fail() {
            throw new IllegalStateException(QUOTED);
        }
    }

    @BeforeEach
    void setUp() {
        StaffFixture.onePerRole(staff);
        http = new Http(port);
    }

    @Test
    void theApiAnswersAProblemWithAnIncidentNumberAndTheLogHasNoMessage(CapturedOutput output) {
        var answer = http.get(StaffFixture.as("nurse"), "/api/v1/test/fail");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        String incident = answer.json().get("detail").asString().replaceAll(".*Incident ([0-9a-f]{8})\\.$", "$1");
        assertThat(incident).matches("[0-9a-f]{8}");
        assertThat(answer.body()).doesNotContain("Usenov").doesNotContain("HIV");
        // the security headers set before the failure stay on the answer
        assertThat(answer.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(answer.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(output).contains("Request failed, incident " + incident + ": ")
                .contains("java.lang.IllegalStateException < java.sql.SQLDataException");
        assertThat(output).doesNotContain("Usenov").doesNotContain("HIV positive");
    }

    /** Tomcat's own refusal of a malformed form stays a 400, not an incident. */
    @Test
    void aMalformedFormIsTheContainers400(CapturedOutput output) throws Exception {
        var answer = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=a%zz&password=x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(output).doesNotContain("Request failed, incident");
    }

    /** A UIC typed where a client id belongs: refused, and the log does not repeat it. */
    @Test
    void aWrongIdInAPageAddressIsNotLogged(CapturedOutput output) throws Exception {
        var browser = http.signIn("nurse", StaffFixture.PASSWORD);
        var page = browser.get("/dosing/M1983AYBA");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).doesNotContain("M1983AYBA");
        assertThat(output).doesNotContain("M1983AYBA");
    }

    @Test
    void aLibrarysRefusalIsA400WithoutItsMessage() {
        var answer = http.get(StaffFixture.as("nurse"), "/api/v1/test/library-refusal");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("detail").asString()).isEqualTo("The request has a value that is not valid here.");
        assertThat(answer.body()).doesNotContain("Usenov");
    }

    @Test
    void aPageShowsTheErrorPageAndTheLogHasNoMessage(CapturedOutput output) throws Exception {
        var browser = http.signIn("nurse", StaffFixture.PASSWORD);
        var page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/test/fail?lang=ru"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(500);
        assertThat(page.body()).contains("<html").doesNotContain("Usenov");
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(output).contains("java.lang.IllegalStateException").doesNotContain("Usenov").doesNotContain("HIV positive");
    }
}
