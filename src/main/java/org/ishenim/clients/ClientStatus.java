package org.ishenim.clients;

/** A client is active while in care, and exited after leaving. */
public enum ClientStatus {
    ACTIVE, EXITED
}
