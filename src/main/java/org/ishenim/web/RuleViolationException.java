package org.ishenim.web;

/** Answered as a problem with status 422. The message must name no person. */
public class RuleViolationException extends ProblemException {

    public RuleViolationException(String code, String message) {
        super(code, message);
    }

    public RuleViolationException(String message) {
        this("ruleviolation", message);
    }

    @Override
    public int status() {
        return 422;
    }
}
