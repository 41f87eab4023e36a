package org.ishenim.clients;

/**
 * Why a doctor looked at a client's identity: a code from this list, never free text. The code goes into the
 * audit chain, which can never be edited or erased, so it must not be able to carry a name or a diagnosis.
 */
enum RevealPurpose {
    /** Clinical care that needs the person's name: a prescription from another service, a hospital letter. */
    CARE,
    /** Reaching the client (missed doses, results) under the CONTACT consent. */
    CONTACT,
    /** A referral or transfer the client asked for. */
    REFERRAL,
    /** The client asked to see or correct their own record. */
    CLIENT_REQUEST,
    /** Settling a possible duplicate enrolment with another site. */
    DUPLICATE_REVIEW,
    /** A court order naming this client; the access log shows it to the client and the auditor. */
    COURT_ORDER
}
