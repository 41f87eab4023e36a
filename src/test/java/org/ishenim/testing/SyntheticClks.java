package org.ishenim.testing;

import java.util.Random;

import org.ishenim.linkage.Clk;

/** Random encodings for tests and benchmarks of the matcher and the hub: no person behind them. */
public final class SyntheticClks {

    private SyntheticClks() {
    }

    /**
     * A random encoding of {@code bits} bits: about 34% set, like a plain clinic filter, or, {@code diffused}, about
     * half set, like a diffused one.
     */
    public static Clk random(int bits, boolean diffused, Random random) {
        long[] words = new long[bits / 64];
        for (int i = 0; i < words.length; i++) {
            words[i] = diffused ? random.nextLong()
                    : random.nextLong() & random.nextLong() | (random.nextLong() & random.nextLong() & random.nextLong());
        }
        return new Clk(words, bits);
    }

    /** A copy with as many set bits cleared as keeps its Dice similarity to the original at or above {@code dice}. */
    public static Clk nearCopy(Clk original, double dice, Random random) {
        int bits = original.bits();
        long[] words = original.words().clone();
        int pop = original.popcount();
        // clearing c of p set bits gives Dice 2(p - c) / (2p - c); the most c that keeps it at or above dice:
        int clear = (int) Math.floor(2 * pop * (1 - dice) / (2 - dice));
        while (clear > 0) {
            int bit = random.nextInt(bits);
            long mask = 1L << (63 - (bit & 63));
            if ((words[bit >>> 6] & mask) != 0) {
                words[bit >>> 6] &= ~mask;
                clear--;
            }
        }
        return new Clk(words, bits);
    }
}
