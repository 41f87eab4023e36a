package org.ishenim.indicators;

import java.util.List;

/**
 * HIV.IND.13 for a recruitment cohort: one point per month after each client's own start (months 0 to 12). WHO's
 * indicator is the point at 6 months; 3, 9 and 12 are reported too.
 */
record Retention(int cohort, List<Point> curve) {

    static final int[] MILESTONES = { 3, 6, 9, 12 };

    Retention {
        curve = List.copyOf(curve);
    }

    Point at(int month) {
        return curve.get(month);
    }

    /**
     * At {@code month}: clients retained, clients whose horizon has been reached (the denominator), and clients
     * whose horizon is still after the evaluation date (left out of this month's denominator).
     */
    record Point(int month, int retained, int observable, int notYetObservable) {
    }
}
