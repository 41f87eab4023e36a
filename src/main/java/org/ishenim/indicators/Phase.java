package org.ishenim.indicators;

/**
 * The phase of a dose step. IND.14 counts only {@link #MAINTENANCE}. The prescriptions record no phase: it is inferred
 * from the versions (docs/indicators.md, "Dose steps and their phase").
 */
enum Phase {
    INDUCTION, MAINTENANCE,
    /**
     * A reduction that continues a taper: the second or later of reductions at most {@link #TAPER_STEP_DAYS} apart.
     * A taper step older than that on the census date is a dose held since, counted as maintenance.
     */
    REDUCING;

    /**
     * A taper lowers the dose at least this often: fortnightly and monthly reductions are a taper, adjustments months
     * apart are not (docs/indicators.md, IND.14).
     */
    static final int TAPER_STEP_DAYS = 35;
}
