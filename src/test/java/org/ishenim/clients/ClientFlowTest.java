package org.ishenim.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import javax.sql.DataSource;
import org.ishenim.audit.AuditLog;
import org.ishenim.testing.Acting;
import org.ishenim.testing.DatabaseDump;
import org.ishenim.web.RuleViolationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.ishenim.testing.BothDatabases;

/** Enrolment, search, reveal, consent and erasure against a real database; run on H2 and on PostgreSQL. */
@SpringBootTest
@ActiveProfiles("test")
@BothDatabases
class ClientFlowTest {

    static final String GIVEN = "Гүлнара";
    static final String SURNAME = "Бейшеналиева";
    static final String PHONE = "+996 555 123 456";
    static final String MOTHER = "Чолпонай";
    static final String FATHER = "Жыргалбек";

    @Autowired ClientRecords records;
    @Autowired Consents consents;
    @Autowired AuditLog audit;
    @Autowired DataSource dataSource;
    @Autowired JdbcClient db;

    @BeforeEach
    void asNurse() {
        Acting.as("nurse", "NURSE");
    }

    @AfterEach
    void clear() {
        Acting.nobody();
    }

    Client enrolGulnara(String alias) {
        return records.enrol(new Enrolment(Sex.F, 1991, MOTHER, FATHER, alias,
                new Identity(GIVEN, SURNAME, LocalDate.of(1991, 4, 5), PHONE), true,
                Set.of(Purpose.TREATMENT, Purpose.DUPLICATE_CHECK)));
    }

    @Test
    void enrolmentComputesTheUicAndStoresNoPlaintextIdentityNorParentsNames() {
        Client client = enrolGulnara("Ласточка");
        assertThat(client.uic().base()).isEqualTo("F1991CHZH");
        assertThat(client.identityState()).isEqualTo(IdentityState.STORED);
        assertThat(consents.isGiven(client.id(), Purpose.TREATMENT)).isTrue();
        assertThat(consents.isGiven(client.id(), Purpose.CONTACT)).isFalse();
        String dump = DatabaseDump.of(dataSource);
        assertThat(dump).contains("Ласточка").doesNotContain(GIVEN).doesNotContain(SURNAME).doesNotContain(PHONE)
                .doesNotContain("1991-04-05").doesNotContain(MOTHER).doesNotContain(FATHER);
    }

    @Test
    void clientsWhoWouldShareAUicGetSuffixes() {
        Client first = enrolGulnara("A1");
        Client second = enrolGulnara("A2");
        Client third = enrolGulnara("A3");
        assertThat(second.uic().base()).isEqualTo(first.uic().base());
        assertThat(Set.of(first.uic().value(), second.uic().value(), third.uic().value()))
                .hasSize(3).contains(first.uic().base() + "-2", first.uic().base() + "-3");
    }

    @Test
    void concurrentEnrolmentsSharingAUicAllSucceedWithDistinctSuffixes() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        var tasks = new java.util.ArrayList<java.util.concurrent.Callable<Client>>();
        for (int i = 0; i < 16; i++) {
            int n = i;
            tasks.add(() -> {
                Acting.as("nurse", "NURSE");
                try {
                    return records.enrol(new Enrolment(Sex.X, 1977, "Зуура", "Кубат", "race-" + n, null, false, Set.of()));
                } finally {
                    Acting.nobody();
                }
            });
        }
        var uics = new java.util.HashSet<String>();
        for (var f : pool.invokeAll(tasks)) {
            uics.add(f.get().uic().value());
        }
        pool.shutdown();
        assertThat(uics).hasSize(16).allMatch(u -> u.startsWith("X1977ZUKU"));
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void searchFindsByAliasOrUicPrefixAndIsAudited() {
        Client client = enrolGulnara("Снежный барс");
        long before = audit.verify().entries();
        assertThat(records.search("снежный")).extracting(Client::id).contains(client.id());
        assertThat(records.search(client.uic().value().substring(0, 6).toLowerCase())).extracting(Client::id)
                .contains(client.id());
        assertThat(records.search("%")).isNotNull();
        assertThat(audit.verify().entries()).isEqualTo(before + 3);
    }

    @Test
    void revealDecryptsForAStatedPurposeAndIsAudited() {
        Client client = enrolGulnara("Reveal");
        Acting.as("doctor", "DOCTOR");
        Identity identity = records.reveal(client.id(), "care").orElseThrow();
        assertThat(identity.givenName()).isEqualTo(GIVEN);
        assertThat(identity.phone()).isEqualTo(PHONE);
        assertThat(records.accessLog(client.id()))
                .anySatisfy(a -> {
                    assertThat(a.action()).isEqualTo("identity.reveal");
                    assertThat(a.actor()).isEqualTo("doctor");
                    assertThat(a.purpose()).isEqualTo("CARE");
                });
        assertThatThrownBy(() -> records.reveal(client.id(), " ")).isInstanceOf(org.ishenim.web.InvalidFieldsException.class);
        // free text is refused: the audit chain can never be erased, so its purpose is a code
        assertThatThrownBy(() -> records.reveal(client.id(), "asked by her brother Bakyt"))
                .isInstanceOf(org.ishenim.web.InvalidFieldsException.class)
                .satisfies(e -> assertThat(((org.ishenim.web.InvalidFieldsException) e).errors().get("purpose"))
                        .startsWith("One of CARE, CONTACT").doesNotContain("Bakyt"));
    }

    @Test
    void consentsAreGivenAndRevokedWithWhoAndWhen() {
        Client client = enrolGulnara("Consents");
        consents.give(client.id(), Purpose.CONTACT);
        Acting.as("doctor", "DOCTOR");
        consents.revoke(client.id(), Purpose.DUPLICATE_CHECK);
        assertThat(consents.isGiven(client.id(), Purpose.DUPLICATE_CHECK)).isFalse();
        assertThat(consents.of(client.id())).anySatisfy(c -> {
            assertThat(c.purpose()).isEqualTo(Purpose.DUPLICATE_CHECK);
            assertThat(c.givenBy()).isEqualTo("nurse");
            assertThat(c.revokedBy()).isEqualTo("doctor");
            assertThat(c.revokedAt()).isNotNull();
        });
        assertThat(records.identityFor(client.id(), Purpose.DUPLICATE_CHECK)).isEmpty();
        assertThatThrownBy(() -> consents.give(client.id(), Purpose.CONTACT)).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void erasureShredsTheKeyAndLeavesNoIdentityAnywhere() {
        Client client = enrolGulnara("Erase me");
        Acting.as("doctor", "DOCTOR");
        assertThat(records.reveal(client.id(), "client-request")).isPresent();
        String ciphertext = db.sql("SELECT ciphertext FROM client_identity WHERE client_id = :id")
                .param("id", client.id().value()).query(String.class).single();
        String wrappedKey = db.sql("SELECT wrapped_key FROM client_key WHERE client_id = :id")
                .param("id", client.id().value()).query(String.class).single();

        Acting.as("manager", "MANAGER");
        records.erase(client.id(), "exit");

        assertThat(records.find(client.id()).orElseThrow().identityState()).isEqualTo(IdentityState.ERASED);
        Acting.as("doctor", "DOCTOR");
        assertThat(records.reveal(client.id(), RevealPurpose.CARE)).isEmpty();
        String dump = DatabaseDump.of(dataSource);
        assertThat(dump).contains("Erase me").doesNotContain(GIVEN).doesNotContain(SURNAME).doesNotContain(PHONE)
                .doesNotContain("1991-04-05").doesNotContain(ciphertext).doesNotContain(wrappedKey.substring(0, 40));
        assertThatThrownBy(() -> records.erase(client.id(), "exit")).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> records.erase(client.id(), "she moved to Osh")).isInstanceOf(org.ishenim.web.InvalidFieldsException.class);
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void tamperingWithAnAuditRowIsNamed() {
        Client client = enrolGulnara("Tamper");
        records.view(client.id());
        records.view(client.id());
        assertThat(audit.verify().valid()).isTrue();
        long target = db.sql("SELECT MAX(seq) FROM audit_entry").query(Long.class).single() - 1;
        String actor = db.sql("SELECT actor FROM audit_entry WHERE seq = :seq").param("seq", target).query(String.class).single();
        db.sql("UPDATE audit_entry SET actor = 'someone-else' WHERE seq = :seq").param("seq", target).update();
        var result = audit.verify();
        db.sql("UPDATE audit_entry SET actor = :a WHERE seq = :seq").param("a", actor).param("seq", target).update();
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBadSeq()).isEqualTo(target);
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void aDeletedAuditRowIsNamed() {
        Client client = enrolGulnara("Delete");
        records.view(client.id());
        records.view(client.id());
        assertThat(audit.verify().valid()).isTrue();
        long target = db.sql("SELECT MAX(seq) FROM audit_entry").query(Long.class).single() - 1;
        var row = db.sql("SELECT * FROM audit_entry WHERE seq = :seq").param("seq", target).query().singleRow();
        db.sql("DELETE FROM audit_entry WHERE seq = :seq").param("seq", target).update();
        var result = audit.verify();
        var restore = db.sql("""
                INSERT INTO audit_entry (seq, occurred_at, actor, actor_role, action, client_id, purpose, outcome,
                                         prev_hash, hash)
                VALUES (:seq, :occurred_at, :actor, :actor_role, :action, :client_id, :purpose, :outcome, :prev_hash,
                        :hash)
                """);
        for (var column : row.entrySet()) {
            restore = restore.param(column.getKey().toLowerCase(), column.getValue());
        }
        restore.update();
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBadSeq()).isEqualTo(target);
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void reorderedAuditRowsAreNamed() {
        Client client = enrolGulnara("Reorder");
        records.view(client.id());
        records.search("x");
        assertThat(audit.verify().valid()).isTrue();
        long last = db.sql("SELECT MAX(seq) FROM audit_entry").query(Long.class).single();
        db.sql("UPDATE audit_entry SET seq = -1 WHERE seq = :s").param("s", last).update();
        db.sql("UPDATE audit_entry SET seq = :s WHERE seq = :p").param("s", last).param("p", last - 1).update();
        db.sql("UPDATE audit_entry SET seq = :p WHERE seq = -1").param("p", last - 1).update();
        var result = audit.verify();
        db.sql("UPDATE audit_entry SET seq = -1 WHERE seq = :s").param("s", last).update();
        db.sql("UPDATE audit_entry SET seq = :s WHERE seq = :p").param("s", last).param("p", last - 1).update();
        db.sql("UPDATE audit_entry SET seq = :p WHERE seq = -1").param("p", last - 1).update();
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBadSeq()).isEqualTo(last - 1);
        assertThat(audit.verify().valid()).isTrue();
    }
}
