package org.ishenim.web;

import java.util.Map;

/** Answered as 400 with one message per invalid field ({@code errors}). Messages name no person. */
public class InvalidFieldsException extends ProblemException {

    private final Map<String, String> errors;

    public InvalidFieldsException(Map<String, String> errors) {
        this("invalid-fields", errors);
    }

    protected InvalidFieldsException(String code, Map<String, String> errors) {
        super(code, "The request has invalid fields.");
        this.errors = Map.copyOf(errors);
        with("errors", this.errors);
    }

    public Map<String, String> errors() {
        return errors;
    }

    @Override
    public int status() {
        return 400;
    }
}
