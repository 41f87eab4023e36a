package org.ishenim.web;

/** Answered as a problem with status 404. The message must name no person. */
public class NotFoundException extends ProblemException {

    public NotFoundException(String code, String message) {
        super(code, message);
    }

    public NotFoundException(String message) {
        this("notfound", message);
    }

    @Override
    public int status() {
        return 404;
    }
}
