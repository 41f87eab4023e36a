package org.ishenim.web;

/** Answered as a problem with status 409. The message must name no person. */
public class ConflictException extends ProblemException {

    public ConflictException(String code, String message) {
        super(code, message);
    }

    public ConflictException(String message) {
        this("conflict", message);
    }

    @Override
    public int status() {
        return 409;
    }
}
