package org.ishenim.duplicates;

/** Where a client's duplicate check stands. */
public enum CheckState {
    /** Waiting to be sent to the hub, or for the hub's answer (retried while the hub is unreachable). */
    PENDING,
    /** The hub knows no likely duplicate. */
    CLEAR,
    /** The hub found possible duplicates: see the candidates. */
    FOUND,
    /** No name or date of birth is stored for the client, so there is nothing to encode. */
    NO_IDENTITY,
    /** The identity could not be encoded (the reason names the field, never the value). */
    FAILED,
    /** The consent was revoked or the identity erased: the encoding is (being) removed from the hub. */
    WITHDRAWN,
    /** The client has not consented to the duplicate check. */
    NO_CONSENT,
    /** This clinic has no hub configured. */
    NOT_CONFIGURED
}
