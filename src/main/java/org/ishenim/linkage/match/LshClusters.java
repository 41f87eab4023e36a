package org.ishenim.linkage.match;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Single-linkage clusters of one set at a Dice threshold, for sets too large to compare every pair (a national
 * count of unique clients). {@link LshPlan} chooses the bands from the set so that a pair at the threshold is missed
 * with probability at most {@link LshPlan#MISS_PER_EDGE}, and may leave its densest encodings out of the bands.
 *
 * <p>Each band reads its few words of every banded encoding from a column copy of the store (one {@code long[]} per
 * word, read in order), masks the sampled bits and hashes them (64 bits); a counting sort on the hash's top bits
 * groups the encodings (no comparison sort). Within a group, only encodings whose whole hash equals another's are
 * copied to a small buffer and compared there (a hash collision only costs a comparison, never a pair), when
 * their popcounts allow the threshold and the two are not already in one cluster: a cluster of k near-duplicates
 * costs about k comparisons, not k². Each encoding denser than
 * the plan bands is compared with every encoding by the exact pruned scan ({@link ParallelScan}). Bands run on all
 * threads (each takes the next band as it finishes one) over a lock-free union-find whose links always go from the
 * lower root index to the higher, so concurrent unions can neither form a cycle nor be lost.
 */
public final class LshClusters {

    private static final long MIX = 0x9E3779B97F4A7C15L;
    /** Odd multipliers, one per word of a band (sum of products, then a mix: equal masked words, equal hash). */
    private static final long[] ODD = new long[LshPlan.MAX_WORDS];

    static {
        java.util.SplittableRandom random = new java.util.SplittableRandom(0x0DDL);
        for (int i = 0; i < ODD.length; i++) {
            ODD[i] = random.nextLong() | 1L;
        }
    }

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
        int banded = store.firstWithPopcountAtLeast(plan.densestBanded() + 1);
        long[][] columns = columns(store, banded);
        LshPlan.Layout layout = plan.draw(store.wordsPer(), seed);
        AtomicLong comparisons = new AtomicLong();
        AtomicInteger nextBand = new AtomicInteger();
        int[] minPop = new int[banded];
        for (int row = 0; row < banded; row++) {
            minPop[row] = minPartnerPopcount(store.popcount(row), threshold);
        }
        pool.each(banded < 2 ? 0 : Math.min(pool.threads(), plan.bands()), worker -> {
            long compared = 0;
            Buckets buckets = new Buckets(banded, store.wordsPer());
            for (int band = nextBand.getAndIncrement(); band < plan.bands(); band = nextBand.getAndIncrement()) {
                compared += joinBand(store, banded, columns, layout, band, threshold, minPop, parent, buckets);
            }
            comparisons.addAndGet(compared);
            return null;
        });
        if (banded < n) {
            comparisons.addAndGet(joinDense(store, banded, threshold, parent, pool));
        }
        int[] labels = new int[n];
        for (int row = 0; row < n; row++) {
            labels[store.originalIndex(row)] = store.originalIndex(find(parent, row));
        }
        int[] canonical = Clusters.canonical(labels);
        return new Result(canonical, Clusters.distinct(canonical), comparisons.get());
    }

    /** Words [0, wordsPer) of rows [0, rows) by column: {@code columns[w][row]}. */
    private static long[][] columns(ClkStore store, int rows) {
        int w = store.wordsPer();
        long[] words = store.words();
        long[][] columns = new long[w][rows];
        for (int row = 0; row < rows; row++) {
            for (int j = 0; j < w; j++) {
                columns[j][row] = words[row * w + j];
            }
        }
        return columns;
    }

    /** At most this many bucket bits (64 Ki counters, 256 KiB: the counting sort stays in cache). */
    private static final int MAX_BUCKET_BITS = 16;

    /** One thread's working memory for {@link #joinBand}. */
    private static final class Buckets {
        final long[] hashes;
        final int[] order;
        final long[] sortedHashes;
        final int[] start = new int[(1 << MAX_BUCKET_BITS) + 1];
        long[] rows;
        int[] roots;
        int[] members;
        long[] memberHashes;
        int[] pops;

        Buckets(int banded, int wordsPer) {
            hashes = new long[banded];
            order = new int[banded];
            sortedHashes = new long[banded];
            memberHashes = new long[64];
            pops = new int[64];
            rows = new long[64 * wordsPer];
            roots = new int[64];
            members = new int[64];
        }
    }

    /**
     * One band by counting sort: hash every banded row's masked words, sort the rows by the hash's top bits (stable,
     * so each bucket lists its rows in popcount order), then for each bucket of two or more copy its rows into a
     * small buffer and compare its pairs there, skipping pairs already in one cluster and pairs whose popcounts
     * cannot reach the threshold.
     */
    private long joinBand(ClkStore store, int banded, long[][] columns, LshPlan.Layout layout, int band,
            double threshold, int[] minPop, AtomicIntegerArray parent, Buckets b) {
        int g = plan.wordsPerBand();
        long[][] bandColumns = new long[g][];
        long[] masks = new long[g];
        for (int i = 0; i < g; i++) {
            bandColumns[i] = columns[layout.words()[band * g + i]];
            masks[i] = layout.masks()[band * g + i];
        }
        int bucketBits = Math.max(1, Math.min(MAX_BUCKET_BITS, Math.min(plan.bitsPerBand() + 2,
                32 - Integer.numberOfLeadingZeros(Math.max(1, banded)))));
        int shift = 64 - bucketBits;
        int buckets = 1 << bucketBits;
        long[] hashes = b.hashes;
        int[] start = b.start;
        Arrays.fill(start, 0, buckets + 1, 0);
        for (int row = 0; row < banded; row++) {
            long h = 0;
            for (int i = 0; i < g; i++) {
                h += (bandColumns[i][row] & masks[i]) * ODD[i];
            }
            h ^= h >>> 31;
            h *= MIX;
            h ^= h >>> 29;
            hashes[row] = h;
            start[(int) (h >>> shift) + 1]++;
        }
        for (int i = 0; i < buckets; i++) {
            start[i + 1] += start[i];
        }
        int[] order = b.order;
        long[] sortedHashes = b.sortedHashes;
        for (int row = 0; row < banded; row++) {
            long h = hashes[row];
            int at = start[(int) (h >>> shift)]++;
            order[at] = row;
            sortedHashes[at] = h;
        }
        // start[i] is now the end of bucket i, and the start of bucket i + 1
        int[] pop = store.popcounts();
        long[] words = store.words();
        int w = store.wordsPer();
        long compared = 0;
        int from = 0;
        for (int i = 0; i < buckets; i++) {
            int to = start[i];
            int size = to - from;
            if (size >= 2) {
                compared += joinBucket(order, sortedHashes, from, size, pop, minPop, words, w, threshold, parent, b);
            }
            from = to;
        }
        return compared;
    }

    /**
     * The pairs of one bucket (positions [from, from + size) of the sorted order) whose hashes are equal. Only rows
     * with such a partner are copied and compared.
     */
    private static long joinBucket(int[] order, long[] sortedHashes, int from, int size, int[] pop, int[] minPop,
            long[] words, int w, double threshold, AtomicIntegerArray parent, Buckets b) {
        if (b.roots.length < size) {
            int capacity = Math.max(size, 2 * b.roots.length);
            b.roots = new int[capacity];
            b.members = new int[capacity];
            b.memberHashes = new long[capacity];
            b.pops = new int[capacity];
            b.rows = new long[capacity * w];
        }
        int[] roots = b.roots;
        int[] members = b.members;
        long[] memberHashes = b.memberHashes;
        int[] pops = b.pops;
        long[] rows = b.rows;
        int kept = 0;
        for (int x = 0; x < size; x++) {
            long h = sortedHashes[from + x];
            boolean partner = false;
            for (int y = 0; y < size && !partner; y++) {
                partner = y != x && sortedHashes[from + y] == h;
            }
            if (partner) {
                int row = order[from + x];
                members[kept] = row;
                memberHashes[kept] = h;
                pops[kept] = pop[row];
                roots[kept] = find(parent, row);
                System.arraycopy(words, row * w, rows, kept * w, w);
                kept++;
            }
        }
        long compared = 0;
        for (int y = 1; y < kept; y++) {
            long hy = memberHashes[y];
            int least = minPop[members[y]];
            for (int x = 0; x < y; x++) {
                if (memberHashes[x] != hy || roots[x] == roots[y] || pops[x] < least) {
                    continue;
                }
                compared++;
                int common = 0;
                for (int j = 0, bx = x * w, by = y * w; j < w; j++) {
                    common += Long.bitCount(rows[bx + j] & rows[by + j]);
                }
                if (DiceScan.reaches(common, pops[x] + pops[y], threshold)) {
                    union(parent, members[x], members[y]);
                    int root = find(parent, members[y]);
                    for (int z = 0; z <= y; z++) {
                        if (roots[z] == roots[x] || roots[z] == roots[y]) {
                            roots[z] = root;
                        }
                    }
                }
            }
        }
        return compared;
    }

    /**
     * Every row from {@code banded} on (denser than the plan bands) against every row before it, by the exact scan:
     * each pair with a row that is not banded is decided once. With {@code banded} 0, every pair of the set.
     */
    private static long joinDense(ClkStore store, int banded, double threshold, AtomicIntegerArray parent,
            ParallelScan pool) {
        int n = store.size();
        int[] rowOf = new int[n];
        for (int row = 0; row < n; row++) {
            rowOf[store.originalIndex(row)] = row;
        }
        ParallelScan.Result found = pool.lowerPairs(store, banded, threshold);
        PairSink pairs = found.pairs();
        for (int p = 0; p < pairs.size(); p++) {
            union(parent, rowOf[pairs.a(p)], rowOf[pairs.b(p)]);
        }
        return found.comparisons();
    }

    /** The smallest popcount that can still reach the threshold against a popcount of {@code pop}. */
    private static int minPartnerPopcount(int pop, double threshold) {
        if (threshold <= 0) {
            return 0;
        }
        return (int) Math.ceil(pop * threshold / (2 - threshold) - 1e-9);
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
