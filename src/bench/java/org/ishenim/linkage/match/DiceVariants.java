package org.ishenim.linkage.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Experiment (a program, not a test) behind docs/linkage.md's notes on the scan: candidate inner loops for 1024-bit
 * CLKs, run interleaved in one process on DiceBench's data (20,000 x 20,000 random CLKs, threshold 0.7, 1 thread,
 * chunks of 64 queries, tiles of 2048 rows). Each variant is first checked against the row-major loop of main (same
 * pairs, same similarities). Variants: {@code rows} (main's loop), {@code csa1}/{@code csa2}/{@code csa3} (one to
 * three 3-word carry-save adders in the prefix), {@code tree7} (a 7-word carry-save tree), {@code shipped}
 * ({@code DiceScan.scan}), {@code sep4full} (SIMD count of all 32 columns, no early exit), {@code collectA}/
 * {@code collectB} (branchy and branchless collecting loops); {@code stats} prints how many rows pass each bound.
 * Run: java -cp target/test-classes:target/classes org.ishenim.linkage.match.DiceVariants [rounds] [variants...]
 */
public final class DiceVariants {

    interface Loop {
        void scan(Ctx c, int from, int to, PairSink out);
    }

    /** One prepared query plus the column copy of the store. */
    static final class Ctx {
        DiceScan.Query query;
        ClkStore store;
        int[] cols;
        int stride;
        int[] qi;
        int[] acc;
        int[][] colArrays;
        int[] rowAcc;
        int[] hits = new int[DiceScan.SPAN + 1];
    }

    static int TILE_ROWS = Integer.getInteger("tile", 2048);
    static int[][] colArrays;

    static long rowsSeen, looseHits, blockHits, rowHits, spansWithHit, spans;

    /** Counts how many rows pass each bound (span-loose, per block, per row) on DiceBench's data. */
    static void stats(Ctx c, int from, int to, PairSink out) {
        DiceScan.Query query = c.query;
        int[] pop = c.store.popcounts();
        int[] blockMax = c.store.blockMaxSuffix();
        int[] need = query.need;
        int needBase = query.needBase;
        int qs = query.suffixPopcount;
        int[] acc = c.rowAcc;
        count(c.colArrays, c.qi, 22, acc, from, to);
        for (int start = from; start < to; start += DiceScan.SPAN) {
            int end = Math.min(to, start + DiceScan.SPAN);
            int loose = need[pop[start] - needBase] - qs;
            boolean any = false;
            spans++;
            for (int r = start; r < end; r++) {
                rowsSeen++;
                if (acc[r] >= loose) {
                    looseHits++;
                    any = true;
                }
                int bs = Math.max(start, r & ~(ClkStore.BLOCK - 1));
                if (acc[r] >= need[pop[bs] - needBase] - Math.min(qs, blockMax[r >> ClkStore.BLOCK_SHIFT])) {
                    blockHits++;
                }
                if (acc[r] >= need[pop[r] - needBase] - Math.min(qs, blockMax[r >> ClkStore.BLOCK_SHIFT])) {
                    rowHits++;
                }
            }
            spansWithHit += any ? 1 : 0;
        }
        sep(c, from, to, out);
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("stats")) {
            int n = 20_000;
            ClkStore a = ClkStore.of(random(n, 1), 16);
            ClkStore b = ClkStore.of(random(n, 2), 16);
            int[] cols = columns(b);
            colArrays = new int[32][];
            for (int j = 0; j < 32; j++) {
                colArrays[j] = Arrays.copyOfRange(cols, j * n, (j + 1) * n);
            }
            run("stats", a, b, cols, 0.7, TILE_ROWS);
            System.out.printf(Locale.ROOT, "rows %d: pass span-loose %.5f, block %.5f, row %.5f; spans with a hit %.3f%n",
                    rowsSeen, (double) looseHits / rowsSeen, (double) blockHits / rowsSeen,
                    (double) rowHits / rowsSeen, (double) spansWithHit / spans);
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<String> names = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            names.add(args[i]);
        }
        if (names.isEmpty()) {
            names.addAll(List.of("rows", "csa1", "csa2", "csa3", "tree7", "shipped", "sep4full"));
        }
        int n = Integer.getInteger("n", 20_000);
        ClkStore a = ClkStore.of(random(n, 1), 16);
        ClkStore b = ClkStore.of(random(n, 2), 16);
        int[] cols = columns(b);
        colArrays = new int[32][];
        for (int j = 0; j < 32; j++) {
            colArrays[j] = Arrays.copyOfRange(cols, j * n, (j + 1) * n);
        }
        PairSink reference = run("rows", a, b, cols, 0.7, TILE_ROWS);
        for (String name : names) {
            PairSink got = run(name, a, b, cols, 0.7, TILE_ROWS);
            if (!DiceScanTest.asMap(got).equals(DiceScanTest.asMap(reference))) {
                throw new IllegalStateException(name + " differs: " + got.size() + " vs " + reference.size());
            }
        }
        // warm-up
        for (int w = 0; w < 2; w++) {
            for (String name : names) {
                run(name, a, b, cols, 0.7, TILE_ROWS);
            }
        }
        double[][] rates = new double[names.size()][rounds];
        for (int round = 0; round < rounds; round++) {
            StringBuilder line = new StringBuilder("round " + round + ":");
            for (int v = 0; v < names.size(); v++) {
                long start = System.nanoTime();
                run(names.get(v), a, b, cols, 0.7, TILE_ROWS);
                double seconds = (System.nanoTime() - start) / 1e9;
                rates[v][round] = (double) n * n / seconds / 1e6;
                line.append(String.format(Locale.ROOT, "  %s %.1f", names.get(v), rates[v][round]));
            }
            System.out.println(line);
        }
        for (int v = 0; v < names.size(); v++) {
            double[] r = rates[v].clone();
            Arrays.sort(r);
            System.out.printf(Locale.ROOT, "%-10s median %.1f M/s  (min %.1f, max %.1f)%n", names.get(v),
                    r[r.length / 2], r[0], r[r.length - 1]);
        }
    }

    static int[] columns(ClkStore s) {
        int n = s.size();
        long[] w = s.words();
        int[] c = new int[32 * n];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < 16; j++) {
                long v = w[r * 16 + j];
                c[(2 * j) * n + r] = (int) v;
                c[(2 * j + 1) * n + r] = (int) (v >>> 32);
            }
        }
        return c;
    }

    static Loop loop(String name) {
        return switch (name) {
            case "rows" -> DiceVariants::rows;
            case "shipped" -> DiceVariants::shipped;
            case "stats" -> DiceVariants::stats;
            case "collectA" -> (c, f, t, o) -> collectVariant(c, f, t, o, false);
            case "collectB" -> (c, f, t, o) -> collectVariant(c, f, t, o, true);
            case "csa1" -> DiceVariants::csa1;
            case "csa2" -> DiceVariants::csa2;
            case "csa3" -> DiceVariants::csa3;
            case "tree7" -> DiceVariants::tree7;
            case "sep4" -> DiceVariants::sep;
            case "sep4full" -> DiceVariants::sepFull;
            default -> throw new IllegalArgumentException(name);
        };
    }

    static PairSink run(String name, ClkStore queries, ClkStore targets, int[] cols, double threshold, int tile) {
        Loop loop = loop(name);
        PairSink sink = new PairSink();
        for (int start = 0; start < queries.size(); start += 64) {
            int end = Math.min(queries.size(), start + 64);
            int count = end - start;
            Ctx[] ctx = new Ctx[count];
            int[] rowAcc = new int[targets.size()];
            DiceScan.Scratch scratch = new DiceScan.Scratch(targets);
            int[][] ranges = new int[count][];
            int lowest = targets.size();
            int highest = 0;
            for (int i = 0; i < count; i++) {
                int pq = queries.popcount(start + i);
                ranges[i] = DiceScan.range(targets, pq, threshold);
                Ctx c = new Ctx();
                long[] q = queries.row(start + i);
                c.query = DiceScan.prepare(q, pq, queries.originalIndex(start + i), targets, ranges[i][0],
                        ranges[i][1], threshold, scratch);
                c.store = targets;
                c.cols = cols;
                c.stride = targets.size();
                c.qi = new int[32];
                for (int j = 0; j < 16; j++) {
                    c.qi[2 * j] = (int) q[j];
                    c.qi[2 * j + 1] = (int) (q[j] >>> 32);
                }
                c.acc = new int[tile];
                c.colArrays = colArrays;
                c.rowAcc = rowAcc;
                ctx[i] = c;
                lowest = Math.min(lowest, ranges[i][0]);
                highest = Math.max(highest, ranges[i][1]);
            }
            for (int tileStart = lowest; tileStart < highest; tileStart += tile) {
                int tileEnd = Math.min(highest, tileStart + tile);
                for (int i = 0; i < count; i++) {
                    int from = Math.max(ranges[i][0], tileStart);
                    int to = Math.min(ranges[i][1], tileEnd);
                    if (from < to) {
                        loop.scan(ctx[i], from, to, sink);
                    }
                }
            }
        }
        return sink;
    }

    private static void accept(DiceScan.Query query, int index, int common, int total, PairSink out) {
        double similarity = 2.0 * common / total;
        if (total > 0 && similarity >= query.threshold) {
            out.add(query.queryId, index, similarity);
        }
    }

    // ---- scalar row-major loops ----

    /** The row-major scalar loop of main (714852c): 11 popcounts, then the block limit. */
    static void rows(Ctx c, int from, int to, PairSink out) {
        DiceScan.Query query = c.query;
        long[] q = query.words;
        long[] d = c.store.words();
        int[] pop = c.store.popcounts();
        int[] blockMax = c.store.blockMaxSuffix();
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
                    accept(query, c.store.originalIndex(r), common, query.popcount + pop[r], out);
                }
            }
        }
    }

    /** Whatever DiceScan.scan ships now. */
    static void shipped(Ctx c, int from, int to, PairSink out) {
        DiceScan.scan(c.query, c.store, from, to, out);
    }

    /** 3-word carry-save adder: pc(a)+pc(b)+pc(c) = pc(a^b^c) + 2 pc(maj(a,b,c)). */
    static void csa1(Ctx c, int from, int to, PairSink out) {
        DiceScan.Query query = c.query;
        long[] q = query.words;
        long[] d = c.store.words();
        int[] pop = c.store.popcounts();
        int[] blockMax = c.store.blockMaxSuffix();
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
                long x0 = q0 & d[b], x1 = q1 & d[b + 1], x2 = q2 & d[b + 2];
                long u = x0 ^ x1;
                int s0 = Long.bitCount(u ^ x2) + 2 * Long.bitCount((x0 & x1) | (u & x2));
                int c1 = Long.bitCount(q3 & d[b + 3]) + Long.bitCount(q4 & d[b + 4]);
                int c2 = Long.bitCount(q5 & d[b + 5]) + Long.bitCount(q6 & d[b + 6]);
                int c3 = Long.bitCount(q7 & d[b + 7]) + Long.bitCount(q8 & d[b + 8]);
                int c4 = Long.bitCount(q9 & d[b + 9]) + Long.bitCount(q10 & d[b + 10]);
                int prefix = (s0 + c1) + (c2 + (c3 + c4));
                if (prefix < limit) {
                    continue;
                }
                int common = prefix + Long.bitCount(q11 & d[b + 11])
                        + (Long.bitCount(q12 & d[b + 12]) + Long.bitCount(q13 & d[b + 13]))
                        + (Long.bitCount(q14 & d[b + 14]) + Long.bitCount(q15 & d[b + 15]));
                if (common >= need[pop[r] - needBase]) {
                    accept(query, c.store.originalIndex(r), common, query.popcount + pop[r], out);
                }
            }
        }
    }

    static void csa2(Ctx c, int from, int to, PairSink out) {
        DiceScan.Query query = c.query;
        long[] q = query.words;
        long[] d = c.store.words();
        int[] pop = c.store.popcounts();
        int[] blockMax = c.store.blockMaxSuffix();
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
                long x0 = q0 & d[b], x1 = q1 & d[b + 1], x2 = q2 & d[b + 2];
                long u = x0 ^ x1;
                long y0 = q3 & d[b + 3], y1 = q4 & d[b + 4], y2 = q5 & d[b + 5];
                long v = y0 ^ y1;
                int s0 = Long.bitCount(u ^ x2) + 2 * Long.bitCount((x0 & x1) | (u & x2));
                int s1 = Long.bitCount(v ^ y2) + 2 * Long.bitCount((y0 & y1) | (v & y2));
                int c2 = Long.bitCount(q6 & d[b + 6]) + Long.bitCount(q7 & d[b + 7]);
                int c3 = Long.bitCount(q8 & d[b + 8]) + Long.bitCount(q9 & d[b + 9]);
                int prefix = (s0 + s1) + ((c2 + c3) + Long.bitCount(q10 & d[b + 10]));
                if (prefix < limit) {
                    continue;
                }
                int common = prefix + Long.bitCount(q11 & d[b + 11])
                        + (Long.bitCount(q12 & d[b + 12]) + Long.bitCount(q13 & d[b + 13]))
                        + (Long.bitCount(q14 & d[b + 14]) + Long.bitCount(q15 & d[b + 15]));
                if (common >= need[pop[r] - needBase]) {
                    accept(query, c.store.originalIndex(r), common, query.popcount + pop[r], out);
                }
            }
        }
    }

    static void csa3(Ctx c, int from, int to, PairSink out) {
        DiceScan.Query query = c.query;
        long[] q = query.words;
        long[] d = c.store.words();
        int[] pop = c.store.popcounts();
        int[] blockMax = c.store.blockMaxSuffix();
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
                long x0 = q0 & d[b], x1 = q1 & d[b + 1], x2 = q2 & d[b + 2];
                long u = x0 ^ x1;
                long y0 = q3 & d[b + 3], y1 = q4 & d[b + 4], y2 = q5 & d[b + 5];
                long v = y0 ^ y1;
                long z0 = q6 & d[b + 6], z1 = q7 & d[b + 7], z2 = q8 & d[b + 8];
                long w = z0 ^ z1;
                int s0 = Long.bitCount(u ^ x2) + 2 * Long.bitCount((x0 & x1) | (u & x2));
                int s1 = Long.bitCount(v ^ y2) + 2 * Long.bitCount((y0 & y1) | (v & y2));
                int s2 = Long.bitCount(w ^ z2) + 2 * Long.bitCount((z0 & z1) | (w & z2));
                int prefix = (s0 + s1) + (s2 + (Long.bitCount(q9 & d[b + 9]) + Long.bitCount(q10 & d[b + 10])));
                if (prefix < limit) {
                    continue;
                }
                int common = prefix + Long.bitCount(q11 & d[b + 11])
                        + (Long.bitCount(q12 & d[b + 12]) + Long.bitCount(q13 & d[b + 13]))
                        + (Long.bitCount(q14 & d[b + 14]) + Long.bitCount(q15 & d[b + 15]));
                if (common >= need[pop[r] - needBase]) {
                    accept(query, c.store.originalIndex(r), common, query.popcount + pop[r], out);
                }
            }
        }
    }

    /** Words 0-6 through a carry-save tree (ones, twos, fours: 3 popcounts for 7 words), words 7-10 plain. */
    static void tree7(Ctx c, int from, int to, PairSink out) {
        DiceScan.Query query = c.query;
        long[] q = query.words;
        long[] d = c.store.words();
        int[] pop = c.store.popcounts();
        int[] blockMax = c.store.blockMaxSuffix();
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
                long x0 = q0 & d[b], x1 = q1 & d[b + 1], x2 = q2 & d[b + 2], x3 = q3 & d[b + 3];
                long x4 = q4 & d[b + 4], x5 = q5 & d[b + 5], x6 = q6 & d[b + 6];
                long u = x0 ^ x1;
                long ones = u ^ x2;
                long t1 = (x0 & x1) | (u & x2);
                u = ones ^ x3;
                long t2 = (ones & x3) | (u & x4);
                ones = u ^ x4;
                u = ones ^ x5;
                long t3 = (ones & x5) | (u & x6);
                ones = u ^ x6;
                long v = t1 ^ t2;
                long twos = v ^ t3;
                long fours = (t1 & t2) | (v & t3);
                int s = Long.bitCount(ones) + 2 * Long.bitCount(twos) + 4 * Long.bitCount(fours);
                int prefix = s + (Long.bitCount(q7 & d[b + 7]) + Long.bitCount(q8 & d[b + 8]))
                        + (Long.bitCount(q9 & d[b + 9]) + Long.bitCount(q10 & d[b + 10]));
                if (prefix < limit) {
                    continue;
                }
                int common = prefix + Long.bitCount(q11 & d[b + 11])
                        + (Long.bitCount(q12 & d[b + 12]) + Long.bitCount(q13 & d[b + 13]))
                        + (Long.bitCount(q14 & d[b + 14]) + Long.bitCount(q15 & d[b + 15]));
                if (common >= need[pop[r] - needBase]) {
                    accept(query, c.store.originalIndex(r), common, query.popcount + pop[r], out);
                }
            }
        }
    }

    // ---- separate column arrays, passes of up to 4 columns (larger bodies are not vectorised by C2 17) ----

    static void first4(int[] acc, int[] c0, int[] c1, int[] c2, int[] c3, int q0, int q1, int q2, int q3, int from,
            int to) {
        for (int r = from; r < to; r++) {
            acc[r] = Integer.bitCount(q0 & c0[r]) + Integer.bitCount(q1 & c1[r]) + Integer.bitCount(q2 & c2[r])
                    + Integer.bitCount(q3 & c3[r]);
        }
    }

    static void add4(int[] acc, int[] c0, int[] c1, int[] c2, int[] c3, int q0, int q1, int q2, int q3, int from,
            int to) {
        for (int r = from; r < to; r++) {
            acc[r] += Integer.bitCount(q0 & c0[r]) + Integer.bitCount(q1 & c1[r]) + Integer.bitCount(q2 & c2[r])
                    + Integer.bitCount(q3 & c3[r]);
        }
    }

    static void add2(int[] acc, int[] c0, int[] c1, int q0, int q1, int from, int to) {
        for (int r = from; r < to; r++) {
            acc[r] += Integer.bitCount(q0 & c0[r]) + Integer.bitCount(q1 & c1[r]);
        }
    }

    /** Columns [0, ints) of rows [from, to) into acc (ints even, at least 4). */
    static void count(int[][] cols, int[] qi, int ints, int[] acc, int from, int to) {
        first4(acc, cols[0], cols[1], cols[2], cols[3], qi[0], qi[1], qi[2], qi[3], from, to);
        int j = 4;
        for (; j + 4 <= ints; j += 4) {
            add4(acc, cols[j], cols[j + 1], cols[j + 2], cols[j + 3], qi[j], qi[j + 1], qi[j + 2], qi[j + 3], from,
                    to);
        }
        if (j < ints) {
            add2(acc, cols[j], cols[j + 1], qi[j], qi[j + 1], from, to);
        }
    }

    static void sep(Ctx c, int from, int to, PairSink out) {
        DiceScan.Query query = c.query;
        long[] d = c.store.words();
        int[] pop = c.store.popcounts();
        int[] blockMax = c.store.blockMaxSuffix();
        int[] need = query.need;
        int needBase = query.needBase;
        int qs = query.suffixPopcount;
        long[] q = query.words;
        int[] acc = c.rowAcc;
        count(c.colArrays, c.qi, 22, acc, from, to);
        for (int start = from, end; start < to; start = end) {
            end = Math.min(to, (start | (ClkStore.BLOCK - 1)) + 1);
            int limit = need[pop[start] - needBase] - Math.min(qs, blockMax[start >> ClkStore.BLOCK_SHIFT]);
            for (int r = start; r < end; r++) {
                int prefix = acc[r];
                if (prefix < limit) {
                    continue;
                }
                int b = r << 4;
                int common = prefix + Long.bitCount(q[11] & d[b + 11])
                        + (Long.bitCount(q[12] & d[b + 12]) + Long.bitCount(q[13] & d[b + 13]))
                        + (Long.bitCount(q[14] & d[b + 14]) + Long.bitCount(q[15] & d[b + 15]));
                if (common >= need[pop[r] - needBase]) {
                    accept(query, c.store.originalIndex(r), common, query.popcount + pop[r], out);
                }
            }
        }
    }

    static void sepFull(Ctx c, int from, int to, PairSink out) {
        DiceScan.Query query = c.query;
        int[] pop = c.store.popcounts();
        int[] need = query.need;
        int needBase = query.needBase;
        int[] acc = c.rowAcc;
        count(c.colArrays, c.qi, 32, acc, from, to);
        for (int r = from; r < to; r++) {
            int common = acc[r];
            if (common >= need[pop[r] - needBase]) {
                accept(query, c.store.originalIndex(r), common, query.popcount + pop[r], out);
            }
        }
    }

    static int collectBranchy(int[] counts, int loose, int start, int end, int[] hits) {
        int found = 0;
        for (int r = start; r < end; r++) {
            if (counts[r] >= loose) {
                hits[found++] = r;
            }
        }
        return found;
    }

    static int collectBranchless(int[] counts, int loose, int start, int end, int[] hits) {
        int found = 0;
        int bar = loose - 1;
        for (int r = start; r < end; r++) {
            hits[found] = r;
            found += (bar - counts[r]) >>> 31;
        }
        return found;
    }

    static void collectVariant(Ctx c, int from, int to, PairSink out, boolean branchless) {
        DiceScan.Query query = c.query;
        long[] q = query.words;
        long[] d = c.store.words();
        int[] pop = c.store.popcounts();
        int[] blockMax = c.store.blockMaxSuffix();
        int[] need = query.need;
        int needBase = query.needBase;
        int qs = query.suffixPopcount;
        int[] counts = c.rowAcc;
        int[] hits = c.hits;
        count(c.colArrays, c.qi, 22, counts, from, to);
        for (int start = from, end; start < to; start = end) {
            end = Math.min(to, start + DiceScan.SPAN);
            int loose = need[pop[start] - needBase] - qs;
            int found = branchless ? collectBranchless(counts, loose, start, end, hits)
                    : collectBranchy(counts, loose, start, end, hits);
            for (int h = 0; h < found; h++) {
                int r = hits[h];
                int common = counts[r];
                int rowNeed = need[pop[r] - needBase];
                if (common < rowNeed - Math.min(qs, blockMax[r >> ClkStore.BLOCK_SHIFT])) {
                    continue;
                }
                int b = r << 4;
                common += Long.bitCount(q[11] & d[b + 11])
                        + (Long.bitCount(q[12] & d[b + 12]) + Long.bitCount(q[13] & d[b + 13]))
                        + (Long.bitCount(q[14] & d[b + 14]) + Long.bitCount(q[15] & d[b + 15]));
                if (common >= rowNeed) {
                    accept(query, c.store.originalIndex(r), common, query.popcount + pop[r], out);
                }
            }
        }
    }

    static long[] random(int n, long seed) {
        long[] words = new long[n * 16];
        Random random = new Random(seed);
        for (int i = 0; i < words.length; i++) {
            words[i] = random.nextLong();
        }
        return words;
    }
}
