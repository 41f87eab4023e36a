package org.ishenim.hub;

import java.util.Map;
import org.ishenim.web.ProblemException;

/**
 * The hub accepts encodings and nothing else: an unknown field, a plaintext-looking field, or base64 that is
 * not a CLK of the configured length is a 400. The message never echoes the refused value.
 */
class NotAnEncodingException extends ProblemException {

    NotAnEncodingException(String code, String field, String message) {
        super(code, message);
        with("errors", Map.of(field, message));
    }

    static NotAnEncodingException plaintext(String field) {
        return new NotAnEncodingException("plaintext-refused", field,
                "The hub accepts only encodings; plaintext identifiers are refused.");
    }

    /** Bytes whose bits are not spread as a CLK's: text or other structured data. */
    static NotAnEncodingException structured(String field) {
        return new NotAnEncodingException("plaintext-refused", field,
                "The hub accepts only encodings; these bytes are structured like text, not spread like a CLK's bits.");
    }

    static NotAnEncodingException unknown(String field) {
        return new NotAnEncodingException("unknown-field", field, "Unknown field.");
    }

    static NotAnEncodingException invalid(String field, String message) {
        return new NotAnEncodingException("not-an-encoding", field, message);
    }

    @Override
    public int status() {
        return 400;
    }
}
