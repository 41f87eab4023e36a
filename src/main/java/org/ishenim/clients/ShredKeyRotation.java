package org.ishenim.clients;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ishenim.audit.AuditLog;
import org.ishenim.audit.Outcome;
import org.ishenim.web.ClinicOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.ishenim.web.Utc;

/**
 * Rotates the shred keys. When the current key is older than {@code ishenim.identity.shred-key-rotation} (default
 * one day) a new one is made; every stored data key not under the current key (older keys, and keys stored before
 * shred keys, wrapped by the master key alone) is re-wrapped under it; then every key retired at least
 * {@code ishenim.identity.shred-key-retention} ago (how long backups are kept) that no row needs is destroyed.
 * All of it is one transaction under a lock on one row, so that a crash or a second instance never leaves a row
 * under a destroyed key; key files are destroyed only after that commit, and files that no row names (a crash
 * between) at the next run. It runs at start-up (the catch-up after downtime, and the migration of keys stored
 * before shred keys) and every hour ({@code ishenim.identity.shred-key-check}, a cron; {@code -} switches it off).
 * Commands ({@code ishenim.cli}) never run it.
 */
@Component
@ClinicOnly
class ShredKeyRotation implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ShredKeyRotation.class);

    private final ShredKeys keys;
    private final IdentityVault vault;
    private final Clients clients;
    private final JdbcClient db;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Duration interval;
    private final Duration retention;
    private final boolean cli;

    ShredKeyRotation(ShredKeys keys, IdentityVault vault, Clients clients, JdbcClient db, AuditLog audit, Clock clock,
            PlatformTransactionManager txm,
            @Value("${ishenim.identity.shred-key-rotation:P1D}") Duration interval,
            @Value("${ishenim.identity.shred-key-retention:P30D}") Duration retention,
            @Value("${ishenim.cli:false}") boolean cli) {
        if (interval.isNegative() || interval.isZero() || retention.isNegative()) {
            throw new IllegalArgumentException("ishenim.identity.shred-key-rotation must be positive and "
                    + "ishenim.identity.shred-key-retention not negative.");
        }
        this.keys = keys;
        this.vault = vault;
        this.clients = clients;
        this.db = db;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(txm);
        this.interval = interval;
        this.retention = retention;
        this.cli = cli;
    }

    Duration interval() {
        return interval;
    }

    Duration retention() {
        return retention;
    }

    /** Before the server takes requests: a current key exists, and no data key is under the master key alone. */
    @Override
    public void afterSingletonsInstantiated() {
        if (!cli) {
            maintain();
        }
    }

    @Scheduled(cron = "${ishenim.identity.shred-key-check:0 7 * * * *}")
    void scheduled() {
        maintain();
    }

    /** What a run did. */
    record Result(boolean rotated, int rewrapped, int destroyed) {
    }

    /** Rotates if due, re-wraps, destroys what the retention allows. Safe to run at any time, by any instance. */
    synchronized Result maintain() {
        List<String> destroyed = new ArrayList<>();
        Result result = tx.execute(s -> {
            db.sql("SELECT id FROM shred_key_rotation WHERE id = 1 FOR UPDATE").query(Integer.class).single();
            keys.destroyOrphans();
            Instant now = clock.instant();
            var current = keys.current();
            boolean rotate = current.isEmpty() || !current.get().createdAt().plus(interval).isAfter(now);
            String currentId;
            if (rotate) {
                currentId = keys.create(now);
                db.sql("UPDATE shred_key SET retired_at = :now WHERE retired_at IS NULL AND id <> :id")
                        .param("now", Utc.of(now)).param("id", currentId).update();
            } else {
                currentId = current.get().id();
            }
            int rewrapped = 0;
            for (Clients.WrappedKey key : clients.keysNotUnder(currentId)) {
                String wrapped = vault.rewrap(key.clientId(), key.wrappedKey(), key.shredKeyId(), currentId);
                if (clients.rewrap(key, wrapped, currentId)) {
                    rewrapped++;
                }
            }
            List<String> expired = db.sql("""
                    SELECT id FROM shred_key WHERE retired_at IS NOT NULL AND retired_at <= :cutoff ORDER BY retired_at
                    """).param("cutoff", Utc.of(now.minus(retention))).query(String.class).list();
            for (String id : expired) {
                long needed = clients.keysUnder(id);
                if (needed == 0) {
                    db.sql("DELETE FROM shred_key WHERE id = :id").param("id", id).update();
                    destroyed.add(id);
                } else {
                    // never happens after the re-wrap above under the lock; if it did, the key stays
                    log.warn("A retired shred key is still needed by {} data keys; it is kept.", needed);
                }
            }
            if (rewrapped > 0 || !destroyed.isEmpty()) {
                audit.recordAs("system", "SYSTEM", "identity.shred-key-rotation", null,
                        rewrapped + " data keys re-wrapped, " + destroyed.size() + " shred keys destroyed",
                        Outcome.SUCCESS);
            }
            return new Result(rotate, rewrapped, destroyed.size());
        });
        for (String id : destroyed) {
            keys.destroy(id);
        }
        keys.forgetAllBut(keys.existingIds());
        if (result.rotated() || result.destroyed() > 0) {
            log.info("Shred keys: rotated {}, {} data keys re-wrapped, {} shred keys destroyed", result.rotated(),
                    result.rewrapped(), result.destroyed());
        }
        return result;
    }
}
