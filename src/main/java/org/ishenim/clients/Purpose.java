package org.ishenim.clients;

/** What a client may consent to, each given and revoked on its own. */
public enum Purpose {
    /** Treatment at this clinic, opioid agonist therapy included. */
    TREATMENT,
    /** Sending keyed encodings to the hub to catch enrolment at two sites. */
    DUPLICATE_CHECK,
    /** Counting the client in de-identified statistics. */
    STATISTICS,
    /** Being contacted by phone. */
    CONTACT
}
