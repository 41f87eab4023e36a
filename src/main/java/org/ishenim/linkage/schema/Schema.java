package org.ishenim.linkage.schema;

import java.util.List;

/**
 * A parsed linkage schema: filter length {@code l}, XOR folds, key derivation and the features in column order.
 * {@code recordSalt} is Ishenim's optional per-record salt (null when absent) and {@code hardening} its optional
 * steps over the finished filter (empty when absent); neither is part of clkhash.
 */
public record Schema(int l, int xorFolds, Kdf kdf, List<Feature> features, RecordSalt recordSalt,
        List<Hardening> hardening) {

    public Schema(int l, int xorFolds, Kdf kdf, List<Feature> features) {
        this(l, xorFolds, kdf, features, null, List.of());
    }

    public Schema {
        if (l < 8 || l % 8 != 0) {
            throw new IllegalArgumentException("l must be a positive multiple of 8");
        }
        if (xorFolds < 0) {
            throw new IllegalArgumentException("xorFolds must not be negative");
        }
        features = List.copyOf(features);
        hardening = List.copyOf(hardening);
    }

    /** The length of the filter before XOR folding. */
    public int hashLength() {
        return l << xorFolds;
    }

    /** The length of the encoding a record becomes: {@code l}, or what the last hardening step makes of it. */
    public int outputLength() {
        int length = l;
        for (Hardening step : hardening) {
            length = step.outputLength(length);
        }
        return length;
    }
}
