package org.ishenim.linkage;

/** A linkage schema is malformed or uses an unsupported option. */
public final class InvalidSchemaException extends RuntimeException {

    public InvalidSchemaException(String message) {
        super(message);
    }

    public InvalidSchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
