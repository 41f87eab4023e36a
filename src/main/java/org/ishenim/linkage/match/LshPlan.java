package org.ishenim.linkage.match;

import java.util.Random;

/**
 * How {@link LshClusters} buckets one set: {@code bands} keys of {@code bitsPerBand} sampled bits each, the bits of a
 * band drawn from {@code wordsPerBand} 64-bit words, and which encodings are left out of the bands because they are
 * cheaper to compare with every other encoding than to plan for ({@code densestBanded}). The plan is chosen from the
 * set itself; docs/linkage.md ("The unique-client count: the LSH plan") gives the derivation.
 *
 * <p><b>The guarantee.</b> Two encodings at Dice {@code t} with popcounts {@code p} and {@code q} differ in
 * {@code (1 − t)(p + q)} bits. If both popcounts are at most {@code densestBanded}, the pair agrees on a share of at
 * least {@code s = 1 − 2(1 − t)·densestBanded / l} of the {@code l} bits. A band draws, for each of its words, one word
 * uniformly at random and then its share of the band's bits independently and uniformly within that word. Given the
 * words' own agreements {@code s_w} (their mean is {@code s}), a band keeps the pair together with probability
 * {@code Π_i mean_w(s_w^{k_i})}, which is at least {@code s^k} by Jensen's inequality ({@code x^k} is convex), however
 * the differing bits are spread over the words. Bands are drawn independently, so the pair shares no band with
 * probability at most {@code (1 − s^k)^bands}; the plan takes the fewest bands that make this at most
 * {@link #MISS_PER_EDGE}. A pair with an encoding denser than {@code densestBanded} is decided by the exact scan.
 *
 * <p><b>The work.</b> Among the widths, words per band and dense tails, the plan takes the least estimated work: a
 * key per banded encoding and band, the comparisons of other people's pairs that share a band (their rate estimated
 * from a sample of the set's own pairs, word by word, so that sparse plain filters, whose tokens set the same bits in
 * many encodings, and half-filled diffused ones are each costed as they are), and the exact scan of the dense tail.
 * Comparing every pair once by the exact scan is one of the plans ({@link #everyPair()}): for half-filled encodings,
 * where bit sampling needs thousands of bands, it is the cheapest up to a few hundred thousand encodings.
 */
public record LshPlan(int bands, int bitsPerBand, int wordsPerBand, int densestBanded) {

    /** The largest chance that a pair exactly at the threshold, neither denser than the plan allows, shares no band. */
    public static final double MISS_PER_EDGE = 1e-6;

    static final int MAX_BANDS = 200_000;
    static final int MAX_BITS = 48;
    static final int MAX_WORDS = 12;
    private static final int SAMPLE_PAIRS = 2048;
    /** The dense tails tried: none, or this share of the densest encodings. */
    private static final double[] TAILS = {0, 1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2};
    /**
     * Estimated nanoseconds, measured on the 2 shared cores of 2026-12-06 (docs/linkage.md): hashing and counting-sorting
     * one encoding in one band, plus one word read per band word; copying an encoding that has a partner, per word;
     * comparing two copied encodings, per word; and the exact scan, per word of a pair.
     */
    private static final double KEY_COST = 12.0;
    private static final double WORD_COST = 2.5;
    private static final double COPY_COST = 3.0;
    private static final double COMPARE_COST = 1.3;
    /**
     * The exact pruned scan, nanoseconds per word of a pair decided: column loop (SIMD popcount) and row-major loop.
     * The column figure was measured on 2026-12-06 (2,000 half-filled 2048-bit encodings against 100,000: 2.75 ns of
     * CPU a pair on 2 threads, 0.086 ns a word); the row-major one is the earlier estimate.
     */
    private static final double SCAN_COST_COLUMNS = 0.09;
    private static final double SCAN_COST_ROWS = 0.6;

    /** {@code densestBanded} of a plan that bands nothing: every pair is decided by the exact scan. */
    public static final int NONE_BANDED = -1;

    public LshPlan {
        if (bands < 1 || bands > MAX_BANDS || bitsPerBand < 1 || bitsPerBand > MAX_BITS || wordsPerBand < 1
                || wordsPerBand > Math.min(bitsPerBand, MAX_WORDS) || densestBanded < NONE_BANDED) {
            throw new IllegalArgumentException("need 1 to " + MAX_BANDS + " bands of 1 to " + MAX_BITS
                    + " bits from 1 to " + MAX_WORDS + " words, at most one word per bit");
        }
    }

    /** The plan of least estimated work, every pair by the exact scan included (see {@link #everyPair()}). */
    public static LshPlan forStore(ClkStore store, double threshold, long seed) {
        return forStore(store, threshold, seed, true);
    }

    /**
     * The plan of least estimated work; with {@code everyPairAllowed} false, always one that bands (for the tests of
     * the bands themselves).
     */
    public static LshPlan forStore(ClkStore store, double threshold, long seed, boolean everyPairAllowed) {
        int n = store.size();
        int bits = store.wordsPer() * 64;
        if (n < 2) {
            return new LshPlan(1, 1, 1, n == 0 ? 0 : store.popcount(0));
        }
        double[][] collide = collisionRates(sampledWordAgreementPowers(store, seed));
        int words = store.wordsPer();
        double compareCost = 2 + COMPARE_COST * words;
        double scanCost = (DiceScan.columnsByDefault() ? SCAN_COST_COLUMNS : SCAN_COST_ROWS) * words;
        LshPlan best = null;
        double bestCost = Double.MAX_VALUE;
        if (everyPairAllowed) {
            best = everyPair();
            bestCost = n * (n - 1.0) / 2 * scanCost;
        }
        int lastCap = -1;
        for (double share : TAILS) {
            int cap = store.popcount(n - 1 - (int) Math.ceil(share * (n - 1)));
            if (cap == lastCap) {
                continue;
            }
            lastCap = cap;
            int banded = store.firstWithPopcountAtLeast(cap + 1);
            int tail = n - banded;
            double agree = agreementAt(threshold, cap, bits);
            if (agree <= 0) {
                continue;
            }
            double pairs = banded * (banded - 1.0) / 2;
            // each tail row is scanned against the rows before it (ParallelScan.lowerPairs)
            double tailCost = ((double) tail * banded + tail * (tail - 1.0) / 2) * scanCost;
            for (int k = 1; k <= MAX_BITS; k++) {
                double needed = bandsFor(Math.pow(agree, k));
                if (needed > MAX_BANDS) {
                    break;
                }
                int b = (int) needed;
                for (int g = 1; g <= Math.min(k, MAX_WORDS); g++) {
                    double partners = (banded - 1.0) * collide[k][g];
                    double copied = banded * -Math.expm1(-partners);
                    double cost = b * (banded * (KEY_COST + g * WORD_COST) + copied * COPY_COST * words
                            + pairs * collide[k][g] * compareCost) + tailCost;
                    if (cost < bestCost) {
                        bestCost = cost;
                        best = new LshPlan(b, k, g, cap);
                    }
                }
            }
        }
        if (best == null) {
            return everyPair(); // no band can keep a pair at this threshold: compare every pair
        }
        return best;
    }

    /** The plan that bands nothing: every pair is decided by the exact pruned scan, each pair once. */
    public static LshPlan everyPair() {
        return new LshPlan(1, 1, 1, NONE_BANDED);
    }

    /** Whether this plan bands nothing and compares every pair exactly. */
    public boolean comparesEveryPair() {
        return densestBanded == NONE_BANDED;
    }

    /**
     * The least share of bits on which two encodings of at most {@code popcount} set bits each agree when their Dice
     * is at least {@code threshold}: {@code 1 − 2(1 − t)·popcount / bits}.
     */
    public static double agreementAt(double threshold, int popcount, int bits) {
        return 1 - 2 * (1 - threshold) * popcount / bits;
    }

    /** The fewest bands that miss a pair kept together by one band with probability {@code hit} at most {@link #MISS_PER_EDGE}. */
    static double bandsFor(double hit) {
        if (hit >= 1) {
            return 1;
        }
        if (hit <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        double b = Math.max(1, Math.ceil(Math.log(MISS_PER_EDGE) / Math.log1p(-hit)));
        while (b > 1 && Math.pow(1 - hit, b - 1) <= MISS_PER_EDGE) {
            b--;
        }
        while (Math.pow(1 - hit, b) > MISS_PER_EDGE) {
            b++;
        }
        return b;
    }

    /** The least share of bits on which a pair at the threshold agrees when neither is denser than this plan bands. */
    public double agreementAtThreshold(double threshold, int bits) {
        return agreementAt(threshold, densestBanded, bits);
    }

    /** The chance that no band of this plan keeps together a pair agreeing on a share {@code s} of the bits (at most). */
    public double missProbability(double s) {
        return Math.pow(1 - Math.pow(s, bitsPerBand), bands);
    }

    /** How many of the band's bits word {@code i} (0 to {@code wordsPerBand − 1}) of a band draws. */
    public int bitsOfWord(int i) {
        return bitsPerBand / wordsPerBand + (i < bitsPerBand % wordsPerBand ? 1 : 0);
    }

    /**
     * The exact chance that one band of this plan keeps together two encodings of {@code wordsPer} words:
     * {@code Π_i mean_w(s_w^{k_i})}, with {@code s_w} the share of word w's bits on which they agree.
     */
    public double hitProbability(long[] a, long[] b) {
        double hit = 1;
        for (int i = 0; i < wordsPerBand; i++) {
            double mean = 0;
            for (int w = 0; w < a.length; w++) {
                mean += Math.pow(1 - Long.bitCount(a[w] ^ b[w]) / 64.0, bitsOfWord(i));
            }
            hit *= mean / a.length;
        }
        return hit;
    }

    /**
     * The bands drawn with {@code seed} for encodings of {@code wordsPer} words: for band j and its word i, the word
     * {@code words[j * wordsPerBand + i]} and the mask of its sampled bits {@code masks[j * wordsPerBand + i]}.
     */
    public record Layout(int[] words, long[] masks) {
    }

    public Layout draw(int wordsPer, long seed) {
        Random random = new Random(seed);
        int[] words = new int[bands * wordsPerBand];
        long[] masks = new long[bands * wordsPerBand];
        for (int j = 0; j < words.length; j++) {
            words[j] = random.nextInt(wordsPer);
            int draws = bitsOfWord(j % wordsPerBand);
            long mask = 0;
            for (int d = 0; d < draws; d++) {
                mask |= 1L << random.nextInt(64);
            }
            masks[j] = mask;
        }
        return new Layout(words, masks);
    }

    /**
     * {@code rates[k][g]}: the mean over the sampled pairs of {@code Π_i mean_w(s_w^{k_i})}, the chance that a band
     * of k bits over g words keeps a pair of the set together.
     */
    private static double[][] collisionRates(double[][] powers) {
        double[][] rates = new double[MAX_BITS + 1][MAX_WORDS + 1];
        for (int k = 1; k <= MAX_BITS; k++) {
            for (int g = 1; g <= Math.min(k, MAX_WORDS); g++) {
                int q = k / g;
                int rem = k % g;
                double sum = 0;
                for (double[] p : powers) {
                    double product = 1;
                    for (int i = 0; i < g; i++) {
                        product *= i < rem ? p[q + 1] : p[q];
                    }
                    sum += product;
                }
                rates[k][g] = sum / powers.length;
            }
        }
        return rates;
    }

    /** For each sampled pair of different encodings, {@code mean_w(s_w^e)} for e = 0 to {@link #MAX_BITS} + 1. */
    private static double[][] sampledWordAgreementPowers(ClkStore store, long seed) {
        int n = store.size();
        Random random = new Random(seed ^ 0x5eedL);
        long[] data = store.words();
        int w = store.wordsPer();
        double[][] powers = new double[SAMPLE_PAIRS][MAX_BITS + 2];
        for (int k = 0; k < SAMPLE_PAIRS; k++) {
            int a = random.nextInt(n);
            int b = random.nextInt(n - 1);
            if (b >= a) {
                b++;
            }
            for (int j = 0; j < w; j++) {
                double s = 1 - Long.bitCount(data[a * w + j] ^ data[b * w + j]) / 64.0;
                double p = 1;
                for (int e = 0; e < powers[k].length; e++) {
                    powers[k][e] += p / w;
                    p *= s;
                }
            }
        }
        return powers;
    }
}
