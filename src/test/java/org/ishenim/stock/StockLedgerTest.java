package org.ishenim.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ishenim.medicines.Medicine;
import org.ishenim.medicines.Milligrams;
import org.ishenim.staff.StaffAccounts;
import org.ishenim.testing.MutableClock;
import org.ishenim.web.ConflictException;
import org.ishenim.web.ProblemException;
import org.ishenim.web.Roles;
import org.ishenim.web.RuleViolationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.ishenim.testing.BothDatabases;
import org.ishenim.testing.Databases;

/** The ledger: every entry kind, append-only corrections, never negative, and a monthly report that balances. */
@SpringBootTest
@ActiveProfiles("test")
@Import(MutableClock.Config.class)
@BothDatabases
class StockLedgerTest {

    static final SiteCode MAIN = new SiteCode("main");
    static final SiteCode EAST = new SiteCode("east");
    static final Medicine M = Medicine.METHADONE_ORAL_10MG_ML;

    @Autowired
    StockLedger ledger;
    @Autowired
    StockReports reports;
    @Autowired
    Sites sites;
    @Autowired
    StaffAccounts staff;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient db;

    /** Number of random ledgers the property test generates. */
    int seeds() {
        return Databases.isPostgres() ? 8 : 25;
    }

    @BeforeEach
    void setUp() {
        for (var u : List.of("pharmacist", "pharmacist2", "manager")) {
            if (!staff.exists(u)) {
                staff.create(u, u.startsWith("manager") ? Roles.MANAGER : Roles.PHARMACIST, org.ishenim.testing.StaffFixture.PASSWORD, true);
            }
        }
        clock.set(Instant.parse("2026-01-05T04:00:00Z"));
        as("pharmacist");
        db.sql("DELETE FROM stock_signoff").update();
        db.sql("UPDATE stock_entry SET reverses = NULL").update();
        db.sql("DELETE FROM stock_entry").update();
        db.sql("UPDATE stock_balance SET balance_mg = 0").update();
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aManagerAddsAndRenamesSitesAndANewSiteHoldsStock() {
        as("manager");
        String code = "north-" + Long.toHexString(System.nanoTime() & 0xffff);
        assertThat(sites.add(code, "  Бишкек, север  ").name()).isEqualTo("Бишкек, север");
        assertCode(() -> sites.add(code, "again"), "site-exists");
        assertThatThrownBy(() -> sites.add("North Site", "x")).isInstanceOfSatisfying(
                org.ishenim.web.InvalidFieldsException.class, e -> assertThat(e.errors()).containsKey("code"));
        assertThatThrownBy(() -> sites.add("n-2", " ")).isInstanceOfSatisfying(
                org.ishenim.web.InvalidFieldsException.class, e -> assertThat(e.errors()).containsKey("name"));
        sites.rename(code, "Бишкек, северный пункт");
        assertThat(sites.all()).contains(new Site(new SiteCode(code), "Бишкек, северный пункт"));
        assertCode(() -> sites.rename("nowhere", "x"), "unknown-site");

        as("pharmacist");
        ledger.receive(MAIN, M, mg(1000), "Republican pharmacy", "B-9");
        ledger.transfer(MAIN, sites.resolve(code), M, mg(300), null);
        assertThat(ledger.balances()).contains(new Balance(new SiteCode(code), M, mg(300)));
    }

    @Test
    void wasteNeedsAReasonAndAWitnessWhoIsAnotherExistingUser() {
        ledger.receive(MAIN, M, mg(1000), "Republican pharmacy", "B-7");
        assertCode(() -> ledger.waste(MAIN, M, mg(10), "spilled", "pharmacist"), "witness-must-differ");
        assertCode(() -> ledger.waste(MAIN, M, mg(10), "spilled", "nobody-here"), "unknown-witness");
        var waste = ledger.waste(MAIN, M, mg(10), "spilled", "pharmacist2");
        assertThat(waste.delta()).isEqualByComparingTo("-10");
        assertThat(waste.witness()).isEqualTo("pharmacist2");
        assertThat(ledger.balance(MAIN, M)).isEqualTo(mg(990));
    }

    @Test
    void transfersWriteTwoEntriesInOneTransaction() {
        ledger.receive(MAIN, M, mg(500), "Republican pharmacy", "B-7");
        var entries = ledger.transfer(MAIN, EAST, M, mg(200), "weekend cover");
        assertThat(entries).extracting(StockEntry::kind).containsExactly(EntryKind.TRANSFER_OUT, EntryKind.TRANSFER_IN);
        assertThat(ledger.balance(MAIN, M)).isEqualTo(mg(300));
        assertThat(ledger.balance(EAST, M)).isEqualTo(mg(200));
        assertThatThrownBy(() -> ledger.transfer(EAST, MAIN, M, mg(201), "too much")).isInstanceOf(ConflictException.class);
        assertThat(ledger.balance(EAST, M)).isEqualTo(mg(200));
        assertThat(ledger.balance(MAIN, M)).isEqualTo(mg(300));
    }

    @Test
    void aCountBeyondToleranceNeedsAManagersSignOff() {
        ledger.receive(MAIN, M, mg(1000), "Republican pharmacy", "B-7");
        var small = ledger.count(MAIN, M, Milligrams.of("997"), "end of day");
        assertThat(small.variance()).isEqualByComparingTo("-3");
        assertThat(small.needsSignoff()).isFalse();
        var large = ledger.count(MAIN, M, mg(950), "end of day");
        assertThat(large.variance()).isEqualByComparingTo("-50");
        assertThat(large.awaitingSignoff()).isTrue();
        assertThat(ledger.balance(MAIN, M)).isEqualTo(mg(1000));
        assertCode(() -> ledger.signOff(large.id(), "checked"), "signoff-by-other");
        as("manager");
        assertThat(ledger.signOff(large.id(), "checked the bottles").signedOffBy()).isEqualTo("manager");
        assertCode(() -> ledger.signOff(large.id(), "again"), "already-signed-off");
        assertCode(() -> ledger.signOff(small.id(), "no"), "no-signoff-needed");
    }

    @Test
    void correctionsAreReversingEntriesNeverEdits() {
        var receipt = ledger.receive(MAIN, M, mg(1000), "Republican pharmacy", "B-7");
        var reversal = ledger.reverse(receipt.id(), "wrong batch number");
        assertThat(reversal.kind()).isEqualTo(EntryKind.REVERSAL);
        assertThat(reversal.reverses()).isEqualTo(receipt.id());
        assertThat(ledger.entry(receipt.id()).delta()).isEqualByComparingTo("1000");
        assertThat(ledger.balance(MAIN, M).isZero()).isTrue();
        assertCode(() -> ledger.reverse(receipt.id(), "twice"), "already-reversed");
        var second = ledger.receive(MAIN, M, mg(100), "Republican pharmacy", "B-8");
        ledger.dispense(MAIN, M, mg(60), java.util.UUID.randomUUID());
        // reversing the receipt would leave -60
        assertCode(() -> ledger.reverse(second.id(), "mistake"), "insufficient-stock");
    }

    @Test
    void concurrentDispensingCannotOverdraw() throws Exception {
        ledger.receive(MAIN, M, mg(100), "Republican pharmacy", "B-7");
        var pool = Executors.newFixedThreadPool(10);
        var start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            results.add(pool.submit((Callable<Boolean>) () -> {
                start.await();
                try {
                    ledger.dispense(MAIN, M, mg(30), java.util.UUID.randomUUID());
                    return true;
                } catch (ConflictException e) {
                    return false;
                }
            }));
        }
        start.countDown();
        int ok = 0;
        for (var f : results) {
            ok += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(ok).isEqualTo(3);
        assertThat(ledger.balance(MAIN, M)).isEqualTo(mg(10));
    }

    /**
     * Property: for random sequences of receipts, doses, waste, transfers, counts and reversals spread over
     * three months, no balance is ever negative, every month's report balances (opening + movements =
     * closing), and each month opens where the last closed.
     */
    @Test
    void monthlyReportsBalanceOnRandomLedgers() {
        ZoneId zone = ZoneId.of("Asia/Bishkek");
        for (int seed = 1; seed <= seeds(); seed++) {
            setUp();
            var random = new Random(seed);
            Instant t = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(86_400));
            List<Long> reversible = new ArrayList<>();
            int refused = 0;
            for (int i = 0; i < 50; i++) {
                t = t.plus(Duration.ofMinutes(1 + random.nextInt(60 * 40)));
                clock.set(t);
                SiteCode site = random.nextBoolean() ? MAIN : EAST;
                Medicine medicine = random.nextInt(3) == 0 ? Medicine.BUPRENORPHINE_SL_8MG : M;
                Milligrams amount = mg(1 + random.nextInt(400));
                try {
                    switch (random.nextInt(7)) {
                        case 0, 1 -> reversible.add(ledger.receive(site, medicine, mg(100 + random.nextInt(2000)), "supplier", "B").id());
                        case 2 -> ledger.dispense(site, medicine, amount, java.util.UUID.randomUUID());
                        case 3 -> reversible.add(ledger.waste(site, medicine, mg(1 + random.nextInt(20)), "spill", "pharmacist2").id());
                        case 4 -> ledger.transfer(site, site.equals(MAIN) ? EAST : MAIN, medicine, amount, "cover");
                        case 5 -> ledger.count(site, medicine, mg(random.nextInt(3000)), "count");
                        default -> {
                            if (!reversible.isEmpty()) {
                                ledger.reverse(reversible.remove(random.nextInt(reversible.size())), "correction");
                            }
                        }
                    }
                } catch (ConflictException e) {
                    refused++;
                }
                for (Balance b : ledger.balances()) {
                    assertThat(b.balance().value().signum()).isGreaterThanOrEqualTo(0);
                }
            }
            for (SiteCode site : List.of(MAIN, EAST)) {
                BigDecimal[] previousClosing = new BigDecimal[Medicine.values().length];
                for (YearMonth month = YearMonth.of(2025, 12); !month.isAfter(YearMonth.from(t.atZone(zone))); month = month.plusMonths(1)) {
                    MonthlyStockReport report = reports.monthly(site, month);
                    assertThat(report.balances()).as("seed %d %s %s %s", seed, site, month, report).isTrue();
                    BigDecimal[] closing = new BigDecimal[Medicine.values().length];
                    for (var line : report.lines()) {
                        int m = line.medicine().ordinal();
                        BigDecimal expectedOpening = previousClosing[m] == null ? BigDecimal.ZERO : previousClosing[m];
                        assertThat(line.opening()).as("seed %d opening %s", seed, month).isEqualByComparingTo(expectedOpening);
                        closing[m] = line.closing();
                    }
                    previousClosing = closing;
                }
                for (Medicine medicine : Medicine.values()) {
                    BigDecimal sum = db.sql("SELECT COALESCE(SUM(delta_mg), 0) FROM stock_entry WHERE site_code = :s AND medicine = :m")
                            .param("s", site.value()).param("m", medicine.name()).query(BigDecimal.class).single();
                    assertThat(ledger.balance(site, medicine).value()).as("seed %d", seed).isEqualByComparingTo(sum);
                }
            }
            assertThat(refused).isLessThan(50);
        }
    }

    static Milligrams mg(long n) {
        return Milligrams.of(n);
    }

    static void as(String user) {
        String role = user.startsWith("manager") ? "ROLE_MANAGER" : "ROLE_PHARMACIST";
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(user, null, role));
    }

    static void assertCode(Runnable r, String code) {
        assertThatThrownBy(r::run).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(code));
    }

    static void unused(RuleViolationException e) {
    }
}
