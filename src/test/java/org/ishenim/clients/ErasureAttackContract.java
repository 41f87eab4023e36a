package org.ishenim.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ishenim.testing.Acting;
import org.ishenim.web.MasterKey;
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
 * Issue 11, finding 1, as the attack did it: the pages of an erased client reach the database's files, the data
 * directory is copied while the server runs, and whoever has those files and the master key scans every byte for
 * wrapped keys. Before the shred key that wrapped them is destroyed they open (the scanner works); after the
 * rotation and the retention period nothing opens. Run on an H2 file and on a dedicated PostgreSQL whose data
 * directory (WAL included) the test can read.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(MutableClock.Config.class)
abstract class ErasureAttackContract {

    static final Identity AINURA = new Identity("Айнура", "Сыдыкова", LocalDate.of(1990, 2, 3), "+996 555 010 203");
    static final Identity BAKYT = new Identity("Бакыт", "Осмонов", LocalDate.of(1985, 7, 8), "+996 700 111 222");

    @Autowired ClientRecords records;
    @Autowired ShredKeys shredKeys;
    @Autowired ShredKeyRotation rotation;
    @Autowired MutableClock clock;
    @Autowired JdbcClient db;

    /** The directories that hold the database's files (for PostgreSQL: its whole data directory, pg_wal too). */
    abstract List<Path> databaseDirectories();

    /** The clinic's data directory (the H2 file, the shred keys, the demo master key). */
    abstract Path dataDirectory();

    @BeforeEach
    void asNurse() {
        Acting.as("nurse", "NURSE");
    }

    @AfterEach
    void nobody() {
        Acting.nobody();
    }

    Client enrol(String alias, Identity identity) {
        return records.enrol(new Enrolment(Sex.F, 1990, "Айгүл", "Бакыт", alias, identity, true, Set.of(Purpose.TREATMENT)));
    }

    void checkpoint() {
        db.sql("CHECKPOINT").update();
    }

    @Test
    void anErasedIdentityCannotBeRecoveredFromTheFilesOnceItsShredKeyIsDestroyed() throws Exception {
        Client erased = enrol("Erased", AINURA);
        Client kept = enrol("Kept", BAKYT);
        checkpoint();
        Path copy = copyWhileRunning();

        Acting.as("manager", "MANAGER");
        records.erase(erased.id(), "exit");
        checkpoint();

        List<Path> everything = new ArrayList<>(databaseDirectories());
        everything.add(dataDirectory());
        everything.add(copy);
        // positive control: before the rotation, the attack reads her identity from the files
        assertThat(WrappedKeyScanner.recover(everything, erased.id(), attackerKeys())).contains(AINURA);

        for (int day = 0; day < 3; day++) {
            clock.advance(rotation.interval().plus(rotation.retention()));
            rotation.maintain();
        }
        checkpoint();

        assertThat(WrappedKeyScanner.files(everything)).hasSizeGreaterThan(1);
        assertThat(WrappedKeyScanner.recover(everything, erased.id(), attackerKeys())).isEmpty();
        Acting.as("doctor", "DOCTOR");
        assertThat(records.reveal(kept.id(), RevealPurpose.CARE)).contains(BAKYT);
        // the kept client's identity is still there for the clinic, and for the attacker with today's keys
        assertThat(WrappedKeyScanner.recover(everything, kept.id(), attackerKeys())).contains(BAKYT);
    }

    @Test
    void aKeyStoredBeforeShredKeysIsReWrappedAndStillOpensAfterSeveralRotations() throws Exception {
        // as an installation upgraded from a version without shred keys stored it: the master key alone
        Client legacy = records.enrol(new Enrolment(Sex.M, 1985, "Айгүл", "Бакыт", "Legacy", null, false, Set.of()));
        byte[] ad = legacy.id().value().toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        var dataKey = com.google.crypto.tink.KeysetHandle.generateNew(
                com.google.crypto.tink.aead.PredefinedAeadParameters.AES256_GCM);
        Aead master = MasterKey.load(null, null, true, dataDirectory());
        String wrapped = com.google.crypto.tink.TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(dataKey, master, ad);
        String ciphertext = java.util.Base64.getEncoder().encodeToString(dataKey
                .getPrimitive(com.google.crypto.tink.RegistryConfiguration.get(), Aead.class)
                .encrypt(IdentityVault.encode(BAKYT), ad));
        db.sql("INSERT INTO client_key (client_id, wrapped_key) VALUES (:id, :key)")
                .param("id", legacy.id().value()).param("key", wrapped).update();
        db.sql("""
                INSERT INTO client_identity (client_id, ciphertext, consented_by, consented_at)
                VALUES (:id, :ct, 'nurse', CURRENT_TIMESTAMP)
                """).param("id", legacy.id().value()).param("ct", ciphertext).update();
        db.sql("UPDATE client SET identity_state = 'STORED' WHERE id = :id").param("id", legacy.id().value()).update();

        // the next run (at start-up, or the hourly check) re-wraps it under the current shred key, without a rotation
        var result = rotation.maintain();
        assertThat(result.rotated()).isFalse();
        assertThat(result.rewrapped()).isEqualTo(1);
        assertThat(shredKeyOf(legacy)).isEqualTo(shredKeys.current().orElseThrow().id());
        for (int day = 0; day < 4; day++) {
            clock.advance(rotation.interval().plus(rotation.retention()));
            assertThat(rotation.maintain().rotated()).isTrue();
        }
        assertThat(shredKeyOf(legacy)).isEqualTo(shredKeys.current().orElseThrow().id());
        Acting.as("doctor", "DOCTOR");
        assertThat(records.reveal(legacy.id(), RevealPurpose.CARE)).contains(BAKYT);
    }

    @Test
    void aShredKeyThatARowNamesCannotBeDeleted() {
        Client client = enrol("Guarded", AINURA);
        String key = shredKeyOf(client);
        assertThatThrownBy(() -> db.sql("DELETE FROM shred_key WHERE id = :id").param("id", key).update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        // a run that is not yet due keeps the current key and everything under it
        var result = rotation.maintain();
        assertThat(result.rotated()).isFalse();
        assertThat(result.destroyed()).isZero();
        assertThat(Files.exists(shredKeys.directory().resolve("shred-" + key + ".json"))).isTrue();
    }

    String shredKeyOf(Client client) {
        return db.sql("SELECT shred_key_id FROM client_key WHERE client_id = :id").param("id", client.id().value())
                .query(String.class).single();
    }

    /** The master key and every shred key still on disk: all the attacker could hold. */
    List<Aead> attackerKeys() throws Exception {
        List<Aead> keys = new ArrayList<>();
        keys.add(MasterKey.load(null, null, true, dataDirectory()));
        keys.addAll(ShredKeys.readAll(shredKeys.directory(), keys.get(0)));
        return keys;
    }

    Path copyWhileRunning() throws IOException {
        Path copy = Files.createTempDirectory("ishenim-copy-");
        List<Path> sources = new ArrayList<>(databaseDirectories());
        sources.add(dataDirectory());
        int n = 0;
        for (Path source : sources) {
            Path target = copy.resolve("root" + n++);
            for (Path file : WrappedKeyScanner.files(List.of(source))) {
                Path to = target.resolve(source.relativize(file).toString());
                Files.createDirectories(to.getParent());
                try {
                    Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                } catch (java.nio.file.NoSuchFileException vanished) {
                    // a temporary file the running server removed meanwhile
                }
            }
        }
        return copy;
    }
}
