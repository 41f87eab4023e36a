package org.ishenim.linkage.match;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.management.HotSpotDiagnosticMXBean;

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
 * the pair decided as before.
 *
 * <p>Two loops implement this and give the same pairs, bit for bit. {@link #scan} takes the column loop
 * ({@link #scanColumns}) where SIMD popcount was detected ({@link #columnsByDefault()}), else the row-major loop
 * ({@link #scanRows}).
 *
 * <p>Column loop. The prefix is counted column by column ({@link ClkStore#columns()}: 32-bit halves of the words,
 * one array per half), for all rows of the range at once, into a per-row count array:
 * {@code counts[r] += bitCount(q_k & col_k[r])} for 4 columns per loop. HotSpot's C2 (JDK 17) turns such a loop into
 * SIMD code ({@code vpandd}, {@code vpopcntd}, {@code vpaddd} on 16 rows at a time on AVX-512 with VPOPCNTDQ) when
 * the loop body is small (up to 4 columns here; 6 or more are left scalar) and every array is indexed by the same
 * {@code r} (otherwise C2 cannot rule out a dependence between the count array and a column). Then {@link #decide}
 * collects, per span of {@link #SPAN} rows, the rows whose count reaches a loose lower bound of their limits, holds
 * each to its own bound, and counts the suffix (row-major {@code Long.bitCount}) of the few that pass.
 *
 * <p>Row-major loop. 11 scalar popcounts per pair, summed as a tree, then the bound. To keep the loop short the
 * bound is taken once per block of {@link ClkStore#BLOCK} sorted rows, with the block's smallest target popcount
 * (its first row; {@code need} does not decrease with the popcount) and its largest suffix popcount: that
 * {@code limit} is at most every row's own bound, so it skips only pairs that the per-row bound would skip.
 *
 * <p>{@link #scanFull} is the row-major scalar loop without the early exit, counting all 16 words of every pair
 * (the benchmark prints it as the reference).
 */
public final class DiceScan {

    /** The cheap multiply test lets borderline pairs through; the exact division decides. */
    private static final double SLACK = 1e-6;

    /**
     * Whether {@link #scan} takes the column loops ({@link #scanColumns}): only where C2 compiles them to SIMD
     * popcounts, that is x86 with AVX-512 VPOPCNTDQ (a {@code /proc/cpuinfo} flag), {@code UseAVX=3} and
     * {@code UseSuperWord}. Elsewhere the column loops would run as scalar popcnt on 32-bit halves, twice the
     * popcounts of {@link #scanRows}. The system property {@code ishenim.linkage.columns=true|false} overrides it.
     */
    private static final boolean COLUMNS_BY_DEFAULT = detectSimdPopcount();

    private DiceScan() {
    }

    /** The three loops, for {@link ParallelScan} and the benchmark; all decide the same pairs exactly. */
    public enum Loop {
        /** {@link #scanColumns}: early exit, prefix counted by column (SIMD where the JVM vectorises it). */
        COLUMNS,
        /** {@link #scanRows}: early exit, row-major scalar popcnt. */
        ROWS,
        /** {@link #scanFull}: row-major scalar popcnt over all the words, no early exit (the reference). */
        FULL;

        /** {@link #COLUMNS} where SIMD popcount was detected, else {@link #ROWS}: what {@link #scan} does. */
        public static Loop detected() {
            return COLUMNS_BY_DEFAULT ? COLUMNS : ROWS;
        }

        long scan(Query query, ClkStore store, int from, int to, PairSink out) {
            return switch (this) {
                case COLUMNS -> scanColumns(query, store, from, to, out);
                case ROWS -> scanRows(query, store, from, to, out);
                case FULL -> scanFull(query, store, from, to, out);
            };
        }
    }

    /** Whether {@link #scan} uses {@link #scanColumns} (true) or {@link #scanRows} (false) on this JVM. */
    public static boolean columnsByDefault() {
        return COLUMNS_BY_DEFAULT;
    }

    private static boolean detectSimdPopcount() {
        String forced = System.getProperty("ishenim.linkage.columns");
        if (forced != null) {
            return Boolean.parseBoolean(forced);
        }
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (vm == null || Integer.parseInt(vm.getVMOption("UseAVX").getValue()) < 3
                    || !Boolean.parseBoolean(vm.getVMOption("UseSuperWord").getValue())
                    || !Boolean.parseBoolean(vm.getVMOption("UsePopCountInstruction").getValue())) {
                return false;
            }
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    return (line + " ").contains(" avx512_vpopcntdq ");
                }
            }
            return false;
        } catch (IOException | RuntimeException | LinkageError e) {
            return false; // not HotSpot on x86 Linux, or no jdk.management module: keep the row-major loop
        }
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
        /** The 32-bit halves of the prefix words, as in {@link ClkStore#columns()}. */
        final int[] halves;
        /** Per-row prefix counts and the collected rows of {@link #scanColumns}. */
        final Scratch scratch;

        Query(long[] words, int popcount, int suffixPopcount, int queryId, double threshold, int[] need, int needBase,
                int[] halves, Scratch scratch) {
            this.words = words;
            this.halves = halves;
            this.scratch = scratch;
            this.popcount = popcount;
            this.suffixPopcount = suffixPopcount;
            this.queryId = queryId;
            this.threshold = threshold;
            this.need = need;
            this.needBase = needBase;
        }
    }

    /**
     * Working memory of {@link #scanColumns} for one store: a prefix count per row (indexed by row, so that C2 sees
     * the same index on every array of a loop) and the rows collected in one span. Queries that share a scratch must
     * be scanned one after the other, never at the same time.
     */
    public static final class Scratch {
        final int[] counts;
        final int[] hits = new int[SPAN];

        public Scratch(ClkStore store) {
            this.counts = new int[store.size()];
        }
    }

    /** Prepares query {@code q} (popcount {@code pq}) for scans of rows within [from, to) of {@code store}. */
    public static Query prepare(long[] q, int pq, int queryId, ClkStore store, int from, int to, double threshold) {
        return prepare(q, pq, queryId, store, from, to, threshold, new Scratch(store));
    }

    /** As {@link #prepare(long[], int, int, ClkStore, int, int, double)}, with a scratch for {@code store}. */
    public static Query prepare(long[] q, int pq, int queryId, ClkStore store, int from, int to, double threshold,
            Scratch scratch) {
        if (scratch.counts.length < store.size()) {
            throw new IllegalArgumentException("scratch made for a smaller store");
        }
        int[] halves = new int[2 * store.suffixStart()];
        for (int k = 0; k < halves.length; k++) {
            halves[k] = (k & 1) == 0 ? (int) q[k / 2] : (int) (q[k / 2] >>> 32);
        }
        int suffix = 0;
        for (int j = store.suffixStart(); j < store.wordsPer(); j++) {
            suffix += Long.bitCount(q[j]);
        }
        if (from >= to) {
            return new Query(q, pq, suffix, queryId, threshold, new int[0], 0, halves, scratch);
        }
        int lowest = store.popcount(from);
        int[] need = new int[store.popcount(to - 1) - lowest + 1];
        for (int i = 0; i < need.length; i++) {
            need[i] = need(pq + lowest + i, threshold);
        }
        return new Query(q, pq, suffix, queryId, threshold, need, lowest, halves, scratch);
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
        return COLUMNS_BY_DEFAULT ? scanColumns(query, store, from, to, out) : scanRows(query, store, from, to, out);
    }

    /** The early exit over the column layout (see the class comment); the default where SIMD popcount is known. */
    public static long scanColumns(Query query, ClkStore store, int from, int to, PairSink out) {
        if (from >= to) {
            return 0;
        }
        prefixCounts(store.columns(), query.halves, query.scratch.counts, from, to);
        decide(query, store, from, to, out);
        return to - from;
    }

    /**
     * The early exit over the row-major words with scalar {@code Long.bitCount}: 11 popcnt per pair, then the block
     * limit. The default where the JVM would not vectorise the column loops.
     */
    public static long scanRows(Query query, ClkStore store, int from, int to, PairSink out) {
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

    /**
     * {@code counts[r]} = common bits of the query and row r in the prefix, for r in [from, to): columns 0-3 in one
     * pass, then 4 more per pass, then the last 2 (22 columns for 1024 bits: 4 + 4 x 4 + 2). The column count is even
     * (two halves per word).
     */
    static void prefixCounts(int[][] cols, int[] qh, int[] counts, int from, int to) {
        int k;
        if (qh.length >= 4) {
            first4(counts, cols[0], cols[1], cols[2], cols[3], qh[0], qh[1], qh[2], qh[3], from, to);
            k = 4;
        } else {
            first1(counts, cols[0], qh[0], from, to);
            k = 1;
        }
        for (; k + 4 <= qh.length; k += 4) {
            add4(counts, cols[k], cols[k + 1], cols[k + 2], cols[k + 3], qh[k], qh[k + 1], qh[k + 2], qh[k + 3], from,
                    to);
        }
        for (; k + 2 <= qh.length; k += 2) {
            add2(counts, cols[k], cols[k + 1], qh[k], qh[k + 1], from, to);
        }
        if (k < qh.length) {
            add1(counts, cols[k], qh[k], from, to);
        }
    }

    // The loops below must stay this small, with every array indexed by r, to be compiled to SIMD code. C2 (JDK 17)
    // leaves bodies of 6 columns or more scalar, and also, oddly, "counts[r] = two columns"; these shapes were
    // checked in the disassembly (docs/linkage.md).

    private static void first4(int[] counts, int[] c0, int[] c1, int[] c2, int[] c3, int q0, int q1, int q2, int q3,
            int from, int to) {
        for (int r = from; r < to; r++) {
            counts[r] = Integer.bitCount(q0 & c0[r]) + Integer.bitCount(q1 & c1[r]) + Integer.bitCount(q2 & c2[r])
                    + Integer.bitCount(q3 & c3[r]);
        }
    }

    private static void first1(int[] counts, int[] c0, int q0, int from, int to) {
        for (int r = from; r < to; r++) {
            counts[r] = Integer.bitCount(q0 & c0[r]);
        }
    }

    private static void add4(int[] counts, int[] c0, int[] c1, int[] c2, int[] c3, int q0, int q1, int q2, int q3,
            int from, int to) {
        for (int r = from; r < to; r++) {
            counts[r] += Integer.bitCount(q0 & c0[r]) + Integer.bitCount(q1 & c1[r]) + Integer.bitCount(q2 & c2[r])
                    + Integer.bitCount(q3 & c3[r]);
        }
    }

    private static void add2(int[] counts, int[] c0, int[] c1, int q0, int q1, int from, int to) {
        for (int r = from; r < to; r++) {
            counts[r] += Integer.bitCount(q0 & c0[r]) + Integer.bitCount(q1 & c1[r]);
        }
    }

    private static void add1(int[] counts, int[] c0, int q0, int from, int to) {
        for (int r = from; r < to; r++) {
            counts[r] += Integer.bitCount(q0 & c0[r]);
        }
    }

    /** Rows per pass of {@link #decide}'s collecting loop. */
    static final int SPAN = 1024;

    /**
     * The scalar pass over the prefix counts, in spans of {@link #SPAN} rows. A tight loop collects the rows whose
     * count reaches {@code need(first row of the span) - |q suffix|}: a lower bound of every row's own limit in the
     * span ({@code need} does not decrease along the sorted rows, and {@code min(|q suffix|, ...) <= |q suffix|}),
     * so no row that could pass is left out; few rows are collected. Each collected row is then held to its own
     * bound, {@code need(row) - min(|q suffix|, largest suffix popcount of its block)}, and only then is its suffix
     * counted (row-major words) and the pair decided exactly. One loose limit per span keeps the collecting loop
     * down to a load, a compare and a branch per row, which C2 unrolls.
     */
    private static void decide(Query query, ClkStore store, int from, int to, PairSink out) {
        long[] q = query.words;
        long[] words = store.words();
        int[] pop = store.popcounts();
        int[] blockMax = store.blockMaxSuffix();
        int[] need = query.need;
        int needBase = query.needBase;
        int[] counts = query.scratch.counts;
        int[] hits = query.scratch.hits;
        int qs = query.suffixPopcount;
        int w = store.wordsPer();
        int cut = store.suffixStart();
        for (int start = from, end; start < to; start = end) {
            end = Math.min(to, start + SPAN);
            int loose = need[pop[start] - needBase] - qs;
            int found = 0;
            for (int r = start; r < end; r++) {
                if (counts[r] >= loose) {
                    hits[found++] = r;
                }
            }
            for (int h = 0; h < found; h++) {
                int r = hits[h];
                int common = counts[r];
                int rowNeed = need[pop[r] - needBase];
                if (common < rowNeed - Math.min(qs, blockMax[r >> ClkStore.BLOCK_SHIFT])) {
                    continue;
                }
                int base = r * w;
                for (int j = cut; j < w; j++) {
                    common += Long.bitCount(q[j] & words[base + j]);
                }
                if (common >= rowNeed) {
                    accept(query.queryId, store.originalIndex(r), common, query.popcount + pop[r], query.threshold,
                            out);
                }
            }
        }
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
