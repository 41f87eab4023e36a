package org.ishenim.linkage;

import java.util.List;

import org.ishenim.linkage.match.ClkStore;

/** An immutable set of equally long encodings, laid out for fast scanning. Indices are the input order. */
public final class ClkSet {

    private final ClkStore store;
    private final int bits;

    private ClkSet(ClkStore store, int bits) {
        this.store = store;
        this.bits = bits;
    }

    public static ClkSet of(List<Clk> clks) {
        int bits = clks.isEmpty() ? 1024 : clks.get(0).bits();
        int wordsPer = (bits + 63) >>> 6;
        long[] flat = new long[clks.size() * wordsPer];
        for (int i = 0; i < clks.size(); i++) {
            Clk clk = clks.get(i);
            if (clk.bits() != bits) {
                throw new IllegalArgumentException("encodings of different lengths in one set");
            }
            System.arraycopy(clk.words(), 0, flat, i * wordsPer, wordsPer);
        }
        return new ClkSet(ClkStore.of(flat, wordsPer), bits);
    }

    /** A set from raw words, {@code wordsPer} per encoding, in input order (used by benchmarks). */
    public static ClkSet ofWords(long[] flat, int wordsPer) {
        return new ClkSet(ClkStore.of(flat, wordsPer), wordsPer * 64);
    }

    public int size() {
        return store.size();
    }

    public int bits() {
        return bits;
    }

    ClkStore store() {
        return store;
    }
}
