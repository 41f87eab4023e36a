package org.ishenim.linkage.encoding;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.ishenim.linkage.schema.Hardening;
import org.ishenim.linkage.schema.Kdf;

/**
 * Applies a schema's hardening steps to a finished filter. Thread-safe; deterministic for a given secret and schema,
 * on every JVM, so every clinic holding the secret encodes alike.
 *
 * <ul>
 * <li><b>Keys.</b> Each step has its own key: HKDF-SHA256 over the secret with the schema's KDF salt, and an info that
 * names the step and binds its parameters and the schema's KDF info (so two layers that differ in any parameter share
 * nothing, and never the clkhash feature keys, whose info is the schema's own).</li>
 * <li><b>Diffusion taps</b> come from an HMAC-SHA256 counter stream under the diffusion key, as a sequence of keyed
 * shuffles of all input positions: every input bit feeds ⌊taps·length/l⌋ or ⌈taps·length/l⌉ output bits, and the
 * taps of one output bit are distinct.</li>
 * <li><b>Bit flips</b> are a permanent randomised response: the coins of a record come from HMAC(flip key, the
 * filter before flipping), so the same filter always gets the same noise and a hub that receives a client again
 * cannot average the noise away.</li>
 * </ul>
 */
final class Hardener {

    private static final byte[] DIFFUSION_LABEL = "ishenim diffusion taps v2".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FLIP_LABEL = "ishenim bit flip v1".getBytes(StandardCharsets.US_ASCII);

    private final List<Step> steps;

    Hardener(List<Hardening> hardening, int inputLength, byte[] secret, Kdf kdf) {
        this.steps = new ArrayList<>();
        int length = inputLength;
        for (Hardening step : hardening) {
            if (step instanceof Hardening.Diffusion d) {
                steps.add(new Diffuse(length, d.length(), taps(d, length, secret, kdf)));
            } else if (step instanceof Hardening.BitFlip f) {
                steps.add(new Flip(f.probability(), key(secret, kdf, FLIP_LABEL, length)));
            } else {
                throw new IllegalArgumentException("unknown hardening step " + step.type());
            }
            length = step.outputLength(length);
        }
    }

    BitVector apply(BitVector filter) {
        BitVector current = filter;
        for (Step step : steps) {
            current = step.apply(current);
        }
        return current;
    }

    private interface Step {
        BitVector apply(BitVector in);
    }

    /**
     * Output bit j = XOR of the input bits at {@code taps[j]}, computed the other way round: each set input bit
     * XORs in the mask of the output bits it feeds.
     */
    private static final class Diffuse implements Step {

        private final int outputLength;
        private final long[][] masks;

        Diffuse(int inputLength, int outputLength, int[][] taps) {
            this.outputLength = outputLength;
            int words = (outputLength + 63) >>> 6;
            this.masks = new long[inputLength][words];
            for (int j = 0; j < taps.length; j++) {
                for (int position : taps[j]) {
                    masks[position][j >>> 6] |= 1L << (63 - (j & 63));
                }
            }
        }

        @Override
        public BitVector apply(BitVector in) {
            BitVector out = new BitVector(outputLength);
            long[] result = out.words();
            long[] input = in.words();
            for (int w = 0; w < input.length; w++) {
                long word = input[w];
                while (word != 0) {
                    int bit = Long.numberOfLeadingZeros(word);
                    word ^= Long.MIN_VALUE >>> bit;
                    long[] mask = masks[(w << 6) + bit];
                    for (int k = 0; k < result.length; k++) {
                        result[k] ^= mask[k];
                    }
                }
            }
            return out;
        }
    }

    private static final class Flip implements Step {

        private final int threshold;
        private final byte[] key;

        Flip(double probability, byte[] key) {
            this.threshold = (int) Math.round(probability * 65_536);
            this.key = key;
        }

        @Override
        public BitVector apply(BitVector in) {
            HMac mac = new HMac(new SHA256Digest());
            mac.init(new KeyParameter(key));
            ByteBuffer bytes = ByteBuffer.allocate(in.words().length * Long.BYTES);
            bytes.asLongBuffer().put(in.words());
            mac.update(bytes.array(), 0, bytes.capacity());
            byte[] recordKey = new byte[mac.getMacSize()];
            mac.doFinal(recordKey, 0);
            KeyedStream coins = new KeyedStream(recordKey);
            BitVector out = in.copy();
            for (int i = 0; i < in.length(); i++) {
                if (coins.next16() < threshold) {
                    out.flip(i);
                }
            }
            return out;
        }
    }

    /** The taps of each output bit: consecutive draws from keyed shuffles of every input position. */
    static int[][] taps(Hardening.Diffusion diffusion, int inputLength, byte[] secret, Kdf kdf) {
        if (diffusion.taps() > inputLength) {
            throw new IllegalArgumentException("diffusion taps exceed the filter length");
        }
        byte[] key = key(secret, kdf, DIFFUSION_LABEL, inputLength, diffusion.taps(), diffusion.length());
        Positions pool = new Positions(new KeyedStream(key), inputLength);
        int[][] taps = new int[diffusion.length()][diffusion.taps()];
        Deque<Integer> skipped = new ArrayDeque<>();
        for (int[] row : taps) {
            for (int k = 0; k < row.length; k++) {
                int candidate = pool.next();
                while (contains(row, k, candidate)) {
                    skipped.push(candidate);
                    candidate = pool.next();
                }
                row[k] = candidate;
            }
            while (!skipped.isEmpty()) {
                pool.putBack(skipped.pop());
            }
        }
        return taps;
    }

    private static boolean contains(int[] row, int count, int value) {
        for (int i = 0; i < count; i++) {
            if (row[i] == value) {
                return true;
            }
        }
        return false;
    }

    /**
     * HKDF-SHA256(secret, salt = the schema's KDF salt, info = label ‖ each parameter as 4 bytes ‖
     * SHA-256(the schema's KDF info)), 32 bytes.
     */
    private static byte[] key(byte[] secret, Kdf kdf, byte[] label, int... parameters) {
        SHA256Digest digest = new SHA256Digest();
        byte[] infoHash = new byte[digest.getDigestSize()];
        digest.update(kdf.info(), 0, kdf.info().length);
        digest.doFinal(infoHash, 0);
        ByteBuffer info = ByteBuffer.allocate(label.length + 4 * parameters.length + infoHash.length);
        info.put(label);
        for (int parameter : parameters) {
            info.putInt(parameter);
        }
        info.put(infoHash);
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        byte[] salt = kdf.salt();
        hkdf.init(new HKDFParameters(secret, salt.length == 0 ? null : salt, info.array()));
        byte[] key = new byte[32];
        hkdf.generateBytes(key, 0, key.length);
        return key;
    }

    /** An endless sequence of keyed Fisher-Yates shuffles of 0..n-1; positions can be put back to come next. */
    private static final class Positions {

        private final KeyedStream stream;
        private final int[] shuffle;
        private final Deque<Integer> front = new ArrayDeque<>();
        private int offset;

        Positions(KeyedStream stream, int n) {
            this.stream = stream;
            this.shuffle = new int[n];
            this.offset = n;
        }

        int next() {
            if (!front.isEmpty()) {
                return front.pop();
            }
            if (offset == shuffle.length) {
                for (int i = 0; i < shuffle.length; i++) {
                    shuffle[i] = i;
                }
                for (int i = shuffle.length - 1; i > 0; i--) {
                    int j = stream.below(i + 1);
                    int swap = shuffle[i];
                    shuffle[i] = shuffle[j];
                    shuffle[j] = swap;
                }
                offset = 0;
            }
            return shuffle[offset++];
        }

        void putBack(int position) {
            front.push(position);
        }
    }

    /** HMAC-SHA256(key, 8-byte big-endian counter) blocks, read as unsigned integers. */
    private static final class KeyedStream {

        private final HMac mac = new HMac(new SHA256Digest());
        private final byte[] block = new byte[32];
        private long counter;
        private int offset = block.length;

        KeyedStream(byte[] key) {
            mac.init(new KeyParameter(key));
            Arrays.fill(key, (byte) 0);
        }

        /** A uniform integer in [0, bound), by rejection of the biased top of the 32-bit range. */
        int below(int bound) {
            long limit = (1L << 32) - ((1L << 32) % bound);
            long value;
            do {
                value = (long) next16() << 16 | next16();
            } while (value >= limit);
            return (int) (value % bound);
        }

        int next16() {
            if (offset == block.length) {
                byte[] count = ByteBuffer.allocate(Long.BYTES).putLong(counter++).array();
                mac.update(count, 0, count.length);
                mac.doFinal(block, 0);
                offset = 0;
            }
            int value = (block[offset] & 0xFF) << 8 | (block[offset + 1] & 0xFF);
            offset += 2;
            return value;
        }
    }
}
