package org.ishenim.audit;

import java.time.Instant;

/** One line of a client's access log: who touched the record, when, how and why. {@code seq} is null until sealed. */
public record AccessRecord(Long seq, Instant at, String actor, String role, String action, String purpose,
        Outcome outcome) {
}
