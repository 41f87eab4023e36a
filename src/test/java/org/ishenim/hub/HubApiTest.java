package org.ishenim.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import org.ishenim.linkage.Clk;
import org.ishenim.linkage.ConfiguredEncoding;
import org.ishenim.linkage.EncodingConfiguration;
import org.ishenim.staff.StaffAccounts;
import org.ishenim.testing.Http;
import org.ishenim.web.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hub API over HTTP: site tokens, own-records-only deletion, plaintext refusal, and answers that leak nothing.
 * Runs on H2 ({@link HubApiTest}) and on PostgreSQL ({@link HubApiPostgresTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ishenim.role=hub")
@ActiveProfiles("test")
@org.ishenim.testing.BothDatabases
@org.springframework.context.annotation.Import(org.ishenim.testing.MutableClock.Config.class)
class HubApiTest {

    static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    HubSites sites;
    @Autowired
    HubEncodings encodings;
    @Autowired
    StaffAccounts staff;
    @Autowired
    HubEncodingConfiguration configuration;
    @Autowired
    org.ishenim.testing.MutableClock clock;

    static int run;
    /** What this test's clinic says its encodings are; by default what the hub expects, as a clinic sends it. */
    String encodingHeader;
    String siteA;
    String siteB;
    String tokenA;
    String tokenB;
    final Random random = new Random();

    @BeforeEach
    void sites() {
        run++;
        siteA = "a-" + run;
        siteB = "b-" + run;
        tokenA = sites.register(siteA, "Site A").token();
        tokenB = sites.register(siteB, "Site B").token();
        encodingHeader = configuration.expected().configuration().id() + "; fingerprint="
                + configuration.expected().fingerprint();
        if (!staff.exists("hubadmin")) {
            staff.create("hubadmin", Roles.ADMIN, "hubadmin-password", true);
            staff.create("hubanalyst", Roles.ANALYST, "hubanalyst-password", true);
        }
    }

    @Autowired
    org.springframework.security.web.FilterChainProxy security;

    @Test
    void everySecurityChainOnTheHubQueuesSignedInRequests() {
        assertThat(security.getFilterChains()).hasSizeGreaterThanOrEqualTo(3).allSatisfy(chain -> assertThat(
                chain.getFilters()).hasAtLeastOneElementOfType(org.ishenim.web.AdmissionControl.class));
    }

    @Test
    void missingWrongOrRevokedTokensAre401() throws Exception {
        String body = clkBody(randomClk());
        assertThat(send("POST", "/queries", null, body).status()).isEqualTo(401);
        assertThat(send("POST", "/queries", "ishs_not-a-real-token", body).status()).isEqualTo(401);
        assertThat(send("POST", "/queries", "Basic Zm9vOmJhcg==", body, true).status()).isEqualTo(401);
        assertThat(send("POST", "/queries", tokenA, body).status()).isEqualTo(200);

        String fresh = sites.rotate(siteA).token();
        assertThat(send("POST", "/queries", tokenA, body).status()).isEqualTo(401);
        assertThat(send("POST", "/queries", fresh, body).status()).isEqualTo(200);
        sites.deactivate(siteA);
        assertThat(send("POST", "/queries", fresh, body).status()).isEqualTo(401);

        // a new token for a deactivated site is refused: it would switch the site on again
        var rotated = send("POST", "/sites/" + siteA + "/token", basic("hubadmin", "hubadmin-password"), null, true);
        assertThat(rotated.status()).isEqualTo(409);
        assertThat(rotated.body()).doesNotContain("ishs_");
        assertThat(sites.find(siteA).orElseThrow().active()).isFalse();
        assertThat(send("POST", "/queries", fresh, body).status()).isEqualTo(401);
    }

    @Test
    void staffCannotActAsASiteAndSitesCannotAdminister() throws Exception {
        String admin = basic("hubadmin", "hubadmin-password");
        assertThat(send("POST", "/queries", admin, clkBody(randomClk()), true).status()).isEqualTo(403);
        assertThat(send("GET", "/sites", tokenA, null).status()).isEqualTo(403);
        assertThat(send("GET", "/unique-clients", tokenA, null).status()).isEqualTo(403);
        assertThat(send("GET", "/sites", admin, null, true).status()).isEqualTo(200);
    }

    @Test
    void aQueryFindsCandidatesAtOtherSitesAsSiteAndReferenceOnly() throws Exception {
        Clk person = randomClk();
        String refA = reference();
        assertThat(send("PUT", "/encodings/" + refA, tokenA, clkBody(person)).status()).isEqualTo(204);

        String refB = reference();
        var answer = send("POST", "/queries", tokenB, queryBody(near(person, 20), refB));
        assertThat(answer.status()).isEqualTo(200);
        JsonNode candidates = json.readTree(answer.body()).get("candidates");
        assertThat(candidates).hasSize(1);
        JsonNode c = candidates.get(0);
        assertThat(c.propertyNames()).containsExactlyInAnyOrder("site", "reference", "sameSite");
        assertThat(c.get("site").stringValue()).isEqualTo(siteA);
        assertThat(c.get("reference").stringValue()).isEqualTo(refA);
        assertThat(c.get("sameSite").booleanValue()).isFalse();
        // No encoding and no similarity in the answer, in any form.
        assertThat(answer.body()).doesNotContain(person.toBase64().substring(0, 24))
                .doesNotContainIgnoringCase("similar").doesNotContainIgnoringCase("score").doesNotContainIgnoringCase("dice")
                .doesNotContain("0.");
        assertThat(json.readTree(answer.body()).propertyNames()).containsExactly("candidates");

        // A different person: no candidate, and nothing about how close the nearest one was.
        var none = send("POST", "/queries", tokenB, queryBody(randomClk(), null));
        assertThat(none.body()).isEqualTo("{\"candidates\":[]}");
    }

    @Test
    void aDuplicateAtTheAskingSiteIsMarkedAndTheAskingRecordIsLeftOut() throws Exception {
        Clk person = randomClk();
        String first = reference();
        String second = reference();
        send("PUT", "/encodings/" + first, tokenA, clkBody(person));
        send("PUT", "/encodings/" + second, tokenA, clkBody(near(person, 10)));
        JsonNode candidates = json.readTree(send("POST", "/queries", tokenA, queryBody(person, first)).body())
                .get("candidates");
        assertThat(candidates).hasSize(1);
        assertThat(candidates.get(0).get("reference").stringValue()).isEqualTo(second);
        assertThat(candidates.get(0).get("sameSite").booleanValue()).isTrue();
    }

    @Test
    void aSiteDeletesOnlyItsOwnEncodings() throws Exception {
        Clk person = randomClk();
        String refA = reference();
        send("PUT", "/encodings/" + refA, tokenA, clkBody(person));
        // Site B deletes "refA": it names B's own (absent) record, so A's stays.
        assertThat(send("DELETE", "/encodings/" + refA, tokenB, null).status()).isEqualTo(204);
        assertThat(candidatesFor(tokenB, person)).hasSize(1);
        assertThat(send("DELETE", "/encodings/" + refA, tokenA, null).status()).isEqualTo(204);
        assertThat(candidatesFor(tokenB, person)).isEmpty();
        assertThat(send("DELETE", "/encodings/" + refA, tokenA, null).status()).isEqualTo(204);
    }

    @Test
    void plaintextAndAnythingThatIsNotAnEncodingIsRefusedWith400() throws Exception {
        String clk = randomClk().toBase64();
        String ref = reference();
        assertRefused("PUT", "/encodings/" + ref, "{\"clk\":\"" + clk + "\",\"name\":\"Aibek Toktogulov\"}", "plaintext-refused");
        assertRefused("PUT", "/encodings/" + ref, "{\"clk\":\"" + clk + "\",\"date_of_birth\":\"1985-03-14\"}", "plaintext-refused");
        assertRefused("POST", "/queries", "{\"clk\":\"" + clk + "\",\"dob\":\"1985-03-14\"}", "plaintext-refused");
        assertRefused("POST", "/queries", "{\"given_name\":\"Aibek\",\"surname\":\"Toktogulov\"}", "plaintext-refused");
        assertRefused("POST", "/encodings", "{\"encodings\":[{\"reference\":\"" + ref + "\",\"clk\":\"" + clk
                + "\",\"surname\":\"Toktogulov\"}]}", "plaintext-refused");
        assertRefused("PUT", "/encodings/" + ref, "{\"clk\":\"" + clk + "\",\"extra\":1}", "unknown-field");
        // Text dressed as base64, padded to the right length.
        String text = "Aibek Toktogulov 1985-03-14 M ".repeat(20).substring(0, bytes());
        assertRefused("PUT", "/encodings/" + ref, clkBody(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII))), "plaintext-refused");
        String cyrillic = "Айнура Сыдыкова 1990-02-03 +996 555 123 456 ".repeat(3);
        assertRefused("PUT", "/encodings/" + ref, clkBody(Base64.getEncoder().encodeToString(
                java.util.Arrays.copyOf(cyrillic.getBytes(StandardCharsets.UTF_8), bytes()))), "plaintext-refused");
        assertRefused("PUT", "/encodings/" + ref, clkBody(Base64.getEncoder().encodeToString(
                text.substring(0, bytes() / 2).getBytes(StandardCharsets.UTF_16LE))), "plaintext-refused");
        assertRefused("PUT", "/encodings/" + ref, "{\"clk\":\"Aibek Toktogulov\"}", "not-an-encoding");
        assertRefused("PUT", "/encodings/" + ref, clkBody(Base64.getEncoder().encodeToString(new byte[64])), "not-an-encoding");
        assertRefused("PUT", "/encodings/" + ref, "{\"clk\":123}", "not-an-encoding");
        assertRefused("PUT", "/encodings/" + ref, "[\"" + clk + "\"]", "not-an-encoding");
        assertRefused("PUT", "/encodings/aibek-toktogulov-1985", clkBody(clk), "not-an-encoding");
        assertRefused("POST", "/queries", "{\"clk\":\"" + clk + "\",\"reference\":\"Aibek\"}", "not-an-encoding");
        var malformed = send("PUT", "/encodings/" + ref, tokenA, "{\"clk\": Aibek");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).doesNotContain("Aibek");
        assertThat(candidatesFor(tokenB, Clk.fromBase64(clk))).isEmpty();
    }

    @Test
    void theHubRunsTheDefaultConfigurationWithItsThresholdAndShape() {
        assertThat(configuration.expected().configuration()).isEqualTo(EncodingConfiguration.DEFAULT);
        assertThat(configuration.bits()).isEqualTo(configuration.expected().bits());
        assertThat(encodings.threshold()).isEqualTo(EncodingConfiguration.DEFAULT.threshold());
        assertThat(configuration.shape().maxFill()).isEqualTo(EncodingConfiguration.DEFAULT.shape().maxFill());
    }

    @Test
    void encodingsOfAnotherConfigurationOrOfNoneAreRefusedWith409AndNothingIsStored() throws Exception {
        Clk person = randomClk();
        String ref = reference();
        ConfiguredEncoding plain = ConfiguredEncoding.of("clinic", EncodingConfiguration.PLAIN);
        assertThat(plain.fingerprint()).isNotEqualTo(configuration.expected().fingerprint());

        for (String header : new String[] {"plain; fingerprint=" + plain.fingerprint(),
                configuration.expected().configuration().id() + "; fingerprint=" + plain.fingerprint(), null,
                "fingerprint=Aibek Toktogulov 1985"}) {
            encodingHeader = header;
            for (var response : java.util.List.of(send("PUT", "/encodings/" + ref, tokenA, clkBody(person)),
                    send("POST", "/encodings", tokenA, "{\"encodings\":[" + item(ref, person) + "]}"),
                    send("POST", "/queries", tokenA, queryBody(person, null)))) {
                assertThat(response.status()).as(String.valueOf(header)).isEqualTo(409);
                JsonNode problem = json.readTree(response.body());
                assertThat(problem.get("type").stringValue()).isEqualTo("urn:ishenim:problem:encoding-mismatch");
                assertThat(problem.at("/expected/configuration").stringValue())
                        .isEqualTo(configuration.expected().configuration().id());
                assertThat(problem.at("/expected/fingerprint").stringValue())
                        .isEqualTo(configuration.expected().fingerprint());
                assertThat(problem.get("detail").stringValue()).contains("Nothing was stored")
                        .contains(configuration.expected().configuration().id());
                assertThat(response.body()).doesNotContain(person.toBase64().substring(0, 24)).doesNotContain("Aibek")
                        .doesNotContain(ref);
                if (header != null && header.startsWith("plain")) {
                    assertThat(problem.at("/received/configuration").stringValue()).isEqualTo("plain");
                    assertThat(problem.at("/received/fingerprint").stringValue()).isEqualTo(plain.fingerprint());
                }
            }
        }
        // a deletion needs no configuration: a clinic can always withdraw what it sent
        assertThat(send("DELETE", "/encodings/" + ref, tokenA, null).status()).isEqualTo(204);
        encodingHeader = configuration.expected().configuration().id() + "; fingerprint="
                + configuration.expected().fingerprint();
        assertThat(candidatesFor(tokenB, person)).isEmpty();
    }

    @Test
    void batchUploadAndTheCountOfUniqueClients() throws Exception {
        encodingsCleared();
        Clk one = randomClk();
        Clk two = randomClk();
        String body = "{\"encodings\":[" + item(reference(), one) + "," + item(reference(), two) + "]}";
        var stored = send("POST", "/encodings", tokenA, body);
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.body()).isEqualTo("{\"stored\":2}");
        send("PUT", "/encodings/" + reference(), tokenB, clkBody(near(one, 12)));

        var census = send("GET", "/unique-clients", basic("hubanalyst", "hubanalyst-password"), null, true);
        assertThat(census.status()).isEqualTo(200);
        JsonNode c = json.readTree(census.body());
        assertThat(c.get("encodings").intValue()).isEqualTo(3);
        assertThat(c.get("uniqueClients").intValue()).isEqualTo(2);
        assertThat(c.get("sites").intValue()).isEqualTo(2);
    }

    @Test
    void countedElsewhereNamesOnlyTheSitesOwnReferencesAndTheMostRecentUploadCounts() throws Exception {
        Clk first = randomClk();
        Clk second = randomClk();
        String a1 = reference();
        String b1 = reference();
        String a2 = reference();
        String b2 = reference();
        String alone = reference();
        // first: A then B (B counts); second: B then A (A counts); alone: A only
        upload(tokenA, a1, first);
        upload(tokenB, b1, near(first, 12));
        upload(tokenB, b2, second);
        upload(tokenA, a2, near(second, 12));
        upload(tokenA, alone, randomClk());

        assertThat(countedElsewhere(tokenA)).containsExactly(a1);
        assertThat(countedElsewhere(tokenB)).containsExactly(b2);

        // A uploads its first client again (a treatment starts there): A now counts them, B does not
        upload(tokenA, a1, first);
        assertThat(countedElsewhere(tokenA)).isEmpty();
        assertThat(countedElsewhere(tokenB)).containsExactlyInAnyOrder(b1, b2);

        var answer = send("GET", "/counted-elsewhere", tokenA, null);
        JsonNode body = json.readTree(answer.body());
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("asOf", "references");
        assertThat(java.time.Instant.parse(body.get("asOf").stringValue())).isEqualTo(clock.instant());
        // never another site's reference, in any answer
        assertThat(answer.body()).doesNotContain(b1).doesNotContain(b2);
        assertThat(send("GET", "/counted-elsewhere", tokenB, null).body()).doesNotContain(a1).doesNotContain(a2)
                .doesNotContain(alone);
        // a site only: hub staff get 403, no token 401
        assertThat(send("GET", "/counted-elsewhere", basic("hubanalyst", "hubanalyst-password"), null, true)
                .status()).isEqualTo(403);
        assertThat(send("GET", "/counted-elsewhere", null, null).status()).isEqualTo(401);
    }

    @Autowired
    ClusterCounts clusterCounts;

    @Test
    void theLastClusterCountIsReadAsItWasWithItsTimeAndItsClustersAcrossSites() throws Exception {
        encodingsCleared();
        Clk shared = randomClk();
        Clk twice = randomClk();
        upload(tokenA, reference(), shared);
        upload(tokenB, reference(), near(shared, 12)); // one person at two sites
        upload(tokenA, reference(), twice);
        upload(tokenA, reference(), near(twice, 12)); // one person twice at one site: not across sites
        upload(tokenB, reference(), randomClk());
        assertThat(clusterCounts.last().map(ClusterCount::countedAt).orElse(java.time.Instant.MIN))
                .as("reading the last count does not count again").isBefore(clock.instant());

        java.time.Instant countedAt = clock.instant();
        assertThat(send("GET", "/unique-clients", basic("hubanalyst", "hubanalyst-password"), null, true).status())
                .isEqualTo(200);
        assertThat(clusterCounts.last()).contains(new ClusterCount(countedAt, 5, 3, 1));

        // a later upload is not in it until the hub counts again (here: a site's counted-elsewhere list)
        upload(tokenB, reference(), near(twice, 12));
        assertThat(clusterCounts.last()).contains(new ClusterCount(countedAt, 5, 3, 1));
        countedElsewhere(tokenA);
        assertThat(clusterCounts.last()).contains(new ClusterCount(clock.instant(), 6, 3, 2));
    }

    /** Uploads one encoding a minute after the last: upload times differ, as they do between two clinics. */
    void upload(String token, String reference, Clk clk) {
        clock.advance(java.time.Duration.ofMinutes(1));
        assertThat(send("PUT", "/encodings/" + reference, token, clkBody(clk)).status()).isEqualTo(204);
    }

    java.util.List<String> countedElsewhere(String token) throws Exception {
        var answer = send("GET", "/counted-elsewhere", token, null);
        assertThat(answer.status()).isEqualTo(200);
        var list = new java.util.ArrayList<String>();
        json.readTree(answer.body()).get("references").forEach(r -> list.add(r.stringValue()));
        return list;
    }

    @Test
    void theSitesPageShowsANewTokenOnceAndKeepsOnlyItsHash() throws Exception {
        var browser = new Http(port).signIn("hubadmin", "hubadmin-password");
        String form = new Http(port).get(null, "/hub/sites?lang=ru").body();
        var pageResponse = browser.get("/hub/sites?lang=ru");
        assertThat(pageResponse.status()).as(pageResponse.headers().toString()).isEqualTo(200);
        String page = pageResponse.body();
        assertThat(form).doesNotContain("Площадки");
        assertThat(page).contains("Площадки").contains(siteA).contains("id=\"unique-clients\"");
        String code = "page-" + run;
        var registered = browser.postForm("/hub/sites", java.util.Map.of("code", code, "name", "Page site",
                "_csrf", Http.csrf(page)));
        assertThat(registered.status()).isEqualTo(200);
        var token = java.util.regex.Pattern.compile("(ishs_[A-Za-z0-9_-]{43})").matcher(registered.body());
        assertThat(token.find()).isTrue();
        assertThat(send("POST", "/queries", token.group(1), clkBody(randomClk())).status()).isEqualTo(200);
        String again = browser.get("/hub/sites").body();
        assertThat(again).contains(code).doesNotContain(token.group(1));
        assertThat(sites.list().stream().filter(s -> s.code().equals(code))).hasSize(1);

        var analyst = new Http(port).signIn("hubanalyst", "hubanalyst-password");
        assertThat(analyst.get("/hub/sites").status()).isEqualTo(403);
    }

    void encodingsCleared() {
        sites.list().stream().filter(s -> !s.code().equals(siteA) && !s.code().equals(siteB))
                .filter(Site::active).forEach(s -> sites.deactivate(s.code()));
    }

    JsonNode candidatesFor(String token, Clk clk) throws Exception {
        return json.readTree(send("POST", "/queries", token, queryBody(clk, null)).body()).get("candidates");
    }

    void assertRefused(String method, String path, String body, String code) throws Exception {
        var response = send(method, path, tokenA, body);
        assertThat(response.status()).as(body).isEqualTo(400);
        assertThat(response.body()).contains(code).doesNotContain("Aibek").doesNotContain("Toktogulov")
                .doesNotContain("1985");
    }

    /** The configured encoding's length in bytes (the default configuration's, unless a test sets another). */
    int bytes() {
        return configuration.bits() / 8;
    }

    /**
     * An encoding's look under the configuration: a Bloom filter's fill (about 35 %) or diffusion's (about 45 %),
     * spread evenly.
     */
    Clk randomClk() {
        byte[] bytes = new byte[bytes()];
        double fill = configuration.expected().configuration().shape() == EncodingConfiguration.Shape.DIFFUSED ? 0.45
                : 0.35;
        for (int bit = 0; bit < bytes.length * 8; bit++) {
            if (random.nextDouble() < fill) {
                bytes[bit / 8] |= (byte) (1 << (bit % 8));
            }
        }
        return Clk.fromBytes(bytes);
    }

    /** The same encoding with {@code flips} bits flipped: Dice stays well above 0.8. */
    Clk near(Clk clk, int flips) {
        byte[] bytes = clk.toBytes();
        for (int i = 0; i < flips; i++) {
            int bit = random.nextInt(bytes.length * 8);
            bytes[bit / 8] ^= (byte) (1 << (bit % 8));
        }
        return Clk.fromBytes(bytes);
    }

    String reference() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String clkBody(Clk clk) {
        return clkBody(clk.toBase64());
    }

    static String clkBody(String base64) {
        return "{\"clk\":\"" + base64 + "\"}";
    }

    static String queryBody(Clk clk, String reference) {
        return reference == null ? clkBody(clk) : "{\"clk\":\"" + clk.toBase64() + "\",\"reference\":\"" + reference + "\"}";
    }

    static String item(String reference, Clk clk) {
        return "{\"reference\":\"" + reference + "\",\"clk\":\"" + clk.toBase64() + "\"}";
    }

    static String basic(String user, String password) {
        return Http.basic(user + ":" + password);
    }

    Http.Response send(String method, String path, String token, String body) {
        return send(method, path, token == null ? null : "Bearer " + token, body, true);
    }

    Http.Response send(String method, String path, String authorization, String body, boolean raw) {
        var headers = new java.util.ArrayList<String>();
        if (authorization != null) {
            headers.addAll(java.util.List.of("Authorization", authorization));
        }
        if (encodingHeader != null) {
            headers.addAll(java.util.List.of(HubEncodingConfiguration.HEADER, encodingHeader));
        }
        return new Http(port).send(null, method, "/api/v1/hub" + path, body,
                headers.isEmpty() ? null : headers.toArray(String[]::new));
    }
}
