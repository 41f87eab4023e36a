package org.ishenim.linkage.schema;

import java.util.Arrays;

/** How many filter insertions each token gets. */
public sealed interface Strategy {

    int[] bitsPerToken(int tokenCount);

    /** Every token gets the same number of insertions. */
    record BitsPerToken(int k) implements Strategy {

        public BitsPerToken {
            if (k < 0) {
                throw new IllegalArgumentException("bitsPerToken must not be negative");
            }
        }

        @Override
        public int[] bitsPerToken(int tokenCount) {
            int[] ks = new int[tokenCount];
            Arrays.fill(ks, k);
            return ks;
        }
    }

    /** The feature's insertions are shared out among its tokens; the first {@code bits % n} get one more. */
    record BitsPerFeature(int bits) implements Strategy {

        public BitsPerFeature {
            if (bits < 0) {
                throw new IllegalArgumentException("bitsPerFeature must not be negative");
            }
        }

        @Override
        public int[] bitsPerToken(int tokenCount) {
            int[] ks = new int[tokenCount];
            if (tokenCount == 0) {
                return ks;
            }
            int k = bits / tokenCount;
            int residue = bits % tokenCount;
            for (int i = 0; i < tokenCount; i++) {
                ks[i] = i < residue ? k + 1 : k;
            }
            return ks;
        }
    }
}
