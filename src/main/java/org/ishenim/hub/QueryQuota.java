package org.ishenim.hub;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.ishenim.web.ProblemException;

/**
 * At most {@code max} queries per site per hour. A site that probes the hub with crafted encodings (to learn
 * whether some encoding is stored elsewhere, one bit per query) is slowed down, and each query is audited.
 */
final class QueryQuota {

    static final class Exceeded extends ProblemException {
        Exceeded() {
            super("query-quota", "Too many queries from this site; try again later.");
        }

        @Override
        public int status() {
            return 429;
        }
    }

    private record Window(Instant start, int used) {
    }

    private static final Duration HOUR = Duration.ofHours(1);

    private final int max;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    QueryQuota(int max, Clock clock) {
        this.max = max;
        this.clock = clock;
    }

    void take(String site) {
        Instant now = clock.instant();
        Window w = windows.compute(site, (s, old) -> old == null || !now.isBefore(old.start().plus(HOUR))
                ? new Window(now, 1) : new Window(old.start(), old.used() + 1));
        if (w.used() > max) {
            throw new Exceeded();
        }
    }
}
