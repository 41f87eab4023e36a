package org.ishenim.linkage.match;

/**
 * The inner loop: one query against a contiguous range of a {@link ClkStore}, with the popcount bound
 * {@code t|q|/(2-t) <= |b| <= (2-t)|q|/t} deciding the range. A 1024-bit specialisation keeps the query in
 * sixteen registers and sums the popcounts as a tree (short dependency chains); {@code Long.bitCount} compiles to
 * the popcnt instruction.
 */
public final class DiceScan {

    /** The cheap multiply test lets borderline pairs through; the exact division decides. */
    private static final double SLACK = 1e-6;

    private DiceScan() {
    }

    /** The one definition of a hit: {@code 2|a&b| / (|a|+|b|) >= threshold}, as printed. */
    public static boolean reaches(int common, int total, double threshold) {
        return total > 0 && 2.0 * common / total >= threshold;
    }

    private static void accept(int queryId, int index, int common, int total, double threshold, PairSink out) {
        double similarity = 2.0 * common / total;
        if (similarity >= threshold) {
            out.add(queryId, index, similarity);
        }
    }

    /** The sorted-row range [from, to) that can reach {@code threshold} against a query of popcount {@code pq}. */
    public static int[] range(ClkStore store, int pq, double threshold) {
        if (threshold <= 0) {
            return new int[] {0, store.size()};
        }
        int min = (int) Math.ceil(pq * threshold / (2 - threshold) - 1e-9);
        long max = (long) Math.floor(pq * (2 - threshold) / threshold + 1e-9);
        int from = store.firstWithPopcountAtLeast(min);
        int to = max >= Integer.MAX_VALUE ? store.size() : store.firstWithPopcountAtLeast((int) max + 1);
        return new int[] {from, to};
    }

    /**
     * Scans rows [from, to) of the store for Dice >= threshold against query {@code q} (popcount {@code pq}) and
     * adds hits as (queryId, original index, similarity). Returns the number of comparisons made.
     */
    public static long scan(long[] q, int pq, int queryId, ClkStore store, int from, int to, double threshold,
            PairSink out) {
        if (store.wordsPer() == 16) {
            scan1024(q, pq, queryId, store, from, to, threshold, out);
        } else {
            scanAny(q, pq, queryId, store, from, to, threshold, out);
        }
        return Math.max(0, to - from);
    }

    private static void scanAny(long[] q, int pq, int queryId, ClkStore store, int from, int to, double threshold,
            PairSink out) {
        long[] words = store.words();
        int[] pop = store.popcounts();
        int w = store.wordsPer();
        for (int r = from; r < to; r++) {
            int base = r * w;
            int common = 0;
            for (int j = 0; j < w; j++) {
                common += Long.bitCount(q[j] & words[base + j]);
            }
            int total = pq + pop[r];
            if (2.0 * common >= threshold * total - SLACK && total > 0) {
                accept(queryId, store.originalIndex(r), common, total, threshold, out);
            }
        }
    }

    private static void scan1024(long[] q, int pq, int queryId, ClkStore store, int from, int to,
            double threshold, PairSink out) {
        long[] d = store.words();
        int[] pop = store.popcounts();
        long q0 = q[0], q1 = q[1], q2 = q[2], q3 = q[3], q4 = q[4], q5 = q[5], q6 = q[6], q7 = q[7];
        long q8 = q[8], q9 = q[9], q10 = q[10], q11 = q[11], q12 = q[12], q13 = q[13], q14 = q[14], q15 = q[15];
        for (int r = from, b = from * 16; r < to; r++, b += 16) {
            int c0 = Long.bitCount(q0 & d[b]) + Long.bitCount(q1 & d[b + 1]);
            int c1 = Long.bitCount(q2 & d[b + 2]) + Long.bitCount(q3 & d[b + 3]);
            int c2 = Long.bitCount(q4 & d[b + 4]) + Long.bitCount(q5 & d[b + 5]);
            int c3 = Long.bitCount(q6 & d[b + 6]) + Long.bitCount(q7 & d[b + 7]);
            int c4 = Long.bitCount(q8 & d[b + 8]) + Long.bitCount(q9 & d[b + 9]);
            int c5 = Long.bitCount(q10 & d[b + 10]) + Long.bitCount(q11 & d[b + 11]);
            int c6 = Long.bitCount(q12 & d[b + 12]) + Long.bitCount(q13 & d[b + 13]);
            int c7 = Long.bitCount(q14 & d[b + 14]) + Long.bitCount(q15 & d[b + 15]);
            int common = ((c0 + c1) + (c2 + c3)) + ((c4 + c5) + (c6 + c7));
            int total = pq + pop[r];
            if (2.0 * common >= threshold * total - SLACK && total > 0) {
                accept(queryId, store.originalIndex(r), common, total, threshold, out);
            }
        }
    }
}
