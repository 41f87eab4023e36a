package org.ishenim.linkage.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The plan's arithmetic: the fewest bands for the miss bound, the bound itself on the plan chosen for the default's
 * half-filled encodings, and the claim that however a pair's differing bits are spread over the words, one band keeps
 * it together with probability at least {@code s^k} (and that the drawn bands do what the formula says).
 */
class LshPlanTest {

    @Test
    void bandsAreTheFewestThatMeetTheMissBound() {
        // a band keeping the pair with probability 1/2 misses it 20 times running with 0.5^20 = 9.5e-7 <= 1e-6,
        // 19 times with 1.9e-6
        assertThat(LshPlan.bandsFor(0.5)).isEqualTo(20);
        for (double hit : new double[] {0.9, 0.3, 0.01, 1e-3, 2.7e-4}) {
            double b = LshPlan.bandsFor(hit);
            assertThat(Math.pow(1 - hit, b)).isLessThanOrEqualTo(LshPlan.MISS_PER_EDGE);
            assertThat(Math.pow(1 - hit, b - 1)).isGreaterThan(LshPlan.MISS_PER_EDGE);
        }
        assertThat(LshPlan.agreementAt(0.76, 1024, 2048)).isCloseTo(0.76, within(1e-12));
        assertThat(LshPlan.agreementAt(0.75, 1076, 2048)).isCloseTo(1 - 0.5 * 1076 / 2048.0, within(1e-12));
    }

    @Test
    void thePlanForHalfFilledEncodingsMissesAPairAtTheThresholdAtMostOnceInAMillion() {
        ClkStore store = diffusedStore(20_000, new Random(3));
        double threshold = 0.76;

        LshPlan plan = LshPlan.forStore(store, threshold, 1, false);
        double s = plan.agreementAtThreshold(threshold, 2048);

        assertThat(plan.missProbability(s)).isLessThanOrEqualTo(LshPlan.MISS_PER_EDGE);
        LshPlan fewer = new LshPlan(plan.bands() - 1, plan.bitsPerBand(), plan.wordsPerBand(), plan.densestBanded());
        assertThat(fewer.missProbability(s)).isGreaterThan(LshPlan.MISS_PER_EDGE);
        // the encodings left out of the bands are the densest few, compared exactly
        int banded = store.firstWithPopcountAtLeast(plan.densestBanded() + 1);
        assertThat(store.size() - banded).isLessThanOrEqualTo((int) Math.ceil(0.03 * store.size()));
    }

    /**
     * Half-filled encodings need thousands of bands (bit sampling separates agreement 0.74 from 0.5 poorly): up to a
     * few hundred thousand, every pair once by the exact scan is less work, and the plan says so. Sparse plain
     * filters keep their bands.
     */
    @Test
    void halfFilledEncodingsUpToAFewHundredThousandAreComparedPairByPair() {
        assertThat(LshPlan.forStore(diffusedStore(100_000, new Random(5)), 0.75, 1).comparesEveryPair()).isTrue();
        assertThat(LshPlan.forStore(diffusedStore(20_000, new Random(6)), 0.76, 1).comparesEveryPair()).isTrue();
        LshPlan plain = LshPlan.forStore(plainStore(100_000, new Random(8)), 0.85, 1);
        assertThat(plain.comparesEveryPair()).isFalse();
        assertThat(plain.bands()).isBetween(100, 1_000);
        assertThat(LshPlan.everyPair().comparesEveryPair()).isTrue();
    }

    @Test
    void howeverTheDifferencesAreSpreadABandKeepsThePairWithProbabilityAtLeastSToTheK() {
        LshPlan plan = new LshPlan(1000, 20, 5, 2048);
        int words = 32;
        int differing = 491; // a pair at Dice 0.76 with 1024 bits set each
        double s = 1 - differing / 2048.0;
        long[] a = new long[words];
        Random random = new Random(9);
        for (int j = 0; j < words; j++) {
            a[j] = random.nextLong();
        }
        // evenly over the words, packed into as few words as possible, and at random positions
        long[][] partners = {flip(a, spread(differing, words)), flip(a, packed(differing, words)),
                flip(a, random(differing, words, random))};
        for (long[] b : partners) {
            assertThat(differ(a, b)).isEqualTo(differing);
            assertThat(plan.hitProbability(a, b)).isGreaterThanOrEqualTo(Math.pow(s, 20) * (1 - 1e-12));
        }
        assertThat(plan.hitProbability(a, partners[0])).isCloseTo(Math.pow(s, 20), within(Math.pow(s, 20) * 0.2));
    }

    @Test
    void theDrawnBandsKeepAPairAsOftenAsTheFormulaSays() {
        LshPlan plan = new LshPlan(200_000, 12, 4, 2048);
        LshPlan.Layout layout = plan.draw(32, 77);
        Random random = new Random(5);
        long[] a = new long[32];
        for (int j = 0; j < 32; j++) {
            a[j] = random.nextLong();
        }
        long[] b = flip(a, packed(400, 32));
        int kept = 0;
        for (int band = 0; band < plan.bands(); band++) {
            boolean same = true;
            for (int i = 0; i < plan.wordsPerBand() && same; i++) {
                int word = layout.words()[band * plan.wordsPerBand() + i];
                same = ((a[word] ^ b[word]) & layout.masks()[band * plan.wordsPerBand() + i]) == 0;
            }
            kept += same ? 1 : 0;
        }
        double expected = plan.hitProbability(a, b) * plan.bands();
        // a binomial count: within 5 standard deviations (fixed seeds, so the outcome never changes)
        assertThat((double) kept).isCloseTo(expected, within(5 * Math.sqrt(expected) + 1));
        assertThat(plan.hitProbability(a, b)).isGreaterThan(Math.pow(1 - 400 / 2048.0, 12));
    }

    private static ClkStore diffusedStore(int n, Random random) {
        long[] flat = new long[n * 32];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = random.nextLong();
        }
        return ClkStore.of(flat, 32);
    }

    /** About a third of the bits set, as the plain clinic filters. */
    private static ClkStore plainStore(int n, Random random) {
        long[] flat = new long[n * 16];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = random.nextLong() & random.nextLong() | (random.nextLong() & random.nextLong() & random.nextLong());
        }
        return ClkStore.of(flat, 16);
    }

    private static int[] spread(int bits, int words) {
        int[] perWord = new int[words];
        for (int i = 0; i < bits; i++) {
            perWord[i % words]++;
        }
        return perWord;
    }

    private static int[] packed(int bits, int words) {
        int[] perWord = new int[words];
        for (int j = 0; j < words && bits > 0; j++) {
            perWord[j] = Math.min(64, bits);
            bits -= perWord[j];
        }
        return perWord;
    }

    private static int[] random(int bits, int words, Random random) {
        int[] perWord = new int[words];
        while (bits > 0) {
            int j = random.nextInt(words);
            if (perWord[j] < 64) {
                perWord[j]++;
                bits--;
            }
        }
        return perWord;
    }

    /** A copy of {@code a} with the lowest {@code perWord[j]} bits of word j flipped. */
    private static long[] flip(long[] a, int[] perWord) {
        long[] b = a.clone();
        for (int j = 0; j < a.length; j++) {
            b[j] ^= perWord[j] == 64 ? -1L : (1L << perWord[j]) - 1;
        }
        return b;
    }

    private static int differ(long[] a, long[] b) {
        int d = 0;
        for (int j = 0; j < a.length; j++) {
            d += Long.bitCount(a[j] ^ b[j]);
        }
        return d;
    }
}
