package org.ishenim.indicators.exchange;

/**
 * DHIS2 refused, or would refuse, an import; or could not be reached. The message names the step, the HTTP status,
 * DHIS2's import status and the number of conflicts: never the token, never a value.
 */
public class Dhis2ImportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    Dhis2ImportException(String message) {
        super(message);
    }

    Dhis2ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
