package org.ishenim.prescriptions;

import org.ishenim.clients.ClientId;

/** A client's treatment started: a first prescription, or a course continued from elsewhere. No identity. */
public record TreatmentStarted(ClientId clientId) {
}
