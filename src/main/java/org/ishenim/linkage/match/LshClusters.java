package org.ishenim.linkage.match;

import java.util.Random;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Single-linkage clusters of one set at a Dice threshold, for sets too large to compare every pair (a national
 * count of unique clients). Encodings are bucketed by LSH bit-sampling bands ({@link LshPlan} sizes them from the
 * set's own popcounts so that a pair at the threshold is missed with probability at most
 * {@link LshPlan#MISS_PER_EDGE}). Within a bucket, a pair is compared only when its popcounts allow the threshold
 * and the two are not already in one cluster: a cluster of k near-duplicates costs about k comparisons, not k².
 * Bands run in parallel on a lock-free union-find whose links always go from the lower root index to the higher,
 * so concurrent unions can neither form a cycle nor be lost.
 */
public final class LshClusters {

    private final LshPlan plan;
    private final long seed;

    public LshClusters(LshPlan plan, long seed) {
        this.plan = plan;
        this.seed = seed;
    }

    /**
     * What a run did: the cluster of each encoding in input order, named by its smallest index
     * ({@link Clusters#canonical}), the number of clusters and the comparisons made.
     */
    public record Result(int[] labels, int clusters, long comparisons) {
    }

    public Result cluster(ClkStore store, double threshold, ParallelScan pool) {
        int n = store.size();
        AtomicIntegerArray parent = new AtomicIntegerArray(n);
        for (int i = 0; i < n; i++) {
            parent.set(i, i);
        }
        int bits = store.wordsPer() * 64;
        Random random = new Random(seed);
        int[][] positions = new int[plan.bands()][plan.bitsPerBand()];
        for (int[] band : positions) {
            for (int i = 0; i < band.length; i++) {
                band[i] = random.nextInt(bits);
            }
        }
        AtomicLong comparisons = new AtomicLong();
        pool.each(plan.bands(), band -> {
            comparisons.addAndGet(joinBand(store, positions[band], threshold, parent));
            return null;
        });
        int[] labels = new int[n];
        for (int row = 0; row < n; row++) {
            labels[store.originalIndex(row)] = store.originalIndex(find(parent, row));
        }
        int[] canonical = Clusters.canonical(labels);
        return new Result(canonical, Clusters.distinct(canonical), comparisons.get());
    }

    private static long joinBand(ClkStore store, int[] band, double threshold, AtomicIntegerArray parent) {
        long[] keys = LshBlocking.keys(store, band);
        long compared = 0;
        int start = 0;
        while (start < keys.length) {
            long key = keys[start] >>> 32;
            int end = start + 1;
            while (end < keys.length && keys[end] >>> 32 == key) {
                end++;
            }
            for (int x = start; x < end; x++) {
                int a = (int) keys[x];
                int maxPop = maxPartnerPopcount(store.popcount(a), threshold);
                // keys within a bucket are in row order, and rows are in popcount order
                for (int y = x + 1; y < end; y++) {
                    int b = (int) keys[y];
                    if (store.popcount(b) > maxPop) {
                        break;
                    }
                    if (find(parent, a) == find(parent, b)) {
                        continue;
                    }
                    compared++;
                    int total = store.popcount(a) + store.popcount(b);
                    if (DiceScan.reaches(commonBits(store, a, b), total, threshold)) {
                        union(parent, a, b);
                    }
                }
            }
            start = end;
        }
        return compared;
    }

    /** The largest popcount that can still reach the threshold against a popcount of {@code pop}. */
    private static int maxPartnerPopcount(int pop, double threshold) {
        if (threshold <= 0) {
            return Integer.MAX_VALUE;
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.floor(pop * (2 - threshold) / threshold + 1e-9));
    }

    private static int commonBits(ClkStore store, int a, int b) {
        long[] words = store.words();
        int w = store.wordsPer();
        int common = 0;
        for (int j = 0; j < w; j++) {
            common += Long.bitCount(words[a * w + j] & words[b * w + j]);
        }
        return common;
    }

    static int find(AtomicIntegerArray parent, int x) {
        while (true) {
            int p = parent.get(x);
            if (p == x) {
                return x;
            }
            int grandparent = parent.get(p);
            if (grandparent != p) {
                parent.compareAndSet(x, p, grandparent); // path halving; losing the race is harmless
            }
            x = grandparent;
        }
    }

    static void union(AtomicIntegerArray parent, int a, int b) {
        while (true) {
            int ra = find(parent, a);
            int rb = find(parent, b);
            if (ra == rb) {
                return;
            }
            int low = Math.min(ra, rb);
            int high = Math.max(ra, rb);
            if (parent.compareAndSet(low, low, high)) {
                return;
            }
        }
    }
}
