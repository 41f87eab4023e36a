package org.ishenim.hub;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ishenim.linkage.ConfiguredEncoding;
import org.ishenim.linkage.EncodingConfiguration;
import org.ishenim.web.ProblemException;

/**
 * A 409: the encodings were made with another configuration (schema or hardening) than the hub's, so comparing
 * them would give meaningless answers. The answer says which configuration the hub expects and which it received
 * (a name and a fingerprint, both public); it echoes nothing else of the request.
 */
class EncodingMismatchException extends ProblemException {

    EncodingMismatchException(ConfiguredEncoding expected, String receivedFingerprint,
            EncodingConfiguration receivedConfiguration) {
        super("encoding-mismatch", message(expected, receivedFingerprint, receivedConfiguration));
        with("expected", Map.of("configuration", expected.configuration().id(), "fingerprint",
                expected.fingerprint()));
        Map<String, String> received = new LinkedHashMap<>();
        if (receivedConfiguration != null) {
            received.put("configuration", receivedConfiguration.id());
        }
        if (receivedFingerprint != null) {
            received.put("fingerprint", receivedFingerprint);
        }
        with("received", received);
    }

    private static String message(ConfiguredEncoding expected, String fingerprint, EncodingConfiguration known) {
        String got = fingerprint == null ? "a request that names no encoding configuration (header Ishenim-Encoding)"
                : "encodings of " + (known == null ? "an unknown configuration" : "configuration " + known.id())
                        + " (fingerprint " + fingerprint + ")";
        return "This hub accepts only encodings of configuration " + expected.configuration().id() + " (fingerprint "
                + expected.fingerprint() + "); it received " + got
                + ". Nothing was stored. The hub and every clinic must use the same ishenim.linkage.schema and "
                + "ishenim.linkage.encoding.";
    }

    @Override
    public int status() {
        return 409;
    }
}
