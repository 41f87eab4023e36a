package org.ishenim.duplicates;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
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
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the hub what each {@link HubUpdateRequested} asks: for a check, decrypts the identity (audited, purpose
 * DUPLICATE_CHECK), encodes it here, uploads the encoding and asks the hub for candidates; for a deletion, removes the
 * encoding from the hub.
 *
 * <p>The events are kept by Spring Modulith's Event Publication Registry: stored in the transaction of the change,
 * marked completed when the hub has been told (or nothing is left to tell: no consent any more, no identity, or a
 * later wish superseded it), left incomplete when the hub cannot be reached. An event is sent in the background right
 * after its change commits ({@code ishenim.duplicates.send-after-commit}); incomplete ones are resubmitted by a pass
 * at start-up (in the background, same switch) and every {@code ishenim.duplicates.send-interval}, each one once its
 * backoff is over (from {@code ishenim.duplicates.retry-backoff}, doubling up to
 * {@code ishenim.duplicates.retry-backoff-max}). Only one delivery runs at a time.
 */
@Component
@ClinicOnly
class DuplicateCheckSender {

    /** The listener's id in the registry (column {@code listener_id}); fixed, so that renaming the method loses nothing. */
    static final String LISTENER_ID = "duplicates.hub-update";

    private static final Logger log = LoggerFactory.getLogger(DuplicateCheckSender.class);

    private final DuplicateChecks checks;
    private final ClientRecords records;
    private final Consents consents;
    private final ClinicEncoder encoder;
    private final HubClient hub;
    private final HubConnection connection;
    private final TransactionTemplate tx;
    private final IncompleteEventPublications publications;
    private final Clock clock;
    private final boolean sendInBackground;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "duplicate-check-sender");
        t.setDaemon(true);
        return t;
    });
    /** One delivery (or one pass of them) at a time, so that the hub never hears two wishes about a client at once. */
    private final ReentrantLock sending = new ReentrantLock();
    /** The pass under way on this thread, if any: the registry resubmits on the thread that asked. */
    private final ThreadLocal<Pass> pass = new ThreadLocal<>();
    private final AtomicBoolean retrying = new AtomicBoolean();

    DuplicateCheckSender(DuplicateChecks checks, ClientRecords records, Consents consents, ClinicEncoder encoder,
            HubClient hub, HubConnection connection, TransactionTemplate tx, IncompleteEventPublications publications,
            Clock clock, @Value("${ishenim.duplicates.send-after-commit:true}") boolean sendInBackground,
            @Value("${ishenim.duplicates.retry-backoff:PT30S}") Duration firstBackoff,
            @Value("${ishenim.duplicates.retry-backoff-max:PT1H}") Duration maxBackoff) {
        this.checks = checks;
        this.records = records;
        this.consents = consents;
        this.encoder = encoder;
        this.hub = hub;
        this.connection = connection;
        this.tx = tx;
        this.publications = publications;
        this.clock = clock;
        this.sendInBackground = sendInBackground;
        if (firstBackoff.isNegative() || firstBackoff.isZero() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalStateException("ishenim.duplicates.retry-backoff must be positive and at most "
                    + "ishenim.duplicates.retry-backoff-max.");
        }
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    /**
     * The registry's listener. Right after the change commits it sends in the background (the caller never waits for
     * the hub); inside a pass it sends at once. The returned future tells the registry whether the publication is
     * completed (normally) or stays incomplete (exceptionally).
     */
    @TransactionalEventListener(id = LISTENER_ID, fallbackExecution = true)
    public CompletableFuture<Void> on(HubUpdateRequested update) {
        Pass current = pass.get();
        if (current != null) {
            return current.deliver(update);
        }
        if (!sendInBackground || !connection.configured() || !encoder.ready()) {
            return CompletableFuture.failedFuture(new NotSent("left for the next pass"));
        }
        return CompletableFuture.supplyAsync(() -> {
            sending.lock();
            try {
                return new Pass(false).deliver(update);
            } finally {
                sending.unlock();
            }
        }, background).thenCompose(done -> done);
    }

    @Scheduled(fixedDelayString = "${ishenim.duplicates.send-interval:PT30S}", initialDelayString = "${ishenim.duplicates.send-interval:PT30S}")
    void scheduled() {
        logFailure(this::sendDue);
    }

    /** An offline or restarted clinic catches up: what the last run left incomplete is sent (backoff permitting). */
    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        if (sendInBackground && connection.configured()) {
            background.execute(() -> logFailure(this::sendDue));
        }
    }

    /** Resubmits the incomplete publications whose backoff is over. Returns how many were completed. */
    public int sendDue() {
        return resubmit(false);
    }

    /** Resubmits every incomplete publication now, ignoring backoff ("check again now"). Returns how many were completed. */
    public int sendNow() {
        return resubmit(true);
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

    /** Waits until what was handed to the background before this call has run (tests and shutdown). */
    void awaitBackground() throws Exception {
        background.submit(() -> { }).get();
    }

    /** Runs a background send; a failure is logged by its type only (messages may carry data) and retried later. */
    private static void logFailure(Runnable send) {
        try {
            send.run();
        } catch (RuntimeException e) {
            log.warn("Duplicate check failed ({}); it is retried on schedule", e.getClass().getSimpleName());
        }
    }

    private int resubmit(boolean ignoreBackoff) {
        if (!connection.configured() || !encoder.ready()) {
            return 0;
        }
        sending.lock();
        Pass current = new Pass(ignoreBackoff);
        pass.set(current);
        try {
            // oldest first; the filter runs just before each one is resubmitted
            publications.resubmitIncompletePublications(p -> p.getEvent() instanceof HubUpdateRequested update
                    && current.wanted(update));
            return current.completed;
        } finally {
            pass.remove();
            sending.unlock();
        }
    }

    Duration backoff(int attempts) {
        Duration d = firstBackoff.multipliedBy(1L << Math.min(attempts - 1, 20));
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }

    /** One pass over the incomplete publications (or one delivery right after a commit). */
    private final class Pass {

        private final boolean ignoreBackoff;
        private int completed;
        /** Once the hub failed in a pass, the rest of the pass does not try it again (each try may take seconds). */
        private String down;

        Pass(boolean ignoreBackoff) {
            this.ignoreBackoff = ignoreBackoff;
        }

        /** Superseded or finished wishes (to be completed) and those whose time has come. */
        boolean wanted(HubUpdateRequested update) {
            var owed = tx.execute(s -> checks.owed(update));
            return owed.isEmpty() || ignoreBackoff || owed.get().dueAt(clock.instant());
        }

        CompletableFuture<Void> deliver(HubUpdateRequested update) {
            try {
                if (deliverNow(update)) {
                    completed++;
                }
                return CompletableFuture.completedFuture(null);
            } catch (HubClient.Unavailable e) {
                return CompletableFuture.failedFuture(e);
            } catch (RuntimeException e) {
                log.warn("Duplicate check failed ({}); it is retried on schedule", e.getClass().getSimpleName());
                return CompletableFuture.failedFuture(new NotSent(e.getClass().getSimpleName()));
            }
        }

        /** True when a wish was carried out; false when there was nothing left to do (superseded or done). */
        private boolean deliverNow(HubUpdateRequested update) {
            Optional<DuplicateChecks.Owed> found = tx.execute(s -> checks.owed(update));
            if (found.isEmpty()) {
                return false;
            }
            DuplicateChecks.Owed owed = found.get();
            try {
                if (owed.action() == DuplicateChecks.Action.DELETE) {
                    unlessDown();
                    hub.delete(owed.reference());
                    tx.executeWithoutResult(s -> checks.done(owed));
                } else {
                    check(owed);
                }
                return true;
            } catch (HubClient.Unavailable e) {
                Duration backoff = backoff(owed.attempts() + 1);
                tx.executeWithoutResult(s -> checks.failed(owed, backoff));
                if (down == null) {
                    down = e.getMessage();
                    log.warn("Duplicate check deferred ({}); next attempt in {}s", e.getMessage(), backoff.toSeconds());
                }
                throw e;
            }
        }

        /**
         * One check. What can be decided here (no consent any more, no identity stored) is decided even while the hub
         * is down; the identity is decrypted (audited) only when the encoding is about to be sent.
         */
        private void check(DuplicateChecks.Owed owed) {
            Optional<Clk> clk = tx.execute(s -> {
                if (!consents.isGiven(owed.clientId(), Purpose.DUPLICATE_CHECK)) {
                    checks.done(owed);
                    return Optional.<Clk>empty();
                }
                Client client = records.find(owed.clientId()).orElseThrow();
                if (client.identityState() != IdentityState.STORED) {
                    checks.state(owed.clientId(), CheckState.NO_IDENTITY);
                    checks.done(owed);
                    return Optional.<Clk>empty();
                }
                unlessDown();
                Optional<Identity> identity = records.identityFor(owed.clientId(), Purpose.DUPLICATE_CHECK);
                if (identity.isEmpty() || (identity.get().givenName() == null && identity.get().surname() == null)) {
                    checks.state(owed.clientId(), CheckState.NO_IDENTITY);
                    checks.done(owed);
                    return Optional.<Clk>empty();
                }
                try {
                    return Optional.of(encoder.encode(client, identity.get()));
                } catch (InvalidInputException e) {
                    checks.state(owed.clientId(), CheckState.FAILED);
                    checks.done(owed);
                    log.warn("Duplicate check not possible for one client: column '{}': {}", e.column(), e.reason());
                    return Optional.<Clk>empty();
                }
            });
            if (clk.isEmpty()) {
                return;
            }
            List<HubClient.Found> found = hub.check(owed.reference(), clk.get());
            tx.executeWithoutResult(s -> {
                if (checks.done(owed)) {
                    checks.answered(owed.clientId(), found);
                }
            });
        }

        private void unlessDown() {
            if (down != null) {
                throw new HubClient.Unavailable(down);
            }
        }
    }

    /** A publication left incomplete for a reason other than the hub; the message names a type, never a value. */
    static final class NotSent extends RuntimeException {
        NotSent(String reason) {
            super(reason, null, false, false);
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
