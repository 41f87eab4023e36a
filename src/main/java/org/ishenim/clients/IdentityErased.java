package org.ishenim.clients;

/** The client's identity was destroyed; anything derived from it elsewhere must go too. */
public record IdentityErased(ClientId clientId) {
}
