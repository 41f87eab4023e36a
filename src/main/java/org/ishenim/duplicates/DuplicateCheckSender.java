package org.ishenim.duplicates;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ishenim.clients.Client;
import org.ishenim.clients.ClientRecords;
import org.ishenim.clients.Consents;
import org.ishenim.clients.Identity;
import org.ishenim.clients.IdentityState;
import org.ishenim.clients.Purpose;
import org.ishenim.linkage.Clk;
import org.ishenim.linkage.InvalidInputException;
import org.ishenim.web.ClinicOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works through the outbox: for a check, decrypts the identity (audited, purpose DUPLICATE_CHECK), encodes it
 * here, uploads the encoding and asks the hub for candidates; for a deletion, removes the encoding from the hub.
 * An unreachable hub is retried with exponential backoff (30 s doubling to an hour). Runs on a schedule
 * ({@code ishenim.duplicates.send-interval}) and right after a change commits.
 */
@Component
@ClinicOnly
public class DuplicateCheckSender {

    private static final Logger log = LoggerFactory.getLogger(DuplicateCheckSender.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);
    private static final int BATCH = 50;

    private final DuplicateChecks checks;
    private final ClientRecords records;
    private final Consents consents;
    private final ClinicEncoder encoder;
    private final HubClient hub;
    private final HubConnection connection;
    private final TransactionTemplate tx;
    private final boolean kickAfterCommit;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "duplicate-check-sender");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean kicked = new AtomicBoolean();
    private final AtomicBoolean retrying = new AtomicBoolean();

    DuplicateCheckSender(DuplicateChecks checks, ClientRecords records, Consents consents, ClinicEncoder encoder,
            HubClient hub, HubConnection connection, TransactionTemplate tx,
            @Value("${ishenim.duplicates.send-after-commit:true}") boolean kickAfterCommit) {
        this.checks = checks;
        this.records = records;
        this.consents = consents;
        this.encoder = encoder;
        this.hub = hub;
        this.connection = connection;
        this.tx = tx;
        this.kickAfterCommit = kickAfterCommit;
    }

    /** Sends what is due, in the background, soon after a change commits. */
    void kick() {
        if (kickAfterCommit && connection.configured() && kicked.compareAndSet(false, true)) {
            background.execute(() -> {
                kicked.set(false);
                logFailure(this::sendDue);
            });
        }
    }

    @Scheduled(fixedDelayString = "${ishenim.duplicates.send-interval:PT30S}", initialDelayString = "${ishenim.duplicates.send-interval:PT30S}")
    void scheduled() {
        logFailure(this::sendDue);
    }

    /** Sends the outbox rows whose retry time has come. Returns how many were completed. */
    public int sendDue() {
        return send(false);
    }

    /** Sends every outbox row now, ignoring backoff ("check again now"). Returns how many were completed. */
    public int sendNow() {
        return send(true);
    }

    /**
     * "Check again now" from a page: the same as {@link #sendNow()}, in the background, so that the page does not
     * wait on the hub (up to a minute with a slow one) while it holds one of the server's turns.
     */
    public void sendNowInBackground() {
        if (connection.configured() && retrying.compareAndSet(false, true)) {
            // as the staff member who asked, so that the identity reads it makes are audited under their name
            background.execute(new DelegatingSecurityContextRunnable(() -> {
                try {
                    logFailure(this::sendNow);
                } finally {
                    retrying.set(false);
                }
            }));
        }
    }

    /** Runs a background send; a failure is logged by its type only (messages may carry data) and retried later. */
    private static void logFailure(Runnable send) {
        try {
            send.run();
        } catch (RuntimeException e) {
            log.warn("Duplicate check failed ({}); it is retried on schedule", e.getClass().getSimpleName());
        }
    }

    private synchronized int send(boolean ignoreBackoff) {
        if (!connection.configured() || !encoder.ready()) {
            return 0;
        }
        int completed = 0;
        String down = null;
        List<DuplicateChecks.Due> due = tx.execute(s -> checks.due(ignoreBackoff, BATCH));
        for (var row : due) {
            try {
                if (row.action() == DuplicateChecks.Action.DELETE) {
                    unlessDown(down);
                    hub.delete(row.reference());
                    tx.executeWithoutResult(s -> checks.done(row));
                    completed++;
                } else if (check(row, down)) {
                    completed++;
                }
            } catch (HubClient.Unavailable e) {
                Duration backoff = backoff(row.attempts() + 1);
                tx.executeWithoutResult(s -> checks.failed(row, e.getMessage(), backoff));
                if (down == null) {
                    down = e.getMessage();
                    log.warn("Duplicate check deferred ({}); next attempt in {}s", e.getMessage(), backoff.toSeconds());
                }
            }
        }
        return completed;
    }

    /**
     * One check. What can be decided here (no consent any more, no identity stored) is decided even while the hub
     * is down; the identity is decrypted (audited) only when the encoding is about to be sent. True when the row
     * is finished.
     */
    private boolean check(DuplicateChecks.Due row, String down) {
        Optional<Clk> clk = tx.execute(s -> {
            if (!consents.isGiven(row.clientId(), Purpose.DUPLICATE_CHECK)) {
                checks.done(row);
                return Optional.<Clk>empty();
            }
            Client client = records.find(row.clientId()).orElseThrow();
            if (client.identityState() != IdentityState.STORED) {
                checks.state(row.clientId(), CheckState.NO_IDENTITY);
                checks.done(row);
                return Optional.<Clk>empty();
            }
            unlessDown(down);
            Optional<Identity> identity = records.identityFor(row.clientId(), Purpose.DUPLICATE_CHECK);
            if (identity.isEmpty() || (identity.get().givenName() == null && identity.get().surname() == null)) {
                checks.state(row.clientId(), CheckState.NO_IDENTITY);
                checks.done(row);
                return Optional.<Clk>empty();
            }
            try {
                return Optional.of(encoder.encode(client, identity.get()));
            } catch (InvalidInputException e) {
                checks.state(row.clientId(), CheckState.FAILED);
                checks.done(row);
                log.warn("Duplicate check not possible for one client: column '{}': {}", e.column(), e.reason());
                return Optional.<Clk>empty();
            }
        });
        if (clk.isEmpty()) {
            return true;
        }
        List<HubClient.Found> found = hub.check(row.reference(), clk.get());
        tx.executeWithoutResult(s -> {
            if (checks.done(row)) {
                checks.answered(row.clientId(), found);
            }
        });
        return true;
    }

    /** Once the hub failed in a pass, the rest of the pass does not try it again (each try may take seconds). */
    private static void unlessDown(String down) {
        if (down != null) {
            throw new HubClient.Unavailable(down);
        }
    }

    static Duration backoff(int attempts) {
        Duration d = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempts - 1, 20));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
