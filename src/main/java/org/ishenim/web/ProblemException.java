package org.ishenim.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure answered as an RFC 9457 problem. The message is shown to the caller: it must never name a
 * person or contain health data. Extra properties (for example when and by whom a dose was given) are
 * added to the problem body.
 */
public abstract class ProblemException extends RuntimeException {

    private final String code;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    protected ProblemException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** The HTTP status this problem is answered with. */
    public abstract int status();

    /** A stable machine-readable code, also a message-bundle key suffix ({@code problem.<code>}). */
    public String code() {
        return code;
    }

    public ProblemException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }
}
