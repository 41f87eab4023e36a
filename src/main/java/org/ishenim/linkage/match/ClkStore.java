package org.ishenim.linkage.match;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Encodings in one flat {@code long[]} ({@code words} per encoding), sorted by popcount so that the candidates a
 * threshold allows for a query form one contiguous range. {@code originalIndex} maps back to input order.
 */
public final class ClkStore {

    private final int wordsPer;
    private final long[] words;
    private final int[] popcounts;
    private final int[] originalIndex;

    private ClkStore(int wordsPer, long[] words, int[] popcounts, int[] originalIndex) {
        this.wordsPer = wordsPer;
        this.words = words;
        this.popcounts = popcounts;
        this.originalIndex = originalIndex;
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
        int[] index = new int[count];
        for (int r = 0; r < count; r++) {
            int i = order[r];
            System.arraycopy(flat, i * wordsPer, sorted, r * wordsPer, wordsPer);
            sortedPop[r] = pop[i];
            index[r] = i;
        }
        return new ClkStore(wordsPer, sorted, sortedPop, index);
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
