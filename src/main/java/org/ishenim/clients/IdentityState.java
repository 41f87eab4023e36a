package org.ishenim.clients;

/** Whether an encrypted identity exists: never given, stored with consent, or erased by crypto-shredding. */
public enum IdentityState {
    NONE, STORED, ERASED
}
