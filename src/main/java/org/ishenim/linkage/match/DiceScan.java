package org.ishenim.linkage.match;

/**
 * The inner loop: one query against a contiguous range of a {@link ClkStore}, with the popcount bound
 * {@code t|q|/(2-t) <= |b| <= (2-t)|q|/t} deciding the range.
 *
 * <p>Every pair in the range is decided exactly, with an early exit that never drops a pair reaching the threshold.
 * A pair is reported when {@code 2.0 * common >= t * total - SLACK} (the cheap test) and {@code 2.0 * common / total
 * >= t} (the exact ratio, as printed). For each popcount of the target the query precomputes {@code need}: the least
 * integer {@code common} passing the cheap test (the test is monotone in {@code common}, so "passes" is the same as
 * {@code common >= need}). The scan counts the common bits of the first 11/16 of the words (the prefix); the common
 * bits of the remaining words can be at most {@code min(|q suffix|, |b suffix|)}. So if {@code prefix + min(...) <
 * need}, no value of the suffix can pass the cheap test and the pair is skipped; otherwise the suffix is counted and
 * the pair decided as before. To keep the loop short the bound is taken once per block of {@link ClkStore#BLOCK}
 * sorted rows, with the block's smallest target popcount (its first row; {@code need} does not decrease with the
 * popcount) and its largest suffix popcount: that {@code limit} is at most every row's own bound, so it skips only
 * pairs that the per-row bound would skip.
 *
 * <p>A 1024-bit specialisation keeps the query in locals and sums the popcounts as a tree (short dependency chains);
 * {@code Long.bitCount} compiles to the popcnt instruction. {@link #scanFull} is the same loop without the early exit
 * (the benchmark prints both).
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
        if (total > 0 && similarity >= threshold) {
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
     * A query made ready to scan rows [from, to) of one store (or any sub-range of them): its words, popcount, the
     * popcount of its suffix words, and the {@code need} table for the target popcounts that occur in that range.
     */
    public static final class Query {
        final long[] words;
        final int popcount;
        final int suffixPopcount;
        final int queryId;
        final double threshold;
        /** {@code need[pd - needBase]}: least common bits that pass the cheap test against a target of popcount pd. */
        final int[] need;
        final int needBase;

        Query(long[] words, int popcount, int suffixPopcount, int queryId, double threshold, int[] need, int needBase) {
            this.words = words;
            this.popcount = popcount;
            this.suffixPopcount = suffixPopcount;
            this.queryId = queryId;
            this.threshold = threshold;
            this.need = need;
            this.needBase = needBase;
        }
    }

    /** Prepares query {@code q} (popcount {@code pq}) for scans of rows within [from, to) of {@code store}. */
    public static Query prepare(long[] q, int pq, int queryId, ClkStore store, int from, int to, double threshold) {
        int suffix = 0;
        for (int j = store.suffixStart(); j < store.wordsPer(); j++) {
            suffix += Long.bitCount(q[j]);
        }
        if (from >= to) {
            return new Query(q, pq, suffix, queryId, threshold, new int[0], 0);
        }
        int lowest = store.popcount(from);
        int[] need = new int[store.popcount(to - 1) - lowest + 1];
        for (int i = 0; i < need.length; i++) {
            need[i] = need(pq + lowest + i, threshold);
        }
        return new Query(q, pq, suffix, queryId, threshold, need, lowest);
    }

    /**
     * The least {@code common} with {@code 2.0 * common >= threshold * total - SLACK}, computed with exactly that
     * expression; {@code Integer.MAX_VALUE} when no {@code common <= total} passes. Never smaller for a larger total.
     * (Two empty encodings, total 0, pass this test; {@link #accept} rejects them.)
     */
    static int need(int total, double threshold) {
        double bar = threshold * total - SLACK;
        long c = Math.max(0, Math.min(total, (long) Math.ceil(bar / 2)));
        while (c > 0 && 2.0 * (c - 1) >= bar) {
            c--;
        }
        while (c <= total && !(2.0 * c >= bar)) {
            c++;
        }
        return c > total ? Integer.MAX_VALUE : (int) c;
    }

    /**
     * Scans rows [from, to) of the store for Dice >= threshold against query {@code q} (popcount {@code pq}) and
     * adds hits as (queryId, original index, similarity). Returns the number of pairs decided.
     */
    public static long scan(long[] q, int pq, int queryId, ClkStore store, int from, int to, double threshold,
            PairSink out) {
        return scan(prepare(q, pq, queryId, store, from, to, threshold), store, from, to, out);
    }

    /**
     * Scans rows [from, to) (within the range the query was prepared for) with the exact early exit. Returns the
     * number of pairs decided ({@code to - from}: a skipped pair is decided too).
     */
    public static long scan(Query query, ClkStore store, int from, int to, PairSink out) {
        if (from >= to) {
            return 0;
        }
        if (store.wordsPer() == 16) {
            scan1024(query, store, from, to, out);
        } else {
            scanAny(query, store, from, to, out);
        }
        return to - from;
    }

    /** The same scan without the early exit: every word of every pair is counted (for the benchmark). */
    public static long scanFull(Query query, ClkStore store, int from, int to, PairSink out) {
        if (from >= to) {
            return 0;
        }
        if (store.wordsPer() == 16) {
            scan1024Full(query, store, from, to, out);
        } else {
            scanAnyFull(query, store, from, to, out);
        }
        return to - from;
    }

    private static void scanAny(Query query, ClkStore store, int from, int to, PairSink out) {
        long[] q = query.words;
        long[] words = store.words();
        int[] pop = store.popcounts();
        int[] blockMax = store.blockMaxSuffix();
        int[] need = query.need;
        int needBase = query.needBase;
        int qs = query.suffixPopcount;
        int w = store.wordsPer();
        int cut = store.suffixStart();
        for (int start = from, end; start < to; start = end) {
            end = Math.min(to, (start | (ClkStore.BLOCK - 1)) + 1);
            int limit = need[pop[start] - needBase] - Math.min(qs, blockMax[start >> ClkStore.BLOCK_SHIFT]);
            for (int r = start; r < end; r++) {
                int base = r * w;
                int common = 0;
                for (int j = 0; j < cut; j++) {
                    common += Long.bitCount(q[j] & words[base + j]);
                }
                if (common < limit) {
                    continue;
                }
                for (int j = cut; j < w; j++) {
                    common += Long.bitCount(q[j] & words[base + j]);
                }
                if (common >= need[pop[r] - needBase]) {
                    accept(query.queryId, store.originalIndex(r), common, query.popcount + pop[r], query.threshold,
                            out);
                }
            }
        }
    }

    private static void scanAnyFull(Query query, ClkStore store, int from, int to, PairSink out) {
        long[] q = query.words;
        long[] words = store.words();
        int[] pop = store.popcounts();
        int[] need = query.need;
        int needBase = query.needBase;
        int w = store.wordsPer();
        for (int r = from; r < to; r++) {
            int base = r * w;
            int common = 0;
            for (int j = 0; j < w; j++) {
                common += Long.bitCount(q[j] & words[base + j]);
            }
            if (common >= need[pop[r] - needBase]) {
                accept(query.queryId, store.originalIndex(r), common, query.popcount + pop[r], query.threshold, out);
            }
        }
    }

    /** Early exit after 11 of 16 words: the suffix is words 11 to 15 (see {@link ClkStore#suffixStart(int)}). */
    private static void scan1024(Query query, ClkStore store, int from, int to, PairSink out) {
        long[] q = query.words;
        long[] d = store.words();
        int[] pop = store.popcounts();
        int[] blockMax = store.blockMaxSuffix();
        int[] need = query.need;
        int needBase = query.needBase;
        int qs = query.suffixPopcount;
        long q0 = q[0], q1 = q[1], q2 = q[2], q3 = q[3], q4 = q[4], q5 = q[5], q6 = q[6], q7 = q[7];
        long q8 = q[8], q9 = q[9], q10 = q[10], q11 = q[11], q12 = q[12], q13 = q[13], q14 = q[14], q15 = q[15];
        for (int start = from, end; start < to; start = end) {
            end = Math.min(to, (start | (ClkStore.BLOCK - 1)) + 1);
            int limit = need[pop[start] - needBase] - Math.min(qs, blockMax[start >> ClkStore.BLOCK_SHIFT]);
            for (int r = start; r < end; r++) {
                int b = r << 4;
                int c0 = Long.bitCount(q0 & d[b]) + Long.bitCount(q1 & d[b + 1]);
                int c1 = Long.bitCount(q2 & d[b + 2]) + Long.bitCount(q3 & d[b + 3]);
                int c2 = Long.bitCount(q4 & d[b + 4]) + Long.bitCount(q5 & d[b + 5]);
                int c3 = Long.bitCount(q6 & d[b + 6]) + Long.bitCount(q7 & d[b + 7]);
                int c4 = Long.bitCount(q8 & d[b + 8]) + Long.bitCount(q9 & d[b + 9]);
                int prefix = ((c0 + c1) + (c2 + c3)) + (c4 + Long.bitCount(q10 & d[b + 10]));
                if (prefix < limit) {
                    continue;
                }
                int common = prefix + Long.bitCount(q11 & d[b + 11])
                        + (Long.bitCount(q12 & d[b + 12]) + Long.bitCount(q13 & d[b + 13]))
                        + (Long.bitCount(q14 & d[b + 14]) + Long.bitCount(q15 & d[b + 15]));
                if (common >= need[pop[r] - needBase]) {
                    accept(query.queryId, store.originalIndex(r), common, query.popcount + pop[r], query.threshold,
                            out);
                }
            }
        }
    }

    private static void scan1024Full(Query query, ClkStore store, int from, int to, PairSink out) {
        long[] q = query.words;
        long[] d = store.words();
        int[] pop = store.popcounts();
        int[] need = query.need;
        int needBase = query.needBase;
        long q0 = q[0], q1 = q[1], q2 = q[2], q3 = q[3], q4 = q[4], q5 = q[5], q6 = q[6], q7 = q[7];
        long q8 = q[8], q9 = q[9], q10 = q[10], q11 = q[11], q12 = q[12], q13 = q[13], q14 = q[14], q15 = q[15];
        for (int r = from; r < to; r++) {
            int b = r << 4;
            int c0 = Long.bitCount(q0 & d[b]) + Long.bitCount(q1 & d[b + 1]);
            int c1 = Long.bitCount(q2 & d[b + 2]) + Long.bitCount(q3 & d[b + 3]);
            int c2 = Long.bitCount(q4 & d[b + 4]) + Long.bitCount(q5 & d[b + 5]);
            int c3 = Long.bitCount(q6 & d[b + 6]) + Long.bitCount(q7 & d[b + 7]);
            int c4 = Long.bitCount(q8 & d[b + 8]) + Long.bitCount(q9 & d[b + 9]);
            int c5 = Long.bitCount(q10 & d[b + 10]) + Long.bitCount(q11 & d[b + 11]);
            int c6 = Long.bitCount(q12 & d[b + 12]) + Long.bitCount(q13 & d[b + 13]);
            int c7 = Long.bitCount(q14 & d[b + 14]) + Long.bitCount(q15 & d[b + 15]);
            int common = ((c0 + c1) + (c2 + c3)) + ((c4 + c5) + (c6 + c7));
            if (common >= need[pop[r] - needBase]) {
                accept(query.queryId, store.originalIndex(r), common, query.popcount + pop[r], query.threshold, out);
            }
        }
    }
}
