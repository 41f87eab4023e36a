package org.ishenim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.ishenim.staff.StaffAccounts;
import org.ishenim.testing.Http;
import org.ishenim.testing.StaffFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A real server with the default configuration, which trusts no proxy: a forged {@code Host} never reaches a
 * {@code Location}, and {@code X-Forwarded-*} headers change nothing (no {@code Secure} cookie, no HSTS, no host).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ForwardedHeadersTest {

    static final String[] FORGED = {"Host: evil.example", "X-Forwarded-Host: evil.example",
            "X-Forwarded-Proto: https", "X-Forwarded-Port: 443", "X-Forwarded-For: 203.0.113.9",
            "Forwarded: for=203.0.113.9;host=evil.example;proto=https"};

    @LocalServerPort int port;
    @Autowired StaffAccounts staff;
    Http http;

    @BeforeEach
    void setUp() {
        StaffFixture.onePerRole(staff);
        http = new Http(port);
    }

    @Test
    void redirectsNeverNameTheHostTheRequestClaimed() {
        var toLogin = http.raw("GET", "/clients", null, "Host: evil.example");
        assertThat(toLogin.status()).isEqualTo(302);
        assertThat(toLogin.header("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/login"));

        var forged = http.raw("GET", "/clients", null, FORGED);
        assertThat(forged.header("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/"));

        // an anonymous visitor has no session (nothing is remembered for them), so the login goes to the home page;
        // then the failed login and the logout
        assertThat(toLogin.cookie("JSESSIONID")).isEmpty();
        var afterLogin = login(StaffFixture.PASSWORD, "Host: evil.example");
        assertThat(afterLogin.status()).isEqualTo(302);
        assertThat(afterLogin.header("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/"));

        var failed = login("wrong-password", FORGED);
        assertThat(failed.header("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/login"));

        String signedIn = afterLogin.cookie("JSESSIONID").orElseThrow();
        var page = http.raw("GET", "/", null, "Cookie: JSESSIONID=" + signedIn);
        var logout = http.raw("POST", "/logout", "_csrf=" + Http.csrf(page.body()), "Host: evil.example",
                "Cookie: JSESSIONID=" + signedIn);
        assertThat(logout.status()).isEqualTo(302);
        assertThat(logout.header("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/login"));
    }

    @Test
    void forwardedHeadersFromAnUntrustedAddressChangeNothing() {
        var plain = http.raw("GET", "/login", null, FORGED);
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.headers("Set-Cookie")).isNotEmpty().noneMatch(c -> c.toLowerCase().contains("secure"));
        assertThat(plain.header("Strict-Transport-Security")).isEmpty();
        assertThat(plain.body()).doesNotContain("evil.example").doesNotContain("https:");
    }

    /** Signs in as the nurse with the login page's CSRF token, which an anonymous visitor holds in a cookie. */
    Http.Response login(String password, String... headers) {
        var page = http.raw("GET", "/login", null);
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 1);
        all[headers.length] = "Cookie: ISHENIM-CSRF=" + page.cookie("ISHENIM-CSRF").orElseThrow();
        return http.raw("POST", "/login", Http.form(Map.of("username", "nurse", "password", password,
                "_csrf", Http.csrf(page.body()))), all);
    }
}
