package org.ishenim.linkage;

import java.util.Arrays;
import java.util.Base64;

/**
 * A cryptographic long-term key: a Bloom-filter encoding of a record, {@code bits} long, held as 64-bit words in
 * clkhash's big-endian bit order. It serialises to the same base64 as clkhash and anonlink.
 */
public record Clk(long[] words, int bits) {

    public Clk {
        if (bits < 8 || bits % 8 != 0) {
            throw new IllegalArgumentException("a CLK has a positive multiple of 8 bits");
        }
        if (words.length != (bits + 63) >>> 6) {
            throw new IllegalArgumentException("word count does not match the bit length");
        }
        words = words.clone();
        int tail = bits & 63;
        if (tail != 0 && (words[words.length - 1] & (-1L >>> tail)) != 0) {
            throw new IllegalArgumentException("bits beyond the length are set");
        }
    }

    public static Clk fromBytes(byte[] bytes) {
        long[] words = new long[(bytes.length * 8 + 63) >>> 6];
        for (int i = 0; i < bytes.length; i++) {
            words[i >>> 3] |= (bytes[i] & 0xffL) << (56 - 8 * (i & 7));
        }
        return new Clk(words, bytes.length * 8);
    }

    /** Reads clkhash's base64 serialisation. */
    public static Clk fromBase64(String base64) {
        return fromBytes(Base64.getDecoder().decode(base64.strip()));
    }

    @Override
    public long[] words() {
        return words.clone();
    }

    public byte[] toBytes() {
        byte[] bytes = new byte[bits / 8];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (words[i >>> 3] >>> (56 - 8 * (i & 7)));
        }
        return bytes;
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(toBytes());
    }

    public int popcount() {
        int count = 0;
        for (long word : words) {
            count += Long.bitCount(word);
        }
        return count;
    }

    public boolean isSet(int bit) {
        return (words[bit >>> 6] & (1L << (63 - (bit & 63)))) != 0;
    }

    /** The Sørensen–Dice coefficient 2|A∩B| / (|A| + |B|); 0 when both are empty. */
    public double dice(Clk other) {
        if (other.bits != bits) {
            throw new IllegalArgumentException("CLKs of different lengths");
        }
        int common = 0;
        int total = 0;
        for (int i = 0; i < words.length; i++) {
            common += Long.bitCount(words[i] & other.words[i]);
            total += Long.bitCount(words[i]) + Long.bitCount(other.words[i]);
        }
        return total == 0 ? 0.0 : 2.0 * common / total;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Clk other && bits == other.bits && Arrays.equals(words, other.words);
    }

    @Override
    public int hashCode() {
        return 31 * bits + Arrays.hashCode(words);
    }

    @Override
    public String toString() {
        return "Clk[" + bits + " bits, " + popcount() + " set]";
    }
}
