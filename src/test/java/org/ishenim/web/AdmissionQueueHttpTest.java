package org.ishenim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ishenim.staff.StaffAccounts;
import org.ishenim.testing.Http;
import org.ishenim.testing.StaffFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admission queue in the real filter chain, with one turn: signed-in requests queue for it, anonymous ones and
 * static files do not, and clients sending their bodies slowly hold no turn.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ishenim.web.max-active-requests=1", "ishenim.web.admission-wait=PT1S"})
@ActiveProfiles("test")
class AdmissionQueueHttpTest {

    static volatile CountDownLatch release;
    static volatile CountDownLatch holding;

    @LocalServerPort int port;
    @Autowired StaffAccounts staff;
    @Autowired io.micrometer.core.instrument.MeterRegistry meters;
    Http http;
    final List<Socket> slowClients = new ArrayList<>();

    @TestConfiguration
    static class Holder {
        @Bean
        HoldsTheTurn holdsTheTurn() {
            return new HoldsTheTurn();
        }
    }

    /** A handler that works until the test says so, holding the only turn. */
    @RestController
    static class HoldsTheTurn {
        @GetMapping("/api/v1/test/hold")
        @PreAuthorize("isAuthenticated()")
        String hold() throws InterruptedException {
            holding.countDown();
            release.await(20, TimeUnit.SECONDS);
            return "released";
        }
    }

    @BeforeEach
    void setUp() {
        release = new CountDownLatch(1);
        holding = new CountDownLatch(1);
        StaffFixture.onePerRole(staff);
        http = new Http(port);
    }

    @AfterEach
    void closeSlowClients() throws Exception {
        release.countDown();
        for (Socket s : slowClients) {
            s.close();
        }
    }

    @Test
    void signedInRequestsWaitForTheTurnAndTheRestDoNot() throws Exception {
        var held = CompletableFuture.supplyAsync(() -> http.get(StaffFixture.as("nurse"), "/api/v1/test/hold"));
        assertThat(holding.await(20, TimeUnit.SECONDS)).isTrue();

        assertThat(meters.get("ishenim.requests.active").gauge().value()).isEqualTo(1.0);
        var busy = http.get(StaffFixture.as("pharmacist"), "/api/v1/stock/sites");
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(busy.body()).contains("Nothing was recorded");
        var page = signedInBrowser("nurse").send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dosing?lang=ru"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("Сервер перегружен").contains("Ничего не записано");
        // not signed in, or a static file: no turn needed
        assertThat(http.get(null, "/login").status()).isEqualTo(200);
        assertThat(http.get(null, "/api/v1/stock/sites").status()).isEqualTo(401);
        assertThat(http.get(null, "/css/ishenim.css").status()).isEqualTo(200);

        release.countDown();
        assertThat(held.get(20, TimeUnit.SECONDS).body()).isEqualTo("released");
        assertThat(http.get(StaffFixture.as("pharmacist"), "/api/v1/stock/sites").status()).isEqualTo(200);
    }

    @Test
    void clientsSendingTheirBodiesSlowlyHoldNoTurn() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString(StaffFixture.as("doctor").getBytes(StandardCharsets.UTF_8));
        // two anonymous form bodies and one signed-in JSON body, each stopped after two bytes of a thousand
        slowClient("PUT /clients HTTP/1.1", null, "application/x-www-form-urlencoded");
        slowClient("DELETE /api/v1/clients/x HTTP/1.1", null, "application/x-www-form-urlencoded");
        slowClient("POST /api/v1/clients HTTP/1.1", basic, "application/json");
        Thread.sleep(300);
        // with the only turn held, this would wait a second and get 503
        assertThat(http.get(StaffFixture.as("pharmacist"), "/api/v1/stock/sites").status()).isEqualTo(200);
        assertThat(http.get(null, "/login").status()).isEqualTo(200);
    }

    /** A client with a UI session, logged in through the form as a browser is (logging in takes no turn). */
    private Http.Session signedInBrowser(String user) {
        return http.signIn(user, StaffFixture.PASSWORD);
    }

    private void slowClient(String requestLine, String authorization, String type) throws Exception {
        var socket = new Socket("localhost", port);
        slowClients.add(socket);
        OutputStream out = socket.getOutputStream();
        String head = requestLine + "\r\nHost: localhost\r\nContent-Type: " + type + "\r\nContent-Length: 1000\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n{\"";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
