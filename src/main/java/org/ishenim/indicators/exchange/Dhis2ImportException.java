package org.ishenim.indicators.exchange;

/**
 * DHIS2 refused, or would refuse, an import; or could not be reached. The message names the step, the HTTP status,
 * DHIS2's import status and the number of conflicts: never the token, never a value. {@link #reason()} and the
 * figures let a page say what went wrong without showing the message.
 */
public class Dhis2ImportException extends RuntimeException {

    /** What went wrong. */
    public enum Reason {
        /** No answer: DHIS2 is down, or the address is wrong. */
        UNREACHABLE,
        /** HTTP 401 or 403: the token is refused, or its user lacks the authority. */
        UNAUTHORIZED,
        /** DHIS2 answered but did not accept every value (conflicts, another status). */
        REFUSED,
        /** The token file cannot be read or does not hold one token. */
        TOKEN_FILE,
        /** The sending thread was interrupted. */
        INTERRUPTED
    }

    private static final long serialVersionUID = 1L;

    private final Reason reason;
    private final Dhis2Client.Step step;
    private final int httpStatus;
    private final int conflicts;
    private final int ignored;

    Dhis2ImportException(String message, Reason reason, Dhis2Client.Step step, int httpStatus, int conflicts,
            int ignored) {
        super(message);
        this.reason = reason;
        this.step = step;
        this.httpStatus = httpStatus;
        this.conflicts = conflicts;
        this.ignored = ignored;
    }

    Dhis2ImportException(String message, Reason reason, Dhis2Client.Step step, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.step = step;
        this.httpStatus = 0;
        this.conflicts = 0;
        this.ignored = 0;
    }

    public Reason reason() {
        return reason;
    }

    /** The step that failed; null when nothing was sent (the token file). */
    public Dhis2Client.Step step() {
        return step;
    }

    /** Whether DHIS2 may hold part of the data: the failure came after the dry runs had passed. */
    public boolean partlyWritten() {
        return step != null && !step.dryRun;
    }

    /** DHIS2's HTTP status, or 0 without an answer. */
    public int httpStatus() {
        return httpStatus;
    }

    public int conflicts() {
        return conflicts;
    }

    public int ignored() {
        return ignored;
    }
}
