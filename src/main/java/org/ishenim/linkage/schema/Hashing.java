package org.ishenim.linkage.schema;

/** A feature's {@code hashing} section. {@code missingValue} may be null. */
public record Hashing(Comparison comparison, Strategy strategy, HashType hash, boolean preventSingularity,
        MissingValue missingValue) {

    public Hashing {
        if (preventSingularity && hash != HashType.DOUBLE) {
            throw new IllegalArgumentException("prevent_singularity applies only to doubleHash");
        }
    }
}
