package org.ishenim.linkage.match;

import java.util.Random;

/**
 * How many LSH bands of how many sampled bits, chosen from the set itself. Two encodings at Dice {@code t} with
 * popcounts {@code p} and {@code q} differ in {@code (1 − t)(p + q)} bits, so a pair at the threshold among the
 * densest encodings present agrees on a share {@code s = 1 − 2(1 − t)·max / l} of the bits and shares one band of
 * r bits with probability {@code s^r}. The plan takes the fewest bands that miss such a pair with probability at
 * most {@link #MISS_PER_EDGE}, and among the band widths the one with the least estimated work: sorting keys for
 * every band, plus the comparisons that pairs of other people cost, estimated from a sample of the set's own pairs
 * (real encodings agree on more bits than random ones, because common tokens set the same bits).
 */
public record LshPlan(int bands, int bitsPerBand) {

    /** The largest chance that a pair exactly at the threshold shares no band. */
    public static final double MISS_PER_EDGE = 1e-6;

    static final int MAX_BANDS = 1024;
    private static final int SAMPLE_PAIRS = 4096;
    private static final double KEY_COST = 25.0;
    private static final double COMPARISON_COST = 4.0;

    public LshPlan {
        if (bands < 1 || bands > MAX_BANDS || bitsPerBand < 1 || bitsPerBand > 31) {
            throw new IllegalArgumentException("need 1 to " + MAX_BANDS + " bands of 1 to 31 bits");
        }
    }

    public static LshPlan forStore(ClkStore store, double threshold, long seed) {
        int n = store.size();
        int bits = store.wordsPer() * 64;
        int densest = n == 0 ? 0 : store.popcount(n - 1);
        double agree = Math.max(1e-9, 1 - 2 * (1 - threshold) * densest / bits);
        double[] sample = sampledAgreement(store, seed);
        LshPlan best = null;
        double bestCost = Double.MAX_VALUE;
        for (int r = 4; r <= 31; r++) {
            double hit = Math.pow(agree, r);
            double bandsNeeded = Math.ceil(Math.log(MISS_PER_EDGE) / Math.log1p(-Math.min(hit, 1 - 1e-12)));
            if (bandsNeeded > MAX_BANDS) {
                continue;
            }
            int b = (int) Math.max(1, bandsNeeded);
            double collide = 0;
            for (double s : sample) {
                collide += Math.pow(s, r);
            }
            collide /= Math.max(1, sample.length);
            double pairs = n * (n - 1.0) / 2;
            double cost = b * (n * KEY_COST * (1 + r / 32.0) + pairs * collide * COMPARISON_COST);
            if (cost < bestCost) {
                bestCost = cost;
                best = new LshPlan(b, r);
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("the threshold is too low for LSH blocking on this set");
        }
        return best;
    }

    /** The chance that a band of this plan misses a pair agreeing on a share {@code s} of the bits. */
    public double missProbability(double s) {
        return Math.pow(1 - Math.pow(s, bitsPerBand), bands);
    }

    private static double[] sampledAgreement(ClkStore store, long seed) {
        int n = store.size();
        if (n < 2) {
            return new double[0];
        }
        Random random = new Random(seed ^ 0x5eedL);
        long[] words = store.words();
        int w = store.wordsPer();
        double bits = w * 64.0;
        double[] sample = new double[SAMPLE_PAIRS];
        for (int k = 0; k < SAMPLE_PAIRS; k++) {
            int a = random.nextInt(n);
            int b = random.nextInt(n - 1);
            if (b >= a) {
                b++;
            }
            int differ = 0;
            for (int j = 0; j < w; j++) {
                differ += Long.bitCount(words[a * w + j] ^ words[b * w + j]);
            }
            sample[k] = 1 - differ / bits;
        }
        return sample;
    }
}
