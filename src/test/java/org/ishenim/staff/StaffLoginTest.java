package org.ishenim.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.ishenim.testing.Http;
import org.ishenim.web.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.ishenim.testing.BothDatabases;

/**
 * Sign-in as an attacker meets it: concurrent guesses (Basic and form) never get past the lockout, every change
 * to an account ends its open sessions at once, and a failed login never writes the typed name into the audit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@BothDatabases
class StaffLoginTest {

    static final String GOOD = "violet tractor harbour";

    @LocalServerPort int port;
    @Autowired StaffAccounts accounts;
    @Autowired JdbcClient db;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        if (!accounts.exists("login-admin")) {
            accounts.create("login-admin", Roles.ADMIN, GOOD, false);
        }
    }

    long auditEntriesBy(String actor, String action) {
        return db.sql("""
                SELECT (SELECT COUNT(*) FROM audit_entry WHERE actor = :a AND action LIKE :act)
                     + (SELECT COUNT(*) FROM audit_pending WHERE actor = :a AND action LIKE :act)
                """).param("a", actor).param("act", action).query(Long.class).single();
    }

    @Test
    void concurrentGuessesNeverGetPastTheLimitAndTheRightPasswordIsThenRefused() throws Exception {
        String name = "racer-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(name, Roles.NURSE, GOOD, false);
        int threads = 50;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int n = i;
            answers.add(pool.submit(() -> {
                start.await();
                if (n % 5 == 0) { // one in five through the login form
                    try {
                        http.signIn(name, "wrong guess number " + n);
                        return 302;
                    } catch (IllegalStateException refused) {
                        return 401;
                    }
                }
                return http.get(name + ":wrong guess number " + n, "/api/v1/clients").status();
            }));
        }
        start.countDown();
        for (var answer : answers) {
            assertThat(answer.get()).isEqualTo(401);
        }
        pool.shutdown();

        int counted = db.sql("SELECT failed_logins FROM staff_user WHERE username = :u").param("u", name)
                .query(Integer.class).single();
        assertThat(counted).isLessThanOrEqualTo(5);
        assertThat(auditEntriesBy(name, "login.failed")).isLessThanOrEqualTo(5);
        assertThat(http.get(name + ":" + GOOD, "/api/v1/clients").status()).isEqualTo(401);
        assertThatThrownBy(() -> http.signIn(name, GOOD)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void disablingEndsTheOpenSessionAndNothingIsDoneInItsName() {
        String name = "session-off";
        UUID id = accounts.create(name, Roles.NURSE, GOOD, false);
        Http.Session browser = http.signIn(name, GOOD);
        String form = page(browser, "/clients/new");
        long before = auditEntriesBy(name, "%");

        accounts.setEnabled(id, false);

        assertThat(status(browser, "GET", "/clients/new", null)).isEqualTo(302);
        int enrol = status(browser, "POST", "/clients", "sex=M&birthYear=1980&motherFirstName=Aigul&fatherFirstName=Bakyt"
                + "&alias=after-disable&_csrf=" + Http.csrf(form));
        assertThat(enrol).isIn(302, 403);
        assertThat(auditEntriesBy(name, "%")).isEqualTo(before);
        assertThat(auditEntriesBy(name, "client.enrol")).isZero();
    }

    @Test
    void aPasswordResetEndsTheOpenSession() {
        everyChangeEndsTheSession("session-reset", id -> accounts.resetPassword(id, "another long passphrase"));
    }

    @Test
    void aLockEndsTheOpenSession() {
        everyChangeEndsTheSession("session-lock", id -> {
            for (int i = 0; i < 5; i++) {
                assertThat(http.get("session-lock:wrong guess " + i, "/api/v1/clients").status()).isEqualTo(401);
            }
        });
    }

    @Test
    void anUnlockEndsTheOpenSession() {
        everyChangeEndsTheSession("session-unlock", accounts::unlock);
    }

    @Test
    void aChangeEndsCachedBasicCredentialsToo() {
        UUID id = accounts.create("basic-off", Roles.NURSE, GOOD, false);
        assertThat(http.get("basic-off:" + GOOD, "/api/v1/clients").status()).isEqualTo(200);
        accounts.setEnabled(id, false);
        assertThat(http.get("basic-off:" + GOOD, "/api/v1/clients").status()).isEqualTo(401);
    }

    private void everyChangeEndsTheSession(String name, Consumer<UUID> change) {
        UUID id = accounts.create(name, Roles.NURSE, GOOD, false);
        Http.Session browser = http.signIn(name, GOOD);
        assertThat(status(browser, "GET", "/clients/new", null)).isEqualTo(200);
        change.accept(id);
        assertThat(status(browser, "GET", "/clients/new", null)).isEqualTo(302);
    }

    @Test
    void aFailedLoginUnderAnUnknownNameLeavesNoTextInTheAudit() {
        String typed = "Qwmarker.Aynura.Sydykova.HIV.positive";
        assertThat(http.get(typed + ":whatever it is", "/api/v1/clients").status()).isEqualTo(401);
        assertThat(http.get("x".repeat(5000) + ":whatever it is", "/api/v1/clients").status()).isEqualTo(401);
        long leaked = db.sql("""
                SELECT (SELECT COUNT(*) FROM audit_entry WHERE actor LIKE '%Qwmarker%' OR actor LIKE '%xxxxxxxxxx%')
                     + (SELECT COUNT(*) FROM audit_pending WHERE actor LIKE '%Qwmarker%' OR actor LIKE '%xxxxxxxxxx%')
                """).query(Long.class).single();
        assertThat(leaked).isZero();
        // a known account's failure is still named
        assertThat(http.get("login-admin:not the password", "/api/v1/clients").status()).isEqualTo(401);
        assertThat(auditEntriesBy("login-admin", "login.failed")).isPositive();
        accounts.succeededLogin("login-admin");
    }

    @Test
    void aRefusedRequestLeavesNoTypedAddressInTheAudit() {
        Http.Session browser = http.signIn("login-admin", GOOD);
        // no CSRF token: refused by the access-denied handler, which audits the attempt
        assertThat(status(browser, "POST", "/clients/Qwmarker-Aynura-Sydykova/erasure", "confirm=true")).isEqualTo(403);
        long leaked = db.sql("""
                SELECT (SELECT COUNT(*) FROM audit_entry WHERE action LIKE '%Qwmarker%' OR purpose LIKE '%Qwmarker%')
                     + (SELECT COUNT(*) FROM audit_pending WHERE action LIKE '%Qwmarker%' OR purpose LIKE '%Qwmarker%')
                """).query(Long.class).single();
        assertThat(leaked).isZero();
        assertThat(auditEntriesBy("login-admin", "denied%")).isPositive();
    }

    String page(Http.Session browser, String path) {
        var r = browser.get(path);
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    int status(Http.Session browser, String method, String path, String form) {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (form == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        }
        try {
            return browser.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
