package org.ishenim.indicators;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import org.ishenim.duplicates.HubConnection;
import org.ishenim.web.ClinicOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Sends each frozen monthly report to the hub ({@code PUT /api/v1/hub/monthly-reports/{month}} with the site token),
 * through the same outbox as the duplicate check: Spring Modulith's Event Publication Registry keeps each
 * {@link MonthlyReportFrozen} from the freeze's transaction until the hub has confirmed the report. An unreachable
 * hub (or one that does not accept the token) leaves the publication incomplete and the report pending; incomplete
 * publications are resubmitted at start-up and every {@code ishenim.indicators.report-send-interval}, so an offline
 * clinic catches up. A report replaced by a later version before it was sent is never sent. A report the hub refuses
 * for good (a later version stored there, or invalid) is marked refused and not sent again.
 */
@Component
@ClinicOnly
class MonthlyReportSender {

    /** The listener's id in the registry (column {@code listener_id}); fixed, so that renaming the method loses nothing. */
    static final String LISTENER_ID = "indicators.monthly-report";

    private static final Logger log = LoggerFactory.getLogger(MonthlyReportSender.class);

    private final MonthlyReports reports;
    private final HubConnection connection;
    private final IncompleteEventPublications publications;
    private final boolean sendInBackground;
    private final RestClient rest;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "monthly-report-sender");
        t.setDaemon(true);
        return t;
    });
    /** One delivery (or one pass of them) at a time. */
    private final ReentrantLock sending = new ReentrantLock();
    /** The pass under way on this thread, if any: the registry resubmits on the thread that asked. */
    private final ThreadLocal<Pass> pass = new ThreadLocal<>();

    MonthlyReportSender(MonthlyReports reports, HubConnection connection, IncompleteEventPublications publications,
            ObjectProvider<ClientHttpRequestInterceptor> interceptors,
            @Value("${ishenim.indicators.report-send-after-commit:true}") boolean sendInBackground) {
        this.reports = reports;
        this.connection = connection;
        this.publications = publications;
        this.sendInBackground = sendInBackground;
        this.rest = HubConnection.client(Duration.ofSeconds(30), interceptors);
    }

    /**
     * The registry's listener: right after the freeze commits it sends in the background (the manager never waits
     * for the hub); inside a pass it sends at once. A normal future completes the publication, a failed one leaves it
     * incomplete.
     */
    @TransactionalEventListener(id = LISTENER_ID, fallbackExecution = true)
    public CompletableFuture<Void> on(MonthlyReportFrozen frozen) {
        Pass current = pass.get();
        if (current != null) {
            return current.deliver(frozen);
        }
        if (!sendInBackground || !connection.configured()) {
            return CompletableFuture.failedFuture(new NotSent("left for the next pass"));
        }
        return CompletableFuture.supplyAsync(() -> {
            sending.lock();
            try {
                return new Pass().deliver(frozen);
            } finally {
                sending.unlock();
            }
        }, background).thenCompose(done -> done);
    }

    @Scheduled(fixedDelayString = "${ishenim.indicators.report-send-interval:PT15M}",
            initialDelayString = "${ishenim.indicators.report-send-interval:PT15M}")
    void scheduled() {
        logFailure(this::sendPending);
    }

    /** An offline or restarted clinic catches up: what the last run left unsent is sent. */
    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        if (sendInBackground && connection.configured()) {
            background.execute(() -> logFailure(this::sendPending));
        }
    }

    /** Resubmits every incomplete report publication, oldest first. Returns how many reports the hub confirmed. */
    int sendPending() {
        if (!connection.configured()) {
            return 0;
        }
        sending.lock();
        Pass current = new Pass();
        pass.set(current);
        try {
            publications.resubmitIncompletePublications(p -> p.getEvent() instanceof MonthlyReportFrozen);
            return current.confirmed;
        } finally {
            pass.remove();
            sending.unlock();
        }
    }

    /** "Freeze and send" from the page: a pass in the background, so that the page never waits on the hub. */
    void sendPendingInBackground() {
        if (connection.configured()) {
            background.execute(() -> logFailure(this::sendPending));
        }
    }

    /** Waits until what was handed to the background before this call has run (tests). */
    void awaitBackground() throws Exception {
        background.submit(() -> { }).get();
    }

    private static void logFailure(Runnable send) {
        try {
            send.run();
        } catch (RuntimeException e) {
            log.warn("Monthly report not sent ({}); it is retried on schedule", e.getClass().getSimpleName());
        }
    }

    /** One pass over the incomplete publications (or one delivery right after a commit). */
    private final class Pass {

        private int confirmed;
        /** Once the hub failed in a pass, the rest of the pass does not try it again. */
        private boolean down;

        CompletableFuture<Void> deliver(MonthlyReportFrozen frozen) {
            try {
                Optional<MonthlyContribution> report = reports.pending(frozen.report());
                if (report.isEmpty()) {
                    return CompletableFuture.completedFuture(null); // replaced, confirmed or refused: nothing to send
                }
                if (down) {
                    return CompletableFuture.failedFuture(new NotSent("hub down in this pass"));
                }
                send(frozen, report.get());
                return CompletableFuture.completedFuture(null);
            } catch (NotSent e) {
                down = true;
                return CompletableFuture.failedFuture(e);
            } catch (RuntimeException e) {
                log.warn("Monthly report not sent ({}); it is retried on schedule", e.getClass().getSimpleName());
                return CompletableFuture.failedFuture(new NotSent(e.getClass().getSimpleName()));
            }
        }

        private void send(MonthlyReportFrozen frozen, MonthlyContribution report) {
            try {
                rest.put().uri(connection.url() + "/api/v1/hub/monthly-reports/{month}", report.month().toString())
                        .header("Authorization", "Bearer " + connection.token())
                        .contentType(MediaType.APPLICATION_JSON).body(report.payload()).retrieve().toBodilessEntity();
            } catch (HttpStatusCodeException e) {
                int status = e.getStatusCode().value();
                if (status == 400 || status == 422 || status == 409 && finalRefusal(e.getResponseBodyAsString())) {
                    // the same report would be refused again: a later version is stored, or the hub finds it invalid
                    log.warn("Monthly report {} v{} refused by the hub ({})", frozen.month(), frozen.version(), status);
                    reports.refused(frozen.report(), frozen.month(), frozen.version(), status);
                    return;
                }
                log.warn("Monthly report deferred (hub answered {}); it is retried on schedule", status);
                throw new NotSent("hub answered " + status);
            } catch (RestClientException | java.io.UncheckedIOException e) {
                log.warn("Monthly report deferred (hub unreachable: {}); it is retried on schedule",
                        e.getClass().getSimpleName());
                throw new NotSent("hub unreachable");
            }
            reports.confirmed(frozen.report(), frozen.month(), frozen.version());
            confirmed++;
        }
    }

    /**
     * A 409 that sending again cannot change: a later version is stored at the hub, or a different report under this
     * version (another 409, two requests racing, is retried).
     */
    static boolean finalRefusal(String problem) {
        return problem.contains("urn:ishenim:problem:" + MonthlyReportReceipt.SUPERSEDED + "\"")
                || problem.contains("urn:ishenim:problem:" + MonthlyReportReceipt.VERSION_CONFLICT + "\"");
    }

    /** A publication left incomplete; the message names a reason, never a value. */
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
