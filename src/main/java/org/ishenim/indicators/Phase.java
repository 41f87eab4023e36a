package org.ishenim.indicators;

/** The phase of a dose step. IND.14 counts only {@link #MAINTENANCE}. */
enum Phase {
    INDUCTION, MAINTENANCE, REDUCING
}
