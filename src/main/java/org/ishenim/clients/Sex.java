package org.ishenim.clients;

/** Sex as used in the UIC: male, female, or another/unstated. */
public enum Sex {
    M, F, X
}
