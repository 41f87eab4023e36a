package org.ishenim.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import org.ishenim.testing.BothDatabases;

/** The chain under concurrent writers, and entries that share their transaction's fate. */
@SpringBootTest
@ActiveProfiles("test")
@BothDatabases
class AuditChainTest {

    @Autowired AuditLog audit;
    @Autowired TransactionTemplate tx;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient db;

    @Test
    void concurrentWritersKeepOneValidChain() throws Exception {
        long before = audit.verify().entries();
        var pool = Executors.newFixedThreadPool(16);
        var tasks = new ArrayList<Callable<Void>>();
        for (int i = 0; i < 200; i++) {
            tasks.add(() -> {
                tx.executeWithoutResult(s -> {
                    audit.recordAs("worker", "NURSE", "test.write", UUID.randomUUID(), null, Outcome.SUCCESS);
                    audit.recordAs("worker", "NURSE", "test.write", null, "second in tx", Outcome.SUCCESS);
                });
                return null;
            });
        }
        for (var f : pool.invokeAll(tasks)) {
            f.get();
        }
        pool.shutdown();
        var result = audit.verify();
        assertThat(result.valid()).isTrue();
        assertThat(result.entries()).isEqualTo(before + 400);
    }

    /** The chain holds codes and known accounts: text that is no code is kept as a keyed hash or not at all. */
    @Test
    void textThatIsNoCodeNeverReachesTheChain() {
        UUID client = UUID.randomUUID();
        tx.executeWithoutResult(s -> audit.recordAs("Айнура Сыдыкова", "NONE", "test.text", client,
                "Айнура ВИЧ\u0000", Outcome.DENIED));
        tx.executeWithoutResult(s -> audit.recordAs("worker", "NURSE", "test.\u202Eaction Сыдыкова", client, "12 results",
                Outcome.SUCCESS));
        var entries = audit.accessesTo(client);
        assertThat(entries).hasSize(2);
        assertThat(entries).allSatisfy(e -> assertThat(e.actor() + e.action() + e.purpose()).doesNotContain("Сыдыкова")
                .doesNotContain("Айнура").doesNotContain("\u0000").doesNotContain("\u202E"));
        assertThat(entries).anySatisfy(e -> assertThat(e.actor()).startsWith("unknown:"));
        assertThat(entries).anySatisfy(e -> assertThat(e.purpose()).isEqualTo("12 results"));
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void aRolledBackTransactionLeavesNoEntry() {
        UUID client = UUID.randomUUID();
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            audit.recordAs("worker", "NURSE", "test.rollback", client, null, Outcome.SUCCESS);
            throw new IllegalStateException("the change failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(audit.accessesTo(client)).isEmpty();
        tx.executeWithoutResult(s -> audit.recordAs("worker", "NURSE", "test.commit", client, null, Outcome.SUCCESS));
        assertThat(audit.accessesTo(client)).hasSize(1);
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void anEntryIsVisibleAtOnceAndSealedInTheBackground() throws Exception {
        UUID client = UUID.randomUUID();
        tx.executeWithoutResult(s -> audit.recordAs("worker", "NURSE", "test.pending", client, null, Outcome.SUCCESS));
        assertThat(audit.accessesTo(client)).singleElement().satisfies(r -> assertThat(r.action()).isEqualTo("test.pending"));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (audit.accessesTo(client).get(0).seq() == null && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(audit.accessesTo(client).get(0).seq()).as("sealed by the background sealer").isNotNull();
        assertThat(db.sql("SELECT COUNT(*) FROM audit_pending WHERE client_id = :c").param("c", client)
                .query(Long.class).single()).isZero();
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void verificationSealsWhatIsPendingFirst() {
        UUID client = UUID.randomUUID();
        long before = audit.verify().entries();
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < AuditSealer.BATCH + 5; i++) {
                audit.recordAs("worker", "NURSE", "test.batch", client, null, Outcome.SUCCESS);
            }
        });
        var result = audit.verify();
        assertThat(result.valid()).isTrue();
        assertThat(result.entries()).isGreaterThanOrEqualTo(before + AuditSealer.BATCH + 5);
        assertThat(audit.accessesTo(client)).hasSize(AuditSealer.BATCH + 5).allSatisfy(r -> assertThat(r.seq()).isNotNull());
    }

    @Test
    void verificationsRunAlongsideWritersAndEachOther() throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        var tasks = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < 4; i++) {
            tasks.add(() -> {
                for (int n = 0; n < 50; n++) {
                    tx.executeWithoutResult(s -> audit.recordAs("worker", "NURSE", "test.race", null, null, Outcome.SUCCESS));
                }
                return true;
            });
            tasks.add(() -> {
                boolean valid = true;
                for (int n = 0; n < 10; n++) {
                    valid &= audit.verify().valid();
                }
                return valid;
            });
        }
        for (var f : pool.invokeAll(tasks)) {
            assertThat(f.get()).as("every verification during concurrent writes and seals is valid").isTrue();
        }
        pool.shutdown();
        assertThat(audit.verify().valid()).isTrue();
    }
}
