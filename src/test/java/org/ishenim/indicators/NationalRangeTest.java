package org.ishenim.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The national figure's range, with the arithmetic done by hand in the comments. */
class NationalRangeTest {

    @Test
    void theRangeWidensWithClientsWhoCannotBeDeduplicated() {
        // U = 1000, B = 12, N = 200; 900 references in 855 clusters: overlap 45 / 900 = 0.05;
        // Wilson upper at 95 %: (0.05 + 3.8416/1800 + 1.96·sqrt(0.0475/900 + 3.8416/3,240,000)) / (1 + 3.8416/900)
        // = 0.066250; K = 40 multi-site clusters
        // low   = 1000 + 200·(1 − 0.132499) − 0.016·40 = 1172.86 → 1172
        // point = 1000 + 200·0.95 = 1190
        // high  = 1000 + 12 + 200 + 0.010·40 = 1212.4 → 1213
        NationalRange range = NationalRange.of(1000, 12, 200, 900, 855, 40);

        assertThat(range.overlapRate()).isEqualTo(0.05);
        assertThat(range.overlapRateUpper()).isCloseTo(0.066250, within(1e-6));
        assertThat(range.low()).isEqualTo(1172);
        assertThat(range.point()).isEqualTo(1190);
        assertThat(range.high()).isEqualTo(1213);
    }

    @Test
    void everyoneDeduplicatedAndNoOverlapGivesANarrowRange() {
        // N = 0, B = 0, K = 0: only the linkage terms could widen it, and they are 0
        NationalRange range = NationalRange.of(500, 0, 0, 400, 400, 0);

        assertThat(range.low()).isEqualTo(500);
        assertThat(range.point()).isEqualTo(500);
        assertThat(range.high()).isEqualTo(500);
    }

    @Test
    void withNoReferencesTheLowEndAssumesEveryNonConsentingClientMayBeCountedTwice() {
        // nothing to estimate the overlap from: upper rate 1, so the low end keeps none of N
        NationalRange range = NationalRange.of(0, 0, 30, 0, 0, 0);

        assertThat(range.low()).isZero();
        assertThat(range.point()).isEqualTo(30);
        assertThat(range.high()).isEqualTo(30);
    }
}
