package org.ishenim.duplicates;

import java.util.Optional;
import java.util.regex.Pattern;
import org.ishenim.web.ClinicOnly;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last time the hub refused this clinic's encoding configuration (a 409 of type
 * {@code urn:ishenim:problem:encoding-mismatch}): which configuration the hub expects and which this clinic sends.
 * Kept in memory until the hub next accepts an encoding; the checks themselves stay queued and are retried, so
 * nothing is lost while a network switches configuration. The duplicates page and each client's status show it.
 */
@Component("hubMismatch")
@ClinicOnly
public class HubMismatch {

    static final String PROBLEM_TYPE = "urn:ishenim:problem:encoding-mismatch";

    /** What the hub expects and what this clinic sent: configuration names and fingerprints. */
    public record Refusal(String expected, String expectedFingerprint, String sent, String sentFingerprint) {
    }

    private static final Pattern NAME = Pattern.compile("[a-z0-9.-]{1,40}");
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{8,64}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private volatile Refusal refusal;

    /** For pages: the hub's last refusal of this clinic's configuration, if it has not accepted one since. */
    public Optional<Refusal> current() {
        return Optional.ofNullable(refusal);
    }

    /** Whether a problem body is the hub's refusal of the configuration; if so it is remembered. */
    boolean recordIfMismatch(String problemBody, String sentName, String sentFingerprint) {
        JsonNode problem;
        try {
            problem = JSON.readTree(problemBody == null ? "" : problemBody);
        } catch (RuntimeException e) {
            return false;
        }
        if (problem == null || !PROBLEM_TYPE.equals(problem.path("type").asString(""))) {
            return false;
        }
        // the hub's words are shown only when they are a configuration name and a fingerprint
        refusal = new Refusal(safe(problem.path("expected").path("configuration").asString(""), NAME),
                safe(problem.path("expected").path("fingerprint").asString(""), FINGERPRINT), sentName,
                sentFingerprint);
        return true;
    }

    void accepted() {
        refusal = null;
    }

    private static String safe(String value, Pattern allowed) {
        return allowed.matcher(value).matches() ? value : "?";
    }
}
