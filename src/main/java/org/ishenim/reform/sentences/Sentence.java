package org.ishenim.reform.sentences;

import java.time.LocalDate;

/**
 * One court sentence with a compulsory-treatment measure, de-identified: the case reference survives only as a
 * keyed hash. {@code outcome} may be null.
 */
record Sentence(String caseHash, String court, String region, LocalDate date, String article, Measure measure,
        ExpertFinding finding, int treatmentMonths, String outcome, boolean synthetic) {

    public int year() {
        return date.getYear();
    }
}
