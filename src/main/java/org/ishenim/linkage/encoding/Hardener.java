package org.ishenim.linkage.encoding;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.ishenim.linkage.schema.Hardening;
import org.ishenim.linkage.schema.Kdf;

/**
 * Applies a schema's hardening steps to a finished filter. The diffusion taps are derived from the secret (HKDF with
 * the schema's KDF salt and a fixed info, then HMAC-SHA256 in counter mode), so every clinic with the secret draws
 * the same taps and the hub, without it, does not know them. Thread-safe.
 */
final class Hardener {

    private static final byte[] DIFFUSION_INFO = "ishenim diffusion taps v1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom SEEDS = new SecureRandom();
    private static final ThreadLocal<SplittableRandom> COINS =
            ThreadLocal.withInitial(() -> new SplittableRandom(SEEDS.nextLong()));

    private final List<Step> steps;

    Hardener(List<Hardening> hardening, int inputLength, byte[] secret, Kdf kdf) {
        this.steps = new ArrayList<>();
        int length = inputLength;
        for (int s = 0; s < hardening.size(); s++) {
            Hardening step = hardening.get(s);
            if (step instanceof Hardening.Diffusion d) {
                steps.add(new Diffuse(taps(d, length, secret, kdf, s)));
            } else if (step instanceof Hardening.BitFlip f) {
                steps.add(new Flip(f.probability()));
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

    private sealed interface Step permits Diffuse, Flip {
        BitVector apply(BitVector in);
    }

    /** Output bit j = XOR of the input bits at {@code taps[j]}. */
    private record Diffuse(int[][] taps) implements Step {

        @Override
        public BitVector apply(BitVector in) {
            BitVector out = new BitVector(taps.length);
            for (int j = 0; j < taps.length; j++) {
                boolean parity = false;
                for (int position : taps[j]) {
                    parity ^= in.get(position);
                }
                if (parity) {
                    out.set(j);
                }
            }
            return out;
        }
    }

    private record Flip(double probability) implements Step {

        @Override
        public BitVector apply(BitVector in) {
            SplittableRandom coins = COINS.get();
            BitVector out = in.copy();
            for (int i = 0; i < in.length(); i++) {
                if (coins.nextDouble() < probability) {
                    out.flip(i);
                }
            }
            return out;
        }
    }

    /** Distinct tap positions for each output bit, drawn without bias from a keyed stream. */
    static int[][] taps(Hardening.Diffusion diffusion, int inputLength, byte[] secret, Kdf kdf, int stepIndex) {
        if (diffusion.taps() > inputLength) {
            throw new IllegalArgumentException("diffusion taps exceed the filter length");
        }
        KeyedStream stream = new KeyedStream(secret, kdf.salt(), stepIndex);
        int[][] taps = new int[diffusion.length()][diffusion.taps()];
        for (int j = 0; j < taps.length; j++) {
            int[] row = taps[j];
            for (int k = 0; k < row.length; k++) {
                int candidate;
                do {
                    candidate = stream.below(inputLength);
                } while (contains(row, k, candidate));
                row[k] = candidate;
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

    /** HMAC-SHA256(key, counter) blocks, read as unsigned 32-bit integers. */
    private static final class KeyedStream {

        private final HMac mac = new HMac(new SHA256Digest());
        private final byte[] block = new byte[32];
        private long counter;
        private int offset = block.length;

        KeyedStream(byte[] secret, byte[] salt, int stepIndex) {
            HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
            byte[] info = Arrays.copyOf(DIFFUSION_INFO, DIFFUSION_INFO.length + 1);
            info[info.length - 1] = (byte) stepIndex;
            hkdf.init(new HKDFParameters(secret, salt.length == 0 ? null : salt, info));
            byte[] key = new byte[32];
            hkdf.generateBytes(key, 0, key.length);
            mac.init(new KeyParameter(key));
            Arrays.fill(key, (byte) 0);
        }

        /** A uniform integer in [0, bound), by rejection of the biased top of the 32-bit range. */
        int below(int bound) {
            long limit = (1L << 32) - ((1L << 32) % bound);
            long value;
            do {
                value = next32();
            } while (value >= limit);
            return (int) (value % bound);
        }

        private long next32() {
            if (offset == block.length) {
                byte[] count = new byte[8];
                for (int i = 0; i < 8; i++) {
                    count[i] = (byte) (counter >>> (56 - 8 * i));
                }
                counter++;
                mac.update(count, 0, count.length);
                mac.doFinal(block, 0);
                offset = 0;
            }
            long value = ((block[offset] & 0xFFL) << 24) | ((block[offset + 1] & 0xFFL) << 16)
                    | ((block[offset + 2] & 0xFFL) << 8) | (block[offset + 3] & 0xFFL);
            offset += 4;
            return value;
        }
    }
}
