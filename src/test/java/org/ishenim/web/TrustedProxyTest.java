package org.ishenim.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.ishenim.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A real server told that its TLS proxy is at 127.0.0.1 (as README's production section says to configure it):
 * a request the proxy marks as HTTPS gets a {@code Secure} session cookie and HSTS; one it marks as plain HTTP
 * does not; a forged {@code X-Forwarded-Host} still never reaches a redirect.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1")
@ActiveProfiles("test")
class TrustedProxyTest {

    @LocalServerPort int port;

    @Test
    void httpsThroughTheTrustedProxyGetsASecureCookieAndHsts() {
        var https = new Http(port).raw("GET", "/login", null, "X-Forwarded-Proto: https", "X-Forwarded-For: 203.0.113.9");
        assertThat(https.status()).isEqualTo(200);
        assertThat(https.headers("Set-Cookie")).isNotEmpty().allMatch(c -> c.contains("; Secure"));
        assertThat(https.header("Strict-Transport-Security")).hasValueSatisfying(h -> assertThat(h).contains("max-age="));
    }

    @Test
    void everyCookieIsSecureOverHttps() {
        var https = new Http(port).raw("GET", "/login?lang=ru", null, "X-Forwarded-Proto: https");
        assertThat(https.headers("Set-Cookie")).anyMatch(c -> c.startsWith("ishenim-lang="))
                .allMatch(c -> c.contains("; Secure"));
    }

    @Test
    void plainHttpThroughTheProxyHasNeither() {
        var http = new Http(port).raw("GET", "/login", null, "X-Forwarded-Proto: http");
        assertThat(http.headers("Set-Cookie")).isNotEmpty().noneMatch(c -> c.contains("Secure"));
        assertThat(http.header("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void aForwardedHostNeverReachesARedirect() {
        var r = new Http(port).raw("GET", "/clients?lang=ru", null, "Host: evil.example", "X-Forwarded-Proto: https",
                "X-Forwarded-Host: evil.example");
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/login"));
        assertThat(r.headers("Set-Cookie")).allMatch(c -> c.contains("; Secure"));
    }
}
