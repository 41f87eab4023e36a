package org.ishenim.dosing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.LinkedHashMap;
import java.time.ZoneId;
import java.time.LocalTime;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ishenim.clients.ClientId;
import org.ishenim.clients.ClientRecords;
import org.ishenim.clients.Consents;
import org.ishenim.clients.Purpose;
import org.ishenim.medicines.Medicine;
import org.ishenim.staff.StaffAccounts;
import org.ishenim.stock.SiteCode;
import org.ishenim.stock.StockLedger;
import org.ishenim.testing.Http;
import org.ishenim.testing.StaffFixture;
import org.ishenim.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.ishenim.testing.BothDatabases;
import tools.jackson.databind.JsonNode;

/** Dosing over HTTP: one dose a day, idempotency, refusals, stock in the same transaction, concurrency. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(MutableClock.Config.class)
@BothDatabases
class DispensingFlowTest {

    static final String METHADONE = Medicine.METHADONE_ORAL_10MG_ML.name();
    static final SiteCode MAIN = new SiteCode("main");
    static final LocalDate QUEUE_DAY = LocalDate.of(2026, 6, 15);

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts staff;
    @Autowired
    ClientRecords clients;
    @Autowired
    Consents consents;
    @Autowired
    StockLedger ledger;
    @Autowired
    JdbcClient db;
    @Autowired
    MutableClock clock;
    @Autowired
    org.ishenim.audit.AuditLog audit;
    Http api;

    @BeforeEach
    void setUp() {
        // 10:00 in Bishkek
        clock.set(Instant.parse("2026-03-10T04:00:00Z"));
        StaffFixture.onePerRole(staff);
        api = new Http(port);
        OatFixture.receive(api, "main", METHADONE, "100000");
    }

    @Test
    void dosesOnceAndRefusesTheSecondDoseNamingWhenAndByWhom() {
        ClientId c = OatFixture.client(clients);
        OatFixture.prescribe(api, c, METHADONE, "30", 0);
        BigDecimal before = ledger.balance(MAIN, Medicine.METHADONE_ORAL_10MG_ML).value();

        var first = api.post("nurse", "/api/v1/dispensings", OatFixture.dose(c, "30"), UUID.randomUUID().toString());
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("quantity").asString()).isEqualTo("3 ml");
        assertThat(ledger.balance(MAIN, Medicine.METHADONE_ORAL_10MG_ML).value()).isEqualByComparingTo(before.subtract(BigDecimal.valueOf(30)));

        var second = api.post("nurse2", "/api/v1/dispensings", OatFixture.dose(c, "30"), UUID.randomUUID().toString());
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("dispensedBy").asString()).isEqualTo("nurse");
        assertThat(second.json().get("dispensedAt").asString()).startsWith("2026-03-10T04:00");
        assertThat(second.body()).doesNotContain("client 1").doesNotContain(c.value().toString());
    }

    @Test
    void replayingTheIdempotencyKeyReturnsTheOriginalAndRecordsNothingNew() {
        ClientId c = OatFixture.client(clients);
        OatFixture.prescribe(api, c, METHADONE, "25", 0);
        String key = UUID.randomUUID().toString();
        var first = api.post("nurse", "/api/v1/dispensings", OatFixture.dose(c, "25"), key);
        clock.advance(Duration.ofMinutes(5));
        var replay = api.post("nurse", "/api/v1/dispensings", OatFixture.dose(c, "25"), key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(ledgerRowsFor(c)).isEqualTo(1);
        assertThat(db.sql("SELECT COUNT(*) FROM dispensing WHERE client_id = :c").param("c", c.value())
                .query(Long.class).single()).isEqualTo(1);
        var otherRequest = api.post("nurse", "/api/v1/dispensings", OatFixture.dose(c, "20"), key);
        assertThat(otherRequest.status()).isEqualTo(422);
        var noKey = api.post("nurse", "/api/v1/dispensings", OatFixture.dose(c, "25"), null);
        assertThat(noKey.status()).isEqualTo(400);
    }

    /** The queue is read through three modules (prescriptions, clients, dosing): a search keeps each line's facts. */
    @Test
    void aQueueSearchByUicOrAliasKeepsEachClientsDoseAndConsent() {
        ClientId dosed = OatFixture.client(clients);
        ClientId unconsented = OatFixture.client(clients);
        ClientId unprescribed = OatFixture.client(clients);
        OatFixture.prescribe(api, dosed, METHADONE, "30", 0);
        OatFixture.prescribe(api, unconsented, METHADONE, "25", 0);
        consents.revoke(unconsented, Purpose.TREATMENT);
        assertThat(api.post("nurse", "/api/v1/dispensings", OatFixture.dose(dosed, "30"), key()).status()).isEqualTo(201);

        var byUic = api.post("nurse", "/api/v1/dosing/queue/search",
                "{\"query\":\"" + clients.find(dosed).orElseThrow().uic().value().toLowerCase() + "\"}").json();
        assertThat(byUic.size()).isEqualTo(1);
        assertThat(byUic.get(0).get("clientId").asString()).isEqualTo(dosed.value().toString());
        assertThat(byUic.get(0).get("status").asString()).isEqualTo("DOSED");
        assertThat(byUic.get(0).get("dosedBy").asString()).isEqualTo("nurse");

        String alias = clients.find(unconsented).orElseThrow().alias();
        var byAlias = api.post("nurse", "/api/v1/dosing/queue/search", "{\"query\":\"" + alias.toUpperCase() + "\"}")
                .json();
        List<String> ids = new ArrayList<>();
        byAlias.forEach(line -> {
            assertThat(line.get("alias").asString()).containsIgnoringCase(alias);
            ids.add(line.get("clientId").asString());
        });
        assertThat(ids).contains(unconsented.value().toString()).doesNotContain(unprescribed.value().toString());
        var line = byAlias.get(ids.indexOf(unconsented.value().toString()));
        assertThat(line.get("status").asString()).isEqualTo("BLOCKED");
        assertThat(line.get("blockReason").asString()).isEqualTo("no-treatment-consent");
        assertThat(line.get("prescribed").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(25));
    }

    @Test
    void refusesWithoutPrescriptionWithoutConsentAndWithAnotherDose() {
        ClientId none = OatFixture.client(clients);
        assertThat(problem(api.post("nurse", "/api/v1/dispensings", OatFixture.dose(none, "30"), key())))
                .isEqualTo("422 no-active-prescription");

        ClientId c = OatFixture.client(clients);
        OatFixture.prescribe(api, c, METHADONE, "30", 0);
        assertThat(problem(api.post("nurse", "/api/v1/dispensings", OatFixture.dose(c, "35"), key())))
                .isEqualTo("422 dose-mismatch");
        consents.revoke(c, Purpose.TREATMENT);
        assertThat(problem(api.post("nurse", "/api/v1/dispensings", OatFixture.dose(c, "30"), key())))
                .isEqualTo("422 no-treatment-consent");
        assertThat(api.post("doctor", "/api/v1/dispensings", OatFixture.dose(c, "30"), key()).status()).isEqualTo(403);
        assertThat(ledgerRowsFor(c)).isZero();
        // each refusal is on the client's access record, with its code
        assertThat(audit.verify().valid()).isTrue();
        assertThat(db.sql("SELECT purpose FROM audit_entry WHERE client_id = :c AND action = 'dose.refused' ORDER BY seq")
                .param("c", c.value()).query(String.class).list()).containsExactly("dose-mismatch", "no-treatment-consent");
        assertThat(db.sql("SELECT purpose FROM audit_entry WHERE client_id = :c AND action = 'dose.refused'")
                .param("c", none.value()).query(String.class).list()).containsExactly("no-active-prescription");
    }

    @Test
    void refusesADoseThatWouldDriveStockNegative() {
        ClientId c = OatFixture.client(clients);
        OatFixture.prescribe(api, c, METHADONE, "30", 0);
        OatFixture.receive(api, "east", METHADONE, "20");
        var r = api.post("nurse", "/api/v1/dispensings", """
                {"clientId":"%s","doseMg":"30","site":"east"}""".formatted(c.value()), key());
        assertThat(problem(r)).isEqualTo("409 insufficient-stock");
        assertThat(ledger.balance(new SiteCode("east"), Medicine.METHADONE_ORAL_10MG_ML).value()).isEqualByComparingTo("20");
        assertThat(db.sql("SELECT COUNT(*) FROM dose_day WHERE client_id = :c").param("c", c.value()).query(Long.class)
                .single()).isZero();
        // after a receipt the same dose goes through
        OatFixture.receive(api, "east", METHADONE, "10");
        assertThat(api.post("nurse", "/api/v1/dispensings", """
                {"clientId":"%s","doseMg":"30","site":"east"}""".formatted(c.value()), key()).status()).isEqualTo(201);
        assertThat(ledger.balance(new SiteCode("east"), Medicine.METHADONE_ORAL_10MG_ML).isZero()).isTrue();
    }

    @Test
    void twentyConcurrentDosesOfOneClientGiveExactlyOneDose() throws Exception {
        ClientId c = OatFixture.client(clients);
        OatFixture.prescribe(api, c, METHADONE, "30", 0);
        BigDecimal before = ledger.balance(MAIN, Medicine.METHADONE_ORAL_10MG_ML).value();
        int threads = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        var start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String nurse = i % 2 == 0 ? "nurse" : "nurse2";
            String site = i % 3 == 0 ? "east" : "main";
            results.add(pool.submit(() -> {
                start.await();
                return api.post(nurse, "/api/v1/dispensings", """
                        {"clientId":"%s","doseMg":"30","site":"main"}""".formatted(c.value()), key()).status();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (var f : results) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(Collections.frequency(statuses, 201)).as(statuses.toString()).isEqualTo(1);
        assertThat(Collections.frequency(statuses, 409)).as(statuses.toString()).isEqualTo(threads - 1);
        assertThat(ledgerRowsFor(c)).isEqualTo(1);
        assertThat(ledger.balance(MAIN, Medicine.METHADONE_ORAL_10MG_ML).value())
                .isEqualByComparingTo(before.subtract(BigDecimal.valueOf(30)));
    }

    @Test
    void missedDaysProposeHalfThenBlockUntilADoctorReviews() {
        ClientId c = OatFixture.client(clients);
        OatFixture.prescribe(api, c, METHADONE, "30", 0);
        assertThat(api.post("nurse", "/api/v1/dispensings", OatFixture.dose(c, "30"), key()).status()).isEqualTo(201);
        // three days missed: half
        clock.advance(Duration.ofDays(4));
        assertThat(problem(api.post("nurse", "/api/v1/dispensings", OatFixture.dose(c, "30"), key())))
                .isEqualTo("422 dose-mismatch");
        assertThat(api.post("nurse", "/api/v1/dispensings", OatFixture.dose(c, "15"), key()).status()).isEqualTo(201);
        // four days missed: blocked
        clock.advance(Duration.ofDays(5));
        assertThat(problem(api.post("nurse", "/api/v1/dispensings", OatFixture.dose(c, "30"), key())))
                .isEqualTo("422 review-required");
        var review = api.post("doctor", "/api/v1/dosing/reviews", """
                {"clientId":"%s","doseMg":"20","reason":"seen, not intoxicated"}""".formatted(c.value()));
        assertThat(problem(review)).isEqualTo("422 restart-dose-too-high");
        review = api.post("doctor", "/api/v1/dosing/reviews", """
                {"clientId":"%s","doseMg":"15","reason":"seen, not intoxicated"}""".formatted(c.value()));
        assertThat(review.status()).isEqualTo(201);
        assertThat(api.post("nurse", "/api/v1/dispensings", OatFixture.dose(c, "15"), key()).status()).isEqualTo(201);
    }

    @Test
    void takeHomeDosesCoverTheFollowingDaysAndBottlesComeBack() {
        ClientId c = OatFixture.client(clients);
        OatFixture.prescribe(api, c, METHADONE, "30", 2);
        var r = api.post("nurse", "/api/v1/dispensings", """
                {"clientId":"%s","doseMg":"30","takeHomeDays":3}""".formatted(c.value()), key());
        assertThat(problem(r)).isEqualTo("422 take-home-not-allowed");
        r = api.post("nurse", "/api/v1/dispensings", """
                {"clientId":"%s","doseMg":"30","takeHomeDays":2,"bottlesGiven":2}""".formatted(c.value()), key());
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("totalMg").asString()).isEqualTo("90");
        String id = r.json().get("id").asString();
        clock.advance(Duration.ofDays(2));
        var covered = api.post("nurse", "/api/v1/dispensings", OatFixture.dose(c, "30"), key());
        assertThat(problem(covered)).isEqualTo("409 already-dosed");
        assertThat(covered.json().get("takeHome").asBoolean()).isTrue();
        clock.advance(Duration.ofDays(1));
        assertThat(api.post("nurse", "/api/v1/dispensings", OatFixture.dose(c, "30"), key()).status()).isEqualTo(201);
        assertThat(api.post("nurse", "/api/v1/dispensings/" + id + "/returns", "{\"bottles\":2}").status()).isEqualTo(204);
        assertThat(problem(api.post("nurse", "/api/v1/dispensings/" + id + "/returns", "{\"bottles\":1}")))
                .isEqualTo("422 too-many-bottles");
    }

    @Test
    void theDoseDayIsTheCalendarDayInBishkek() {
        ClientId c = OatFixture.client(clients);
        OatFixture.prescribe(api, c, METHADONE, "30", 0);
        // 23:59:30 on 10 March in Bishkek (UTC+6) is 17:59:30 UTC
        clock.set(Instant.parse("2026-03-10T17:59:30Z"));
        assertThat(api.post("nurse", "/api/v1/dispensings", OatFixture.dose(c, "30"), key()).status()).isEqualTo(201);
        clock.set(Instant.parse("2026-03-10T17:59:59Z"));
        assertThat(api.post("nurse", "/api/v1/dispensings", OatFixture.dose(c, "30"), key()).status()).isEqualTo(409);
        // one minute later it is 11 March in Bishkek, still 10 March in UTC
        clock.set(Instant.parse("2026-03-10T18:00:30Z"));
        var next = api.post("nurse", "/api/v1/dispensings", OatFixture.dose(c, "30"), key());
        assertThat(next.status()).isEqualTo(201);
        assertThat(next.json().get("coveredDays").get(0).asString()).isEqualTo("2026-03-11");
    }

    @Test
    void everyDoseHasItsLedgerAndAuditEntry() {
        ClientId c = OatFixture.client(clients);
        OatFixture.prescribe(api, c, METHADONE, "30", 0);
        var r = api.post("nurse", "/api/v1/dispensings", OatFixture.dose(c, "30"), key());
        assertThat(r.status()).isEqualTo(201);
        assertThat(audit.verify().valid()).isTrue();
        assertThat(db.sql("SELECT COUNT(*) FROM audit_entry WHERE client_id = :c AND action = 'dose.dispense'")
                .param("c", c.value()).query(Long.class).single()).isEqualTo(1);
        assertThat(api.get("pharmacist", "/api/v1/stock").status()).isEqualTo(200);
    }

    @Test
    void aHighDoseTakesEffectOnlyAfterASecondDoctorCountersigns() {
        String bup = Medicine.BUPRENORPHINE_SL_8MG.name();
        OatFixture.receive(api, "main", bup, "1000");
        ClientId c = OatFixture.client(clients);
        String id = OatFixture.prescribe(api, c, bup, "24", 0);
        assertThat(api.post("nurse", "/api/v1/dispensings", OatFixture.dose(c, "24"), key()).status()).isEqualTo(201);
        clock.advance(Duration.ofDays(2));
        assertThat(api.post("nurse", "/api/v1/dispensings", OatFixture.dose(c, "24"), key()).status()).isEqualTo(201);
        clock.advance(Duration.ofDays(1));
        var change = api.post("doctor", "/api/v1/prescriptions/" + id + "/versions", """
                {"dailyDoseMg":"32","reason":"cravings persist"}""");
        assertThat(change.status()).isEqualTo(201);
        assertThat(change.json().get("prescription").get("pending").get("dailyDose").asString()).startsWith("32");
        // until countersigned, 24 mg stays in effect
        assertThat(problem(api.post("nurse", "/api/v1/dispensings", OatFixture.dose(c, "32"), key())))
                .isEqualTo("422 dose-mismatch");
        assertThat(problem(api.post("doctor", "/api/v1/prescriptions/" + id + "/countersignature", "{}")))
                .isEqualTo("422 countersign-by-second-doctor");
        assertThat(api.post("doctor2", "/api/v1/prescriptions/" + id + "/countersignature", "{}").status()).isEqualTo(200);
        assertThat(api.post("nurse", "/api/v1/dispensings", OatFixture.dose(c, "32"), key()).status()).isEqualTo(201);
        var history = api.get("doctor", "/api/v1/prescriptions?clientId=" + c.value());
        assertThat(history.json().get(0).get("versions").size()).isEqualTo(2);
        assertThat(history.json().get(0).get("versions").get(0).get("countersignedBy").asString()).isEqualTo("doctor2");
        assertThat(history.json().get(0).get("versions").get(0).get("reason").asString()).isEqualTo("cravings persist");
    }

    @Test
    void endingAPrescriptionKeepsWhyAndByWhomOutsideTheAuditChain() {
        ClientId c = OatFixture.client(clients);
        String id = OatFixture.prescribe(api, c, METHADONE, "30", 0);
        assertThat(api.post("doctor", "/api/v1/prescriptions/" + id + "/end", "{}").status()).isEqualTo(400);
        var ended = api.post("doctor", "/api/v1/prescriptions/" + id + "/end", """
                {"reason":"moved to the Osh programme"}""");
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.json().get("status").asString()).isEqualTo("ENDED");
        assertThat(ended.json().get("endReason").asString()).isEqualTo("moved to the Osh programme");
        assertThat(ended.json().get("endedBy").asString()).isEqualTo("doctor");
        assertThat(problem(api.post("nurse", "/api/v1/dispensings", OatFixture.dose(c, "30"), key())))
                .isEqualTo("422 no-active-prescription");
        assertThat(audit.verify().valid()).isTrue();
        assertThat(db.sql("SELECT COUNT(*) FROM audit_entry WHERE client_id = :c AND action = 'prescription.end' AND purpose IS NULL")
                .param("c", c.value()).query(Long.class).single()).isEqualTo(1);
    }

    /** Longer than its column: a 400 naming the field, never cut short, never a database error quoting it. */
    @Test
    void freeTextLongerThanItsColumnIsRefused() {
        ClientId c = OatFixture.client(clients);
        var notes = api.post("doctor", "/api/v1/prescriptions", """
                {"clientId":"%s","medicine":"%s","dailyDoseMg":"30","notes":"%s"}""".formatted(c.value(), METHADONE, "n".repeat(1001)));
        assertThat(notes.status()).isEqualTo(400);
        assertThat(notes.json().get("errors").get("notes").asString()).isEqualTo("At most 1000 characters.");
        String id = OatFixture.prescribe(api, c, METHADONE, "30", 0);
        clock.advance(Duration.ofDays(3));
        var reason = api.post("doctor", "/api/v1/prescriptions/" + id + "/versions", """
                {"dailyDoseMg":"35","reason":"%s"}""".formatted("ж".repeat(301)));
        assertThat(reason.status()).isEqualTo(400);
        assertThat(reason.json().get("errors").get("reason").asString()).isEqualTo("At most 300 characters.");
        // 300 characters of Cyrillic fit: the limit counts characters, not bytes
        assertThat(api.post("doctor", "/api/v1/prescriptions/" + id + "/versions", """
                {"dailyDoseMg":"35","reason":"%s"}""".formatted("ж".repeat(300))).status()).isEqualTo(201);
        var batch = api.post("pharmacist", "/api/v1/stock/receipts", """
                {"site":"main","medicine":"%s","amountMg":"100","supplier":"Republican pharmacy","batch":"%s"}
                """.formatted(METHADONE, "B".repeat(61)));
        assertThat(batch.status()).isEqualTo(400);
        assertThat(batch.json().get("errors").get("batch").asString()).isEqualTo("At most 60 characters.");
        var huge = api.post("pharmacist", "/api/v1/stock/receipts", """
                {"site":"main","medicine":"%s","amountMg":"1E+500000000","supplier":"Republican pharmacy","batch":"B-2"}
                """.formatted(METHADONE));
        assertThat(huge.status()).isEqualTo(400); // an exponent is not plain decimal notation: refused unread
        assertThat(huge.json().get("detail").asString()).isEqualTo("An amount in mg must be a number such as 30 or 37.5.");
        var long_ = api.post("pharmacist", "/api/v1/stock/receipts", """
                {"site":"main","medicine":"%s","amountMg":"%s","supplier":"Republican pharmacy","batch":"B-2"}
                """.formatted(METHADONE, "9".repeat(20)));
        assertThat(long_.status()).isEqualTo(400);
        assertThat(long_.json().get("detail").asString()).isEqualTo("An amount in mg is too large.");
    }

    @Test
    void titrationRulesRefuseWithAClearReason() {
        ClientId c = OatFixture.client(clients);
        String id = OatFixture.prescribe(api, c, METHADONE, "30", 0);
        assertThat(problem(api.post("doctor", "/api/v1/prescriptions/" + id + "/versions", """
                {"dailyDoseMg":"35","reason":"withdrawal"}"""))).isEqualTo("422 increase-too-soon");
        clock.advance(Duration.ofDays(3));
        var tooLarge = api.post("doctor", "/api/v1/prescriptions/" + id + "/versions", """
                {"dailyDoseMg":"45","reason":"withdrawal"}""");
        assertThat(problem(tooLarge)).isEqualTo("422 increase-too-large");
        assertThat(tooLarge.json().get("detail").asString()).contains("10 mg");
        assertThat(problem(api.post("doctor", "/api/v1/prescriptions", """
                {"clientId":"%s","medicine":"METHADONE_ORAL_10MG_ML","dailyDoseMg":"30"}""".formatted(c.value()))))
                .isEqualTo("409 prescription-active");
        ClientId other = OatFixture.client(clients);
        assertThat(problem(api.post("doctor", "/api/v1/prescriptions", """
                {"clientId":"%s","medicine":"METHADONE_ORAL_10MG_ML","dailyDoseMg":"40"}""".formatted(other.value()))))
                .isEqualTo("422 induction-dose-too-high");
        assertThat(api.post("nurse", "/api/v1/prescriptions", """
                {"clientId":"%s","medicine":"METHADONE_ORAL_10MG_ML","dailyDoseMg":"20"}""".formatted(other.value())).status())
                .isEqualTo(403);
    }

    long ledgerRowsFor(ClientId c) {
        return db.sql("""
                SELECT COUNT(*) FROM stock_entry e JOIN dispensing d ON d.id = e.dispensing_id WHERE d.client_id = :c
                """).param("c", c.value()).query(Long.class).single();
    }

    /**
     * The queue (and the client's panel, which shows the same line) foretells what recording the dose does, rule by
     * rule: a line due is given at the dose it proposes, a blocked line is refused with the reason it shows, a dosed
     * line is a conflict. Both ask {@link DoseDay}; this checks that the facts each reads agree too.
     */
    @Test
    void everyLineOfTheQueueForetellsWhatRecordingItsDoseDoes() {
        // the rule each client meets today, and the queue's line for it
        Map<String, ClientId> who = new LinkedHashMap<>();
        who.put("BLOCKED reinduction-required", dosedOn(QUEUE_DAY.minusDays(6)));
        who.put("BLOCKED review-required", dosedOn(QUEUE_DAY.minusDays(5)));
        who.put("DUE HALF", dosedOn(QUEUE_DAY.minusDays(4)));
        who.put("DUE NORMAL", dosedOn(QUEUE_DAY.minusDays(1)));
        ClientId revoked = dosedOn(QUEUE_DAY.minusDays(1));
        who.put("BLOCKED no-treatment-consent", revoked);
        ClientId dosedTodayThenRevoked = dosedOn(QUEUE_DAY);
        who.put("DOSED NORMAL", dosedOn(QUEUE_DAY));
        at(QUEUE_DAY);
        consents.revoke(revoked, Purpose.TREATMENT);
        consents.revoke(dosedTodayThenRevoked, Purpose.TREATMENT);
        who.put("BLOCKED no-treatment-consent (after today's dose)", dosedTodayThenRevoked);
        ClientId pending = OatFixture.client(clients); // buprenorphine above 24 mg waits for a second doctor
        OatFixture.prescribe(api, pending, Medicine.BUPRENORPHINE_SL_8MG.name(), "32", 0);
        who.put("BLOCKED countersign-pending", pending);

        Map<String, JsonNode> lines = new LinkedHashMap<>();
        api.get("nurse", "/api/v1/dosing/queue").json().forEach(line -> lines.put(line.get("clientId").asString(), line));
        who.forEach((expected, client) -> {
            JsonNode line = lines.get(client.value().toString());
            String reason = present(line, "blockReason") ? line.get("blockReason").asString() : null;
            String shown = line.get("status").asString() + " " + (reason == null ? line.get("band").asString() : reason);
            assertThat(expected).as("the queue's line").startsWith(shown);
            var recorded = api.post("nurse", "/api/v1/dispensings", OatFixture.dose(client, dose(line)),
                    key());
            String outcome = switch (line.get("status").asString()) {
                case "DUE" -> "201 " + recorded.body();
                case "BLOCKED" -> "422 " + reason;
                default -> "409 already-dosed";
            };
            assertThat(problem(recorded)).as(expected).isEqualTo(outcome);
        });
    }

    /** The dose the line proposes, else the one prescribed, else any. */
    static String dose(JsonNode line) {
        for (String field : new String[] {"proposed", "prescribed"}) {
            if (present(line, field)) {
                return line.get(field).decimalValue().toPlainString();
            }
        }
        return "32";
    }

    static boolean present(JsonNode line, String field) {
        return !line.path(field).isNull() && !line.path(field).isMissingNode();
    }

    /** A new client on 30 mg methadone from {@code day}, dosed that day. */
    ClientId dosedOn(LocalDate day) {
        at(day);
        ClientId c = OatFixture.client(clients);
        OatFixture.prescribe(api, c, METHADONE, "30", 0);
        var r = api.post("nurse", "/api/v1/dispensings", OatFixture.dose(c, "30"), key());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return c;
    }

    /** 10:00 in Bishkek on {@code day}. */
    void at(LocalDate day) {
        clock.set(day.atTime(LocalTime.of(10, 0)).atZone(ZoneId.of("Asia/Bishkek")).toInstant());
    }

    static String problem(Http.Response r) {
        if (r.status() < 400) {
            return r.status() + " " + r.body();
        }
        String type = r.json().path("type").asString("");
        return r.status() + " " + type.replace("urn:ishenim:problem:", "");
    }

    static String key() {
        return UUID.randomUUID().toString();
    }
}
