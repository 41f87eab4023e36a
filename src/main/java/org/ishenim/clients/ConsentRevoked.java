package org.ishenim.clients;

/** A client revoked consent for a purpose; it takes effect at once. */
public record ConsentRevoked(ClientId clientId, Purpose purpose) {
}
