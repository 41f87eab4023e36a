package org.ishenim.hub;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class QueryQuotaTest {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-29T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aSiteGetsItsQuotaPerHourAndOtherSitesAreNotAffected() {
        var clock = new MovableClock();
        var quota = new QueryQuota(3, clock);
        quota.take("a");
        quota.take("a");
        quota.take("a");
        assertThatThrownBy(() -> quota.take("a")).isInstanceOf(QueryQuota.Exceeded.class);
        quota.take("b");
        clock.now = clock.now.plus(Duration.ofMinutes(61));
        quota.take("a");
    }
}
