package org.ishenim.linkage.schema;

import java.util.List;

/**
 * A parsed linkage schema: filter length {@code l}, XOR folds, key derivation and the features in column order.
 * {@code recordSalt} is Ishenim's optional per-record salt (null when absent; not part of clkhash).
 */
public record Schema(int l, int xorFolds, Kdf kdf, List<Feature> features, RecordSalt recordSalt) {

    public Schema(int l, int xorFolds, Kdf kdf, List<Feature> features) {
        this(l, xorFolds, kdf, features, null);
    }

    public Schema {
        if (l < 8 || l % 8 != 0) {
            throw new IllegalArgumentException("l must be a positive multiple of 8");
        }
        if (xorFolds < 0) {
            throw new IllegalArgumentException("xorFolds must not be negative");
        }
        features = List.copyOf(features);
    }

    /** The length of the filter before XOR folding. */
    public int hashLength() {
        return l << xorFolds;
    }
}
