package org.ishenim.indicators;

import java.util.Optional;

/**
 * What one cell of a monthly report counts: an indicator and its measure, each counted by sex and age band, and by
 * medicine where {@link #byMedicine()} (IND.11's service denominator is not by medicine). IND.13 is the cohort that
 * started six months before the report's month, and its point at six months.
 */
enum ReportMeasure {
    IND11_NUMERATOR("IND11", "NUMERATOR", true),
    IND11_DENOMINATOR("IND11", "DENOMINATOR", false),
    IND12_DAYS("IND12", "DAYS", true),
    IND13_COHORT("IND13", "COHORT", true),
    IND13_OBSERVABLE("IND13", "OBSERVABLE", true),
    IND13_RETAINED("IND13", "RETAINED", true),
    IND14_NUMERATOR("IND14", "NUMERATOR", true),
    IND14_DENOMINATOR("IND14", "DENOMINATOR", true);

    private final String indicator;
    private final String measure;
    private final boolean byMedicine;

    ReportMeasure(String indicator, String measure, boolean byMedicine) {
        this.indicator = indicator;
        this.measure = measure;
        this.byMedicine = byMedicine;
    }

    String indicator() {
        return indicator;
    }

    String measure() {
        return measure;
    }

    boolean byMedicine() {
        return byMedicine;
    }

    /** The measure with these exact codes, if any (no case folding: the report's codes are fixed). */
    static Optional<ReportMeasure> of(String indicator, String measure) {
        for (ReportMeasure m : values()) {
            if (m.indicator.equals(indicator) && m.measure.equals(measure)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
