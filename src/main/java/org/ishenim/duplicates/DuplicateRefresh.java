package org.ishenim.duplicates;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.ishenim.audit.AuditLog;
import org.ishenim.audit.Outcome;
import org.ishenim.clients.ClientId;
import org.ishenim.web.ClinicOnly;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hub keeps an encoding only while its clinic sends it again within the hub's retention
 * ({@code ishenim.hub.encoding-retention}, 90 days by default). Once a day this sends every client whose last answered
 * check is older than {@code ishenim.duplicates.refresh-interval} (30 days by default) again, through the outbox, as
 * "check again" does: only with the consent, never for a withdrawn check.
 */
@Component
@ClinicOnly
class DuplicateRefresh {

    private final DuplicateChecks checks;
    private final DuplicateCheck duplicates;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration interval;

    DuplicateRefresh(DuplicateChecks checks, DuplicateCheck duplicates, AuditLog audit, Clock clock,
            @Value("${ishenim.duplicates.refresh-interval:P30D}") Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("ishenim.duplicates.refresh-interval is a positive duration");
        }
        this.checks = checks;
        this.duplicates = duplicates;
        this.audit = audit;
        this.clock = clock;
        this.interval = interval;
    }

    @Scheduled(cron = "${ishenim.duplicates.refresh.cron:0 40 2 * * *}")
    void scheduled() {
        refreshStale();
    }

    /** Queues the clients whose last answer is older than the interval; returns how many. */
    @Transactional
    int refreshStale() {
        List<ClientId> stale = checks.answeredBefore(clock.instant().minus(interval));
        int queued = 0;
        for (ClientId id : stale) {
            duplicates.request(id); // nothing without the consent
            if (checks.queued(id).isPresent()) {
                queued++;
            }
        }
        if (queued > 0) {
            audit.record("duplicates.refresh", null, queued + " clients sent again: last answer older than " + interval,
                    Outcome.SUCCESS);
        }
        return queued;
    }
}
