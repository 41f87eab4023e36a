package org.ishenim.linkage.schema;

/** The {@code missingValue} section: a sentinel that skips validation and is replaced by {@code replaceWith}. */
public record MissingValue(String sentinel, String replaceWith) {

    public MissingValue {
        if (sentinel == null) {
            throw new IllegalArgumentException("missingValue needs a sentinel");
        }
        if (replaceWith == null) {
            replaceWith = sentinel;
        }
    }
}
