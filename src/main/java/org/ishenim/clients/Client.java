package org.ishenim.clients;

import java.time.Instant;

/** The pseudonymous view of a client: what lists, screens and other modules see. Never the identity. */
public record Client(ClientId id, Uic uic, String alias, Sex sex, int birthYear, ClientStatus status,
        IdentityState identityState, Instant enrolledAt, String enrolledBy) {
}
