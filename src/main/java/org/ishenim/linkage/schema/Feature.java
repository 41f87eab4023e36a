package org.ishenim.linkage.schema;

/**
 * One feature of the schema. {@code column} is the input column it reads (its identifier unless the extended
 * schema names a {@code column}); {@code normaliser} is Ishenim's optional pre-processing step, ignored by clkhash.
 * Ignored features have neither format nor hashing.
 */
public record Feature(String identifier, String column, FieldFormat format, Hashing hashing, Normaliser normaliser) {

    public static Feature ignored(String identifier) {
        return new Feature(identifier, identifier, null, null, Normaliser.NONE);
    }

    public boolean isIgnored() {
        return hashing == null;
    }
}
