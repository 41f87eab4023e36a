package org.ishenim.reform.guidelines;

/** How a legal provision relates to a recommendation. */
public enum Relation {
    MEETS, CONTRADICTS
}
