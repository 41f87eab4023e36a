package org.ishenim.linkage.match;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Encodings in one flat {@code long[]} ({@code words} per encoding), sorted by popcount so that the candidates a
 * threshold allows for a query form one contiguous range. {@code originalIndex} maps back to input order. For the
 * early exit in {@link DiceScan}, each block of {@link #BLOCK} sorted rows keeps the largest popcount of the last
 * words (from {@link #suffixStart()}) among its rows.
 */
public final class ClkStore {

    private final int wordsPer;
    private final long[] words;
    private final int[] popcounts;
    /** Rows per block: row r is in block {@code r >> BLOCK_SHIFT}. */
    static final int BLOCK_SHIFT = 5;
    static final int BLOCK = 1 << BLOCK_SHIFT;

    private final int[] blockMaxSuffix;
    private final int[] originalIndex;
    /** Built on first use by {@link #columns()}. */
    private volatile int[][] columns;

    private ClkStore(int wordsPer, long[] words, int[] popcounts, int[] blockMaxSuffix, int[] originalIndex) {
        this.wordsPer = wordsPer;
        this.words = words;
        this.popcounts = popcounts;
        this.blockMaxSuffix = blockMaxSuffix;
        this.originalIndex = originalIndex;
    }

    /**
     * The first word of the suffix whose popcounts are kept: 11/16 of the words, rounded up (word 11 of 16, 6 of 8).
     * docs/linkage.md explains the choice.
     */
    public static int suffixStart(int wordsPer) {
        return (11 * wordsPer + 15) / 16;
    }

    /** Builds a store from encodings given in input order as {@code count * wordsPer} words. */
    public static ClkStore of(long[] flat, int wordsPer) {
        int count = flat.length / wordsPer;
        int[] pop = new int[count];
        for (int i = 0; i < count; i++) {
            int s = 0;
            for (int w = 0; w < wordsPer; w++) {
                s += Long.bitCount(flat[i * wordsPer + w]);
            }
            pop[i] = s;
        }
        Integer[] order = IntStream.range(0, count).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> pop[i]).thenComparingInt(i -> i));
        long[] sorted = new long[flat.length];
        int[] sortedPop = new int[count];
        int[] blockMax = new int[(count + BLOCK - 1) >> BLOCK_SHIFT];
        int[] index = new int[count];
        int cut = suffixStart(wordsPer);
        for (int r = 0; r < count; r++) {
            int i = order[r];
            System.arraycopy(flat, i * wordsPer, sorted, r * wordsPer, wordsPer);
            sortedPop[r] = pop[i];
            index[r] = i;
            int s = 0;
            for (int w = cut; w < wordsPer; w++) {
                s += Long.bitCount(flat[i * wordsPer + w]);
            }
            blockMax[r >> BLOCK_SHIFT] = Math.max(blockMax[r >> BLOCK_SHIFT], s);
        }
        return new ClkStore(wordsPer, sorted, sortedPop, blockMax, index);
    }

    public int size() {
        return popcounts.length;
    }

    public int wordsPer() {
        return wordsPer;
    }

    long[] words() {
        return words;
    }

    int[] popcounts() {
        return popcounts;
    }

    /** Per block of {@link #BLOCK} rows, the largest popcount of words [suffixStart, wordsPer) of its rows. */
    int[] blockMaxSuffix() {
        return blockMaxSuffix;
    }

    /**
     * The prefix words (before {@link #suffixStart()}) again, by column: {@code columns()[k][r]} is 32-bit half k of
     * row r ({@code (int) word} for even k, {@code (int) (word >>> 32)} for odd k, word {@code k / 2}), so
     * {@code 2 * suffixStart()} arrays of {@link #size()} ints. The scan reads them with loops that C2 compiles to
     * SIMD popcounts (see {@link DiceScan}). Built once, on first use (the blocking path never needs it).
     */
    int[][] columns() {
        int[][] built = columns;
        if (built == null) {
            synchronized (this) {
                built = columns;
                if (built == null) {
                    int n = size();
                    built = new int[2 * suffixStart()][n];
                    for (int r = 0; r < n; r++) {
                        for (int k = 0; k < built.length; k++) {
                            long word = words[r * wordsPer + k / 2];
                            built[k][r] = (k & 1) == 0 ? (int) word : (int) (word >>> 32);
                        }
                    }
                    columns = built;
                }
            }
        }
        return built;
    }

    /** The first word of the suffix counted in {@link #blockMaxSuffix()}. */
    public int suffixStart() {
        return suffixStart(wordsPer);
    }

    public int popcount(int row) {
        return popcounts[row];
    }

    public int originalIndex(int row) {
        return originalIndex[row];
    }

    /** Copies the words of the encoding at sorted position {@code row}. */
    public long[] row(int row) {
        return Arrays.copyOfRange(words, row * wordsPer, (row + 1) * wordsPer);
    }

    /** First sorted position whose popcount is at least {@code minimum}. */
    int firstWithPopcountAtLeast(int minimum) {
        int lo = 0;
        int hi = popcounts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (popcounts[mid] < minimum) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
