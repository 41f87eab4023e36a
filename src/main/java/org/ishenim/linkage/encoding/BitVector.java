package org.ishenim.linkage.encoding;

/** A filter of {@code length} bits in big-endian bit order (bit 0 is the top bit of byte 0), as clkhash serialises. */
final class BitVector {

    private final long[] words;
    private final int length;

    BitVector(int length) {
        this.length = length;
        this.words = new long[(length + 63) >>> 6];
    }

    void set(int index) {
        words[index >>> 6] |= 1L << (63 - (index & 63));
    }

    boolean get(int index) {
        return (words[index >>> 6] & (1L << (63 - (index & 63)))) != 0;
    }

    void flip(int index) {
        words[index >>> 6] ^= 1L << (63 - (index & 63));
    }

    BitVector copy() {
        BitVector copy = new BitVector(length);
        System.arraycopy(words, 0, copy.words, 0, words.length);
        return copy;
    }

    int length() {
        return length;
    }

    long[] words() {
        return words;
    }

    /** XOR-folds the filter in half, {@code folds} times. */
    BitVector fold(int folds) {
        BitVector current = this;
        for (int f = 0; f < folds; f++) {
            int half = current.length / 2;
            BitVector next = new BitVector(half);
            for (int i = 0; i < half; i++) {
                if (current.get(i) ^ current.get(i + half)) {
                    next.set(i);
                }
            }
            current = next;
        }
        return current;
    }
}
