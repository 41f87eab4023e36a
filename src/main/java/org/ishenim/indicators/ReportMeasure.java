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
    IND14_DENOMINATOR("IND14", "DENOMINATOR", true),
    IND13_COHORT3("IND13", "COHORT3", true),
    IND13_OBSERVABLE3("IND13", "OBSERVABLE3", true),
    IND13_RETAINED3("IND13", "RETAINED3", true),
    IND13_COHORT9("IND13", "COHORT9", true),
    IND13_OBSERVABLE9("IND13", "OBSERVABLE9", true),
    IND13_RETAINED9("IND13", "RETAINED9", true),
    IND13_COHORT12("IND13", "COHORT12", true),
    IND13_OBSERVABLE12("IND13", "OBSERVABLE12", true),
    IND13_RETAINED12("IND13", "RETAINED12", true);

    /** IND.13's cohort, observable and retained measures for the point at {@code month} (3, 6, 9 or 12) months. */
    record RetentionPoint(int month, ReportMeasure cohort, ReportMeasure observable, ReportMeasure retained) {
    }

    /** The retention curve's points, in order: each the cohort that started that many months before the report's. */
    static final java.util.List<RetentionPoint> RETENTION_POINTS = java.util.List.of(
            new RetentionPoint(3, IND13_COHORT3, IND13_OBSERVABLE3, IND13_RETAINED3),
            new RetentionPoint(6, IND13_COHORT, IND13_OBSERVABLE, IND13_RETAINED),
            new RetentionPoint(9, IND13_COHORT9, IND13_OBSERVABLE9, IND13_RETAINED9),
            new RetentionPoint(12, IND13_COHORT12, IND13_OBSERVABLE12, IND13_RETAINED12));

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
