package org.ishenim.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.ishenim.linkage.Clk;
import org.ishenim.testing.Acting;
import org.ishenim.testing.DatabaseDump;
import org.ishenim.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The hub's encodings are identifying data: encrypted at rest and bound to their row, every read audited, and kept
 * only while their clinic refreshes them. Runs on H2 ({@link HubEncodingsAtRestH2Test}) and PostgreSQL
 * ({@link HubEncodingsAtRestPostgresTest}).
 */
@SpringBootTest(properties = {"ishenim.role=hub", "ishenim.hub.encoding-expiry.cron=-"})
@ActiveProfiles("test")
@Import(MutableClock.Config.class)
@org.ishenim.testing.BothDatabases
class HubEncodingsAtRestTest {

    @Autowired
    HubEncodings encodings;
    @Autowired
    HubSites sites;
    @Autowired
    JdbcClient db;
    @Autowired
    DataSource dataSource;
    @Autowired
    MutableClock clock;

    static int run;
    final Random random = new Random();
    String siteA;
    String siteB;

    @BeforeEach
    void sites() {
        run++;
        siteA = "rest-a-" + run;
        siteB = "rest-b-" + run;
        sites.register(siteA, "Site A");
        sites.register(siteB, "Site B");
    }

    @AfterEach
    void nobody() {
        Acting.nobody();
    }

    @Test
    void theTableNeverHoldsAnEncodingInAnyFormAndTheHubStillFindsItAfterARestart() {
        Clk clk = randomClk();
        String ref = reference();
        encodings.put(siteA, List.of(new EncodingPayloads.Item(ref, clk)));

        String dump = DatabaseDump.of(dataSource);
        assertThat(forms(clk)).allSatisfy(form -> assertThat(dump).doesNotContain(form));
        String stored = db.sql("SELECT clk FROM hub_encoding WHERE site_code = :s AND reference = :r")
                .param("s", siteA).param("r", ref).query(String.class).single();
        assertThat(indexOf(Base64.getDecoder().decode(stored), slice(clk.toBytes(), 40, 24))).isNegative();

        encodings.load(); // as at start-up: the index comes from the database
        assertThat(candidates(siteB, clk)).containsExactly(new HubEncodings.Candidate(siteA, ref, false));
    }

    @Test
    void aRowCopiedToAnotherReferenceOrSiteFailsToDecryptAndIsRefused() {
        Clk clk = randomClk();
        String ref = reference();
        String elsewhere = reference();
        encodings.put(siteA, List.of(new EncodingPayloads.Item(ref, clk)));
        db.sql("""
                INSERT INTO hub_encoding (site_code, reference, clk, updated_at)
                SELECT site_code, :other, clk, updated_at FROM hub_encoding WHERE site_code = :s AND reference = :r
                """).param("other", elsewhere).param("s", siteA).param("r", ref).update();
        db.sql("""
                INSERT INTO hub_encoding (site_code, reference, clk, updated_at)
                SELECT :b, reference, clk, updated_at FROM hub_encoding WHERE site_code = :s AND reference = :r
                """).param("b", siteB).param("s", siteA).param("r", ref).update();

        encodings.load();

        assertThat(candidates(siteB, clk)).containsExactly(new HubEncodings.Candidate(siteA, ref, false));
        assertThat(audited("hub.encodings.refused")).anySatisfy(p -> assertThat(p).startsWith("2 "));
    }

    @Test
    void everyReadOfEncodingsIsAuditedWithWhoAndHowManyAndNeverTheEncoding() {
        Clk clk = randomClk();
        encodings.put(siteA, List.of(new EncodingPayloads.Item(reference(), clk)));

        encodings.load();
        assertThat(auditedBy("hub.encodings.load", "system")).isNotEmpty()
                .allSatisfy(p -> assertThat(p).matches("[0-9]+ encodings.*"));

        Acting.as(siteB, "SITE");
        candidates(siteB, clk);
        assertThat(auditedBy("hub.query", siteB)).singleElement().asString().matches("compared [0-9]+ encodings: 1 candidates");

        Acting.as("analyst-" + run, "ANALYST");
        encodings.census();
        encodings.census(); // a cached count is a read too
        assertThat(auditedBy("hub.unique-clients", "analyst-" + run)).hasSize(2)
                .allSatisfy(p -> assertThat(p).matches("[0-9]+ encodings: [0-9]+ unique clients"));

        String audit = String.join("\n", db.sql("SELECT COALESCE(purpose, '') FROM audit_pending UNION ALL "
                + "SELECT COALESCE(purpose, '') FROM audit_entry").query(String.class).list());
        assertThat(forms(clk)).allSatisfy(form -> assertThat(audit).doesNotContain(form));
    }

    @Autowired
    EncodingSealMigration sealMigration;

    @Test
    void encodingsStoredInClearBeforeAreEncryptedByTheMigrationWithoutLoss() throws Exception {
        Clk clk = randomClk();
        String ref = reference();
        // as a hub upgraded from a version without encryption at rest stored it: base64 in clear
        db.sql("INSERT INTO hub_encoding (site_code, reference, clk, updated_at) VALUES (:s, :r, :clk, :at)")
                .param("s", siteA).param("r", ref).param("clk", clk.toBase64())
                .param("at", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)).update();
        Clk sealedBefore = randomClk();
        String alreadySealed = reference();
        encodings.put(siteA, List.of(new EncodingPayloads.Item(alreadySealed, sealedBefore)));

        try (var connection = dataSource.getConnection()) {
            assertThat(sealMigration.migrate(connection)).isEqualTo(1);
            assertThat(sealMigration.migrate(connection)).isZero(); // a ciphertext is left as it is
        }

        String dump = DatabaseDump.of(dataSource);
        assertThat(forms(clk)).allSatisfy(form -> assertThat(dump).doesNotContain(form));
        assertThat(audited("hub.encodings.seal")).contains("1 encodings stored in clear were encrypted at rest");
        encodings.load();
        assertThat(candidates(siteB, clk)).containsExactly(new HubEncodings.Candidate(siteA, ref, false));
        assertThat(candidates(siteB, sealedBefore)).containsExactly(new HubEncodings.Candidate(siteA, alreadySealed, false));
    }

    @Test
    void anEncodingItsSiteDoesNotRefreshWithinTheRetentionIsDeletedFromTheTableTheIndexAndTheCount() {
        db.sql("DELETE FROM hub_encoding").update(); // what earlier tests left
        encodings.load();
        Clk kept = randomClk();
        Clk dropped = randomClk();
        String keptRef = reference();
        String droppedRef = reference();
        encodings.put(siteA, List.of(new EncodingPayloads.Item(keptRef, kept), new EncodingPayloads.Item(droppedRef, dropped)));
        encodings.put(siteB, List.of(new EncodingPayloads.Item(reference(), near(dropped))));
        int before = encodings.census().uniqueClients();

        clock.advance(java.time.Duration.ofDays(60));
        encodings.put(siteA, List.of(new EncodingPayloads.Item(keptRef, kept))); // the clinic refreshes one
        assertThat(encodings.expire()).isZero();
        clock.advance(java.time.Duration.ofDays(31)); // 91 days after the first upload, 31 after the refresh

        assertThat(encodings.expire()).isEqualTo(2); // siteA's dropped one and siteB's near copy
        assertThat(db.sql("SELECT reference FROM hub_encoding WHERE site_code IN (:a, :b)").param("a", siteA)
                .param("b", siteB).query(String.class).list()).containsExactly(keptRef);
        assertThat(candidates(siteB, dropped)).isEmpty();
        assertThat(candidates(siteB, kept)).containsExactly(new HubEncodings.Candidate(siteA, keptRef, false));
        assertThat(encodings.census().uniqueClients()).isEqualTo(before - 1);
        assertThat(audited("hub.encodings.expire")).contains("2 encodings not refreshed within PT2160H");
        encodings.load();
        assertThat(candidates(siteB, dropped)).isEmpty();
    }

    @Test
    void withoutAKeyOutsideTheDemoTheHubDoesNotStartAndSaysWhy() {
        var tmp = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EncodingVault("", "", false, tmp.toString(), false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ishenim.master-key-file")
                .hasMessageContaining("ISHENIM_MASTER_KEY");
    }

    /** The same encoding with a few bits flipped: a candidate. */
    Clk near(Clk clk) {
        byte[] bytes = clk.toBytes();
        for (int i = 0; i < 10; i++) {
            int bit = random.nextInt(1024);
            bytes[bit / 8] ^= (byte) (1 << (bit % 8));
        }
        return Clk.fromBytes(bytes);
    }

    List<HubEncodings.Candidate> candidates(String site, Clk clk) {
        return encodings.query(site, null, clk);
    }

    List<String> audited(String action) {
        return db.sql("SELECT purpose FROM audit_pending WHERE action = :a UNION ALL "
                + "SELECT purpose FROM audit_entry WHERE action = :a").param("a", action).query(String.class).list();
    }

    List<String> auditedBy(String action, String actor) {
        return db.sql("SELECT purpose FROM audit_pending WHERE action = :a AND actor = :who UNION ALL "
                + "SELECT purpose FROM audit_entry WHERE action = :a AND actor = :who")
                .param("a", action).param("who", actor).query(String.class).list();
    }

    /** The encoding as base64, URL-safe base64 and hex, each a 24-character piece from its middle. */
    static List<String> forms(Clk clk) {
        byte[] piece = slice(clk.toBytes(), 30, 18);
        String hex = HexFormat.of().formatHex(piece);
        return List.of(Base64.getEncoder().encodeToString(piece), Base64.getUrlEncoder().encodeToString(piece), hex,
                hex.toUpperCase(java.util.Locale.ROOT), clk.toBase64().substring(40, 64));
    }

    static byte[] slice(byte[] bytes, int from, int length) {
        return java.util.Arrays.copyOfRange(bytes, from, from + length);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A Bloom filter's look: each bit set with the clinic schema's fill (about 35 %). */
    Clk randomClk() {
        byte[] bytes = new byte[128];
        for (int bit = 0; bit < 1024; bit++) {
            if (random.nextDouble() < 0.35) {
                bytes[bit / 8] |= (byte) (1 << (bit % 8));
            }
        }
        return Clk.fromBytes(bytes);
    }

    String reference() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
