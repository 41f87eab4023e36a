package org.ishenim.linkage.schema;

/**
 * Ishenim's optional per-record salt ({@code clkConfig.recordSalt}): a value derived from one column (for example
 * the birth year) is prefixed to every token before hashing, so records with different salt values share no
 * bits by construction. This blocks by the salt value and weakens frequency attacks across salt groups, at the cost
 * of never matching two records whose salt values differ (docs/linkage.md).
 */
public record RecordSalt(String column, Normaliser normaliser) {

    /** Separates the salt from the token; a control character that normalised input never contains. */
    public static final char SEPARATOR = '\u001f';
}
