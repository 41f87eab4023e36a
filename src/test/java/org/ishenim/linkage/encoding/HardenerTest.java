package org.ishenim.linkage.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.ishenim.linkage.schema.Hardening;
import org.ishenim.linkage.schema.Kdf;
import org.junit.jupiter.api.Test;

/** The diffusion taps and the layer itself, below the schema. */
class HardenerTest {

    private static final Kdf KDF = new Kdf("SHA256", new byte[0], "clinic info".getBytes(StandardCharsets.UTF_8), 64);
    private static final byte[] SECRET = "secret one".getBytes(StandardCharsets.UTF_8);

    @Test
    void everyInputBitFeedsAsManyOutputBitsAsAnyOtherAndTapsOfOneBitAreDistinct() {
        int[][] taps = Hardener.taps(new Hardening.Diffusion(5, 2048), 1024, SECRET, KDF);

        int[] uses = new int[1024];
        for (int[] row : taps) {
            assertThat(new HashSet<>(Arrays.stream(row).boxed().toList())).hasSize(5);
            for (int position : row) {
                uses[position]++;
            }
        }
        // 5 x 2048 / 1024 = 10 uses each
        assertThat(Arrays.stream(uses).min().orElseThrow()).isEqualTo(10);
        assertThat(Arrays.stream(uses).max().orElseThrow()).isEqualTo(10);
    }

    @Test
    void tapsDependOnTheSecretAndOnEveryParameter() {
        int[][] base = Hardener.taps(new Hardening.Diffusion(3, 1024), 1024, SECRET, KDF);

        assertThat(Hardener.taps(new Hardening.Diffusion(3, 1024), 1024, SECRET, KDF)).isDeepEqualTo(base);
        assertThat(Arrays.deepEquals(Hardener.taps(new Hardening.Diffusion(3, 1024), 1024,
                "secret two".getBytes(StandardCharsets.UTF_8), KDF), base)).isFalse();
        // a longer layer is not the shorter one with rows appended
        int[][] longer = Hardener.taps(new Hardening.Diffusion(3, 2048), 1024, SECRET, KDF);
        assertThat(Arrays.deepEquals(Arrays.copyOf(longer, 1024), base)).isFalse();
        Kdf otherInfo = new Kdf("SHA256", new byte[0], "other info".getBytes(StandardCharsets.UTF_8), 64);
        assertThat(Arrays.deepEquals(Hardener.taps(new Hardening.Diffusion(3, 1024), 1024, SECRET, otherInfo), base))
                .isFalse();
    }

    @Test
    void eachOutputBitIsTheParityOfItsTaps() {
        Hardening.Diffusion diffusion = new Hardening.Diffusion(5, 520);
        int[][] taps = Hardener.taps(diffusion, 1000, SECRET, KDF);
        Hardener hardener = new Hardener(List.of(diffusion), 1000, SECRET, KDF);
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            BitVector in = new BitVector(1000);
            for (int i = 0; i < 1000; i++) {
                if (random.nextInt(100) < 5 + round * 4) {
                    in.set(i);
                }
            }

            BitVector out = hardener.apply(in);

            assertThat(out.length()).isEqualTo(520);
            for (int j = 0; j < 520; j++) {
                boolean parity = false;
                for (int position : taps[j]) {
                    parity ^= in.get(position);
                }
                assertThat(out.get(j)).as("output bit %d", j).isEqualTo(parity);
            }
        }
    }

    @Test
    void theSameFilterAlwaysGetsTheSameFlipsAndAnotherFilterOthers() {
        Hardener hardener = new Hardener(List.of(new Hardening.BitFlip(0.2)), 1024, SECRET, KDF);
        BitVector a = new BitVector(1024);
        a.set(3);
        BitVector b = new BitVector(1024);
        b.set(4);

        BitVector first = hardener.apply(a);

        assertThat(hardener.apply(a).words()).isEqualTo(first.words());
        Set<Integer> flippedA = flips(a, first);
        Set<Integer> flippedB = flips(b, hardener.apply(b));
        assertThat(flippedA).isNotEqualTo(flippedB);
    }

    private static Set<Integer> flips(BitVector before, BitVector after) {
        Set<Integer> flipped = new HashSet<>();
        for (int i = 0; i < before.length(); i++) {
            if (before.get(i) != after.get(i)) {
                flipped.add(i);
            }
        }
        return flipped;
    }
}
