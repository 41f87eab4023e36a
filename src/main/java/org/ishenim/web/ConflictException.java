package org.ishenim.web;

/** Answered as a problem with status 409. The message must name no person. */
public class ConflictException extends ProblemException {

    /** The answer when two requests raced for one unique key and the database refused the second. */
    public static final String RACED = "Another request did the same at the same time; reload and check.";

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
