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

    /** The code of the refusal a blocking band makes ({@code review-required}, {@code reinduction-required}). */
    String refusal() {
        return switch (this) {
            case REVIEW -> "review-required";
            case REINDUCTION -> "reinduction-required";
            case NORMAL, HALF -> throw new IllegalStateException(this + " does not block");
        };
    }

    /** The band whose refusal has this code, or NORMAL for a refusal that is not about missed days. */
    static DoseBand refusedAs(String code) {
        for (DoseBand band : values()) {
            if (band.blocks() && band.refusal().equals(code)) {
                return band;
            }
        }
        return NORMAL;
    }
}
