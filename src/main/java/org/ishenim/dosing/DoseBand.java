package org.ishenim.dosing;

/** What the missed-day count means for today's dose. */
enum DoseBand {
    /** 0 to 2 missed days: the prescribed dose. */
    NORMAL,
    /** 3 missed days (default): half the dose is proposed. */
    HALF,
    /** 4 missed days (default): blocked until a doctor reviews, restart at the lower of 40 mg and half. */
    REVIEW,
    /** 5 or more (default): blocked until a doctor re-inducts. */
    REINDUCTION;

    public boolean blocks() {
        return this == REVIEW || this == REINDUCTION;
    }
}
