package org.ishenim.hub;

import java.time.Instant;

/** A clinic registered at the hub. {@code code} is what other sites are told ("possible duplicate at site X"). */
record Site(String code, String name, Instant createdAt, String createdBy, Instant tokenIssuedAt,
        Instant deactivatedAt, long encodings) {

    public boolean active() {
        return deactivatedAt == null;
    }
}
