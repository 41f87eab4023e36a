package org.ishenim.bench.cryptanalysis;

/** Bit helpers over clkhash-ordered words: position p is bit 63 - (p % 64) of word p / 64. */
final class Bits {

    private Bits() {
    }

    static boolean get(long[] words, int p) {
        return (words[p >>> 6] & mask(p)) != 0;
    }

    static void set(long[] words, int p) {
        words[p >>> 6] |= mask(p);
    }

    static long mask(int p) {
        return 1L << (63 - (p & 63));
    }

    static int count(long[] words) {
        int c = 0;
        for (long w : words) {
            c += Long.bitCount(w);
        }
        return c;
    }

    static int common(long[] a, long[] b) {
        int c = 0;
        for (int i = 0; i < a.length; i++) {
            c += Long.bitCount(a[i] & b[i]);
        }
        return c;
    }

    static long[] of(int[] positions, int bits) {
        long[] words = new long[(bits + 63) >>> 6];
        for (int p : positions) {
            set(words, p);
        }
        return words;
    }

    static int[] positions(long[] words, int bits) {
        int[] out = new int[count(words)];
        int k = 0;
        for (int p = 0; p < bits; p++) {
            if (get(words, p)) {
                out[k++] = p;
            }
        }
        return out;
    }

    /** Row-index bitset helpers (plain little-endian: index i is bit i % 64 of word i / 64). */
    static boolean has(long[] set, int i) {
        return (set[i >>> 6] & (1L << i)) != 0;
    }

    static void add(long[] set, int i) {
        set[i >>> 6] |= 1L << i;
    }
}
