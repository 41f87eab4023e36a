package org.ishenim.clients;

/** Why an identity was erased: a code, since it stays in the audit chain after the identity is gone. */
enum ErasureReason {
    /** The client left the programme (the default). */
    EXIT,
    /** The client asked for their identity to be erased. */
    CLIENT_REQUEST,
    /** Care moved to another service, which holds its own record. */
    TRANSFER,
    /** The client died. */
    DECEASED
}
