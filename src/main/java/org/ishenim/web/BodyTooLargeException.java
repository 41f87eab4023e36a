package org.ishenim.web;

/** Thrown while reading a request body longer than {@code ishenim.max-body-bytes}. */
class BodyTooLargeException extends RuntimeException {
    BodyTooLargeException() {
        super("request body too large", null, false, false);
    }
}
