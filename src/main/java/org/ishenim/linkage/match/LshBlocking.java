package org.ishenim.linkage.match;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hamming LSH by bit sampling: {@code bands} keys of {@code bitsPerBand} random bit positions each. Two encodings
 * are compared only if they agree on every sampled bit of at least one band. A pair that agrees on a fraction s of
 * all bits becomes a candidate with probability {@code 1 - (1 - s^r)^b}: near-duplicates (s about 0.85) almost
 * surely, random pairs (s about 0.5) rarely, so a million against a million takes far fewer than n^2 comparisons.
 * Bands are sorted and merge-joined, one band per task; a pair met in several bands is reported once.
 */
public final class LshBlocking {

    private final int bands;
    private final int bitsPerBand;
    private final long seed;

    public LshBlocking(int bands, int bitsPerBand, long seed) {
        if (bands < 1 || bitsPerBand < 1 || bitsPerBand > 31) {
            throw new IllegalArgumentException("need at least one band of 1 to 31 bits");
        }
        this.bands = bands;
        this.bitsPerBand = bitsPerBand;
        this.seed = seed;
    }

    public ParallelScan.Result candidates(ClkStore a, ClkStore b, double threshold, ParallelScan pool) {
        int bits = a.wordsPer() * 64;
        Random random = new Random(seed);
        int[][] positions = new int[bands][bitsPerBand];
        for (int[] band : positions) {
            for (int i = 0; i < bitsPerBand; i++) {
                band[i] = random.nextInt(bits);
            }
        }
        AtomicLong comparisons = new AtomicLong();
        List<PairSink> perBand = pool.each(bands, band -> {
            PairSink sink = new PairSink();
            comparisons.addAndGet(joinBand(a, b, positions[band], positions, band, threshold, sink));
            return sink;
        });
        PairSink all = new PairSink();
        perBand.forEach(all::addAll);
        return new ParallelScan.Result(all, comparisons.get());
    }

    private static long joinBand(ClkStore a, ClkStore b, int[] band, int[][] all, int bandIndex, double threshold,
            PairSink out) {
        long[] ka = keys(a, band);
        long[] kb = keys(b, band);
        long compared = 0;
        int i = 0;
        int j = 0;
        long[] qa = new long[a.wordsPer()];
        while (i < ka.length && j < kb.length) {
            long keyA = ka[i] >>> 32;
            long keyB = kb[j] >>> 32;
            if (keyA < keyB) {
                i++;
            } else if (keyA > keyB) {
                j++;
            } else {
                int iEnd = i;
                while (iEnd < ka.length && ka[iEnd] >>> 32 == keyA) {
                    iEnd++;
                }
                int jEnd = j;
                while (jEnd < kb.length && kb[jEnd] >>> 32 == keyB) {
                    jEnd++;
                }
                for (int x = i; x < iEnd; x++) {
                    int rowA = (int) ka[x];
                    copyRow(a, rowA, qa);
                    for (int y = j; y < jEnd; y++) {
                        int rowB = (int) kb[y];
                        compared++;
                        int common = commonBits(qa, b, rowB);
                        int total = a.popcount(rowA) + b.popcount(rowB);
                        if (DiceScan.reaches(common, total, threshold)
                                && !metInEarlierBand(a, rowA, b, rowB, all, bandIndex)) {
                            out.add(a.originalIndex(rowA), b.originalIndex(rowB), 2.0 * common / total);
                        }
                    }
                }
                i = iEnd;
                j = jEnd;
            }
        }
        return compared;
    }

    /** Sorted (key << 32 | row) for every row of the store. */
    static long[] keys(ClkStore store, int[] band) {
        long[] words = store.words();
        int w = store.wordsPer();
        long[] keys = new long[store.size()];
        for (int row = 0; row < keys.length; row++) {
            keys[row] = (key(words, row * w, band) << 32) | row;
        }
        Arrays.sort(keys);
        return keys;
    }

    private static long key(long[] words, int base, int[] band) {
        long key = 0;
        for (int position : band) {
            key = (key << 1) | ((words[base + (position >>> 6)] >>> (63 - (position & 63))) & 1L);
        }
        return key;
    }

    private static boolean metInEarlierBand(ClkStore a, int rowA, ClkStore b, int rowB, int[][] all, int band) {
        long[] wa = a.words();
        long[] wb = b.words();
        int w = a.wordsPer();
        for (int earlier = 0; earlier < band; earlier++) {
            if (key(wa, rowA * w, all[earlier]) == key(wb, rowB * w, all[earlier])) {
                return true;
            }
        }
        return false;
    }

    private static void copyRow(ClkStore store, int row, long[] into) {
        System.arraycopy(store.words(), row * store.wordsPer(), into, 0, store.wordsPer());
    }

    private static int commonBits(long[] q, ClkStore store, int row) {
        long[] words = store.words();
        int base = row * store.wordsPer();
        int common = 0;
        for (int j = 0; j < q.length; j++) {
            common += Long.bitCount(q[j] & words[base + j]);
        }
        return common;
    }
}
