package org.ishenim.clients;

/** A client gave consent for a purpose. */
public record ConsentGiven(ClientId clientId, Purpose purpose) {
}
