package org.ishenim.linkage.schema;

/**
 * One step of Ishenim's {@code clkConfig.hardening} extension (not part of clkhash): a transformation of the
 * finished, XOR-folded filter, applied in schema order. A schema without the key encodes exactly as clkhash does.
 * Why the steps exist and what each costs is measured in docs/linkage.md ("Hardening").
 */
public sealed interface Hardening {

    /** The filter length after this step, given the length before it. */
    int outputLength(int inputLength);

    /** The JSON {@code type} of the step. */
    String type();

    /**
     * A keyed diffusion layer (after Armknecht, Heng and Schnell, "Strengthening privacy-preserving record linkage
     * using diffusion", PoPETs 2023): output bit j is the XOR of {@code taps} input bits whose positions are derived
     * from the secret. One token no longer sets a fixed group of output bits, so the frequent-pattern attacks lose
     * their grip; the Hamming distance of two outputs still grows with that of their inputs.
     *
     * @param taps   input bits per output bit, at least 2
     * @param length output length in bits, a positive multiple of 8
     */
    record Diffusion(int taps, int length) implements Hardening {

        public Diffusion {
            if (taps < 2 || taps > 32) {
                throw new IllegalArgumentException("diffusion taps must be between 2 and 32");
            }
            if (length < 8 || length % 8 != 0 || length > 65_536) {
                throw new IllegalArgumentException("diffusion length must be a positive multiple of 8, at most 65536");
            }
        }

        @Override
        public int outputLength(int inputLength) {
            return length;
        }

        @Override
        public String type() {
            return "diffusion";
        }
    }

    /**
     * Random bit flipping (BLIP, Schnell and Borgs 2016) as a permanent randomised response: each bit is flipped
     * with {@code probability}, by coins keyed by the secret and the record's filter, so the same record always gets
     * the same noise. {@code probability} is the per-bit flip probability p; in BLIP's own parametrisation f, a bit
     * is set to 1 or to 0 with probability f/2 each, so p = f/2.
     */
    record BitFlip(double probability) implements Hardening {

        public BitFlip {
            if (!(probability > 0 && probability <= 0.25)) {
                throw new IllegalArgumentException("bit flip probability must be above 0 and at most 0.25");
            }
        }

        @Override
        public int outputLength(int inputLength) {
            return inputLength;
        }

        @Override
        public String type() {
            return "bitFlip";
        }
    }
}
