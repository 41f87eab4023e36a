package org.ishenim.clients;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ishenim.web.ClinicOnly;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.ishenim.web.Utc;

/**
 * Shred keys: Tink AES-256-GCM keysets that wrap every client's (already master-wrapped) data key a second time.
 * They live outside the database, one file each under {@code ishenim.identity.shred-key-dir}, each file itself
 * wrapped by the master key with its id as associated data; the {@code shred_key} table says which exist and which
 * one is current. Destroying a key's file makes every copy of every data key it wrapped (in free pages, the WAL, a
 * copied file, a backup) unreadable. {@link ShredKeyRotation} creates, re-wraps and destroys them.
 */
@Component
@ClinicOnly
class ShredKeys {

    private static final Pattern FILE = Pattern.compile("shred-([0-9TZ]{16}-[0-9a-f]{16})\\.json(\\.tmp)?");
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Aead master;
    private final Path directory;
    private final JdbcClient db;
    private final Map<String, Aead> loaded = new ConcurrentHashMap<>();

    ShredKeys(MasterAead master, JdbcClient db,
            @Value("${ishenim.identity.shred-key-dir:${ishenim.data-dir}/shred-keys}") String directory) {
        this.master = master;
        this.db = db;
        this.directory = Path.of(directory);
    }

    Path directory() {
        return directory;
    }

    /** A current key and when it was made. */
    record Current(String id, Instant createdAt) {
    }

    Optional<Current> current() {
        return db.sql("SELECT id, created_at FROM shred_key WHERE retired_at IS NULL")
                .query((rs, n) -> new Current(rs.getString(1),
                        rs.getObject(2, java.time.OffsetDateTime.class).toInstant()))
                .optional();
    }

    /**
     * The current key's id, locked (in the caller's transaction) so that no rotation retires and destroys it
     * before the caller's row that uses it is committed: a rotation waits, then re-wraps that row too.
     */
    String lockCurrentForUse() {
        for (int attempt = 0; attempt < 5; attempt++) {
            String id = current().orElseThrow(() -> new IllegalStateException("No shred key yet.")).id();
            if (db.sql("SELECT id FROM shred_key WHERE id = :id FOR UPDATE").param("id", id).query(String.class)
                    .optional().isPresent()) {
                return id;
            }
            // destroyed by a rotation meanwhile: read the new current key
        }
        throw new IllegalStateException("No stable shred key.");
    }

    /** The key with this id, read from its file once. */
    Aead key(String id) {
        return loaded.computeIfAbsent(id, this::read);
    }

    private Aead read(String id) {
        try {
            return read(file(id), id, master);
        } catch (NoSuchFileException missing) {
            throw new IllegalStateException("A shred key file is missing: " + missing.getFile()
                    + ". Restore the shred-key directory from its backup.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A shred key file could not be opened with the master key.", e);
        }
    }

    private static Aead read(Path file, String id, Aead master) throws IOException, GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.parseEncryptedKeyset(Files.readString(file, StandardCharsets.UTF_8), master,
                        ad(id))
                .getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    /**
     * Every shred key in a directory, opened with the master key: what whoever holds the master key and a copy of
     * the directory can read. For tests and for a recovery.
     */
    static List<Aead> readAll(Path directory, Aead master) throws IOException, GeneralSecurityException {
        List<Aead> keys = new ArrayList<>();
        for (String id : ids(directory)) {
            keys.add(read(directory.resolve("shred-" + id + ".json"), id, master));
        }
        return keys;
    }

    /**
     * Makes a new key: its file is written and forced to the disk before its row is inserted (in the caller's
     * transaction), so that no committed row ever names a key that is not durably on disk.
     */
    String create(Instant now) {
        String id = ID_TIME.format(now) + "-" + HexFormat.of().formatHex(randomBytes());
        try {
            KeysetHandle key = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            String json = TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(key, master, ad(id));
            createDirectory();
            Path tmp = directory.resolve("shred-" + id + ".json.tmp");
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ownerOnly(tmp, "rw-------");
                out.write(ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)));
                out.force(true);
            }
            Files.move(tmp, file(id), StandardCopyOption.ATOMIC_MOVE);
            forceDirectory();
            loaded.put(id, key.getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A shred key could not be made.", e);
        }
        db.sql("INSERT INTO shred_key (id, created_at) VALUES (:id, :at)")
                .param("id", id).param("at", Utc.of(now)).update();
        return id;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /**
     * Destroys a key's file: overwritten, forced to the disk, then deleted. Only for a key whose row is gone
     * (committed), so that no row can need it. The overwrite is best effort: see docs/erasure.md.
     */
    void destroy(String id) {
        loaded.remove(id);
        destroyFile(file(id));
    }

    private void destroyFile(Path file) {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
            long size = out.size();
            byte[] noise = new byte[(int) Math.min(size, 1 << 16)];
            RANDOM.nextBytes(noise);
            for (long at = 0; at < size; at += noise.length) {
                out.write(ByteBuffer.wrap(noise, 0, (int) Math.min(noise.length, size - at)), at);
            }
            out.force(true);
        } catch (NoSuchFileException gone) {
            return;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.deleteIfExists(file);
            forceDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Destroys the files that no row names: left by a rotation that rolled back or crashed before its commit, or
     * after it (a key whose row was deleted but whose file was not yet). Only under the rotation lock, so that no
     * other instance is between writing a file and committing its row.
     */
    int destroyOrphans() {
        Set<String> known = Set.copyOf(db.sql("SELECT id FROM shred_key").query(String.class).list());
        int destroyed = 0;
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                var m = FILE.matcher(file.getFileName().toString());
                if (m.matches() && (m.group(2) != null || !known.contains(m.group(1)))) {
                    loaded.remove(m.group(1));
                    destroyFile(file);
                    destroyed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return destroyed;
    }

    /** Forgets keys that no longer exist (destroyed by this or another instance). */
    void forgetAllBut(Set<String> existing) {
        loaded.keySet().retainAll(existing);
    }

    Set<String> existingIds() {
        return Set.copyOf(db.sql("SELECT id FROM shred_key").query(String.class).list());
    }

    private static List<String> ids(Path directory) throws IOException {
        List<String> ids = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return ids;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                var m = FILE.matcher(file.getFileName().toString());
                if (m.matches() && m.group(2) == null) {
                    ids.add(m.group(1));
                }
            }
        }
        return ids;
    }

    private Path file(String id) {
        return directory.resolve("shred-" + id + ".json");
    }

    private static byte[] ad(String id) {
        return ("ishenim shred key " + id).getBytes(StandardCharsets.US_ASCII);
    }

    private void createDirectory() throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
            ownerOnly(directory, "rwx------");
        }
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // not a POSIX file system
        }
    }

    /** Makes a file's creation, rename or deletion durable (Linux; elsewhere the directory cannot be opened). */
    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException notSupported) {
            // some platforms cannot force a directory; the file itself was forced
        }
    }
}
