package org.ishenim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.ishenim.staff.StaffAccounts;
import org.ishenim.testing.RawHttp;
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
    RawHttp http;

    @BeforeEach
    void setUp() {
        StaffFixture.onePerRole(staff);
        http = new RawHttp(port);
    }

    @Test
    void redirectsNeverNameTheHostTheRequestClaimed() {
        var toLogin = http.get("/clients", "Host: evil.example");
        assertThat(toLogin.status()).isEqualTo(302);
        assertThat(toLogin.header("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/login"));

        var forged = http.get("/clients", FORGED);
        assertThat(forged.header("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/"));

        // the saved request after login, the failed login, the logout
        String session = toLogin.cookie("JSESSIONID").orElseThrow();
        var afterLogin = login(session, StaffFixture.PASSWORD, "Host: evil.example");
        assertThat(afterLogin.status()).isEqualTo(302);
        assertThat(afterLogin.header("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/clients"));

        var failed = login(http.get("/login").cookie("JSESSIONID").orElseThrow(), "wrong-password", FORGED);
        assertThat(failed.header("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/login"));

        String signedIn = afterLogin.cookie("JSESSIONID").orElseThrow();
        var page = http.get("/", "Cookie: JSESSIONID=" + signedIn);
        var logout = http.postForm("/logout", "_csrf=" + csrf(page.body()), "Host: evil.example",
                "Cookie: JSESSIONID=" + signedIn);
        assertThat(logout.status()).isEqualTo(302);
        assertThat(logout.header("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/login"));
    }

    @Test
    void forwardedHeadersFromAnUntrustedAddressChangeNothing() {
        var plain = http.get("/login", FORGED);
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.headers("Set-Cookie")).isNotEmpty().noneMatch(c -> c.toLowerCase().contains("secure"));
        assertThat(plain.header("Strict-Transport-Security")).isEmpty();
        assertThat(plain.body()).doesNotContain("evil.example").doesNotContain("https:");
    }

    RawHttp.Response login(String session, String password, String... headers) {
        String token = csrf(http.get("/login", "Cookie: JSESSIONID=" + session).body());
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 1);
        all[headers.length] = "Cookie: JSESSIONID=" + session;
        return http.postForm("/login", "username=nurse&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8), all);
    }

    static String csrf(String page) {
        var m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }
}
