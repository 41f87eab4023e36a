package org.ishenim.clients;

/** Published in the enrolment's transaction. Carries no identity. */
public record ClientEnrolled(ClientId clientId) {
}
