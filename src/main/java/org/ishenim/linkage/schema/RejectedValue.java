package org.ishenim.linkage.schema;

/** A value does not conform to its feature's format. The reason never repeats the value. */
public final class RejectedValue extends RuntimeException {

    public RejectedValue(String reason) {
        super(reason, null, false, false);
    }
}
