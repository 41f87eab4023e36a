package org.ishenim.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.ishenim.linkage.Clk;
import org.ishenim.staff.StaffAccounts;
import org.ishenim.testing.Crawler;
import org.ishenim.testing.Http;
import org.ishenim.testing.StaffFixture;
import org.ishenim.web.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.ishenim.linkage.EncodingConfiguration;
import org.ishenim.testing.SyntheticClks;

/**
 * Every page and API route of the hub, found in Spring's handler mapping, with odd values in every path variable,
 * parameter and JSON field, as every hub role, as a site (bearer token) and anonymously: no answer is a 5xx, and no
 * answer of any route holds a stored encoding (no bulk export), in clear, base64, URL-safe base64 or hex, nor the
 * ciphertext the table stores.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ishenim.role=hub")
@ActiveProfiles("test")
class HubCrawlerTest {

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts staff;
    @Autowired
    HubSites sites;
    @Autowired
    HubEncodings encodings;
    @Autowired
    JdbcClient db;
    @Autowired
    HubEncodingConfiguration configuration;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    final Random random = new Random();

    @Test
    void noRouteAnswers5xxToOddValuesNorReturnsAStoredEncodingForAnyRole() throws Exception {
        StaffFixture.onePerRole(staff);
        String token = sites.register("crawled-site", "Crawled site").token();
        sites.register("other-site", "Other site");
        List<Clk> stored = new ArrayList<>();
        for (String site : List.of("crawled-site", "other-site")) {
            for (int i = 0; i < 3; i++) {
                Clk clk = randomClk();
                stored.add(clk);
                encodings.put(site, List.of(new EncodingPayloads.Item(reference(), clk)));
            }
        }
        List<String> forbidden = forbidden(stored);

        Crawler crawler = new Crawler(port);
        List<Crawler.Caller> callers = new ArrayList<>();
        callers.add(crawler.anonymous());
        callers.add(crawler.withAuthorization("site", "Bearer " + token));
        for (Roles role : Roles.on("hub")) {
            callers.add(crawler.staff(role.name().toLowerCase(), StaffFixture.PASSWORD));
        }
        List<Crawler.Route> routes = Crawler.routes(mapping);
        assertThat(routes).extracting(Crawler.Route::pattern).contains("/api/v1/hub/queries", "/api/v1/hub/sites",
                "/api/v1/hub/unique-clients", "/hub/sites");

        assertThat(crawler.crawl(routes, callers, forbidden)).isEmpty();

        // a query that finds every stored encoding answers with sites and references only
        for (Clk clk : stored) {
            var answer = new Http(port).send(null, "POST", "/api/v1/hub/queries", Http.json("clk", clk.toBase64()),
                    new String[] {"Authorization", "Bearer " + token, "Ishenim-Encoding",
                        configuration.expected().configuration().id() + "; fingerprint=" + configuration.expected().fingerprint()});
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).contains("\"reference\"");
            assertThat(forbidden).noneSatisfy(f -> assertThat(answer.body()).contains(f));
        }
    }

    /** Each encoding in clear (as Latin-1 text), base64, URL-safe base64 and hex (pieces of 18 bytes), and as stored. */
    List<String> forbidden(List<Clk> stored) {
        List<String> forms = new ArrayList<>();
        for (Clk clk : stored) {
            byte[] bytes = clk.toBytes();
            byte[] piece = java.util.Arrays.copyOfRange(bytes, 30, 48);
            forms.add(clk.toBase64().substring(40, 64));
            forms.add(Base64.getEncoder().encodeToString(piece));
            forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(piece));
            forms.add(HexFormat.of().formatHex(piece));
            forms.add(HexFormat.of().withUpperCase().formatHex(piece));
            forms.add(new String(piece, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        for (String ciphertext : db.sql("SELECT clk FROM hub_encoding").query(String.class).list()) {
            forms.add(ciphertext.substring(40, 64));
        }
        return forms;
    }

    /** A random encoding of the configured length and fill, so that the hub's shape check takes it. */
    Clk randomClk() {
        var expected = configuration.expected();
        return SyntheticClks.random(expected.bits(),
                expected.configuration().shape() == EncodingConfiguration.Shape.DIFFUSED, random);
    }

    String reference() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
