package org.ishenim.clients;

import java.time.Instant;
import java.util.UUID;

/** One consent, dated, with who took it and, once revoked, who recorded that. */
public record Consent(UUID id, Purpose purpose, Instant givenAt, String givenBy, Instant revokedAt, String revokedBy) {

    public boolean active() {
        return revokedAt == null;
    }
}
