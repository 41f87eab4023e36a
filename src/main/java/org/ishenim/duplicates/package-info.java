/**
 * The clinic's cross-site duplicate check: at enrolment, with the client's consent, the identity is encoded
 * locally with the clinics' secret and sent to the hub, which answers "possible duplicate at site X (reference)".
 * A transactional outbox keeps enrolment independent of the hub; revoking the consent or erasing the identity
 * removes the encoding from the hub.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"audit", "clients", "linkage", "prescriptions", "web"})
package org.ishenim.duplicates;
