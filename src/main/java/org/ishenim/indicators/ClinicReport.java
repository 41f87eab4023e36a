package org.ishenim.indicators;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The clinic's indicators for a month, unsuppressed (for the clinic's own staff only): IND.11 and IND.14 at the
 * census date, IND.12 over the month, IND.13 for the clients who started in {@code [cohortFrom, cohortTo]} (months,
 * inclusive) as of the census date; {@code counted} consenting clients, {@code withoutConsent} left out.
 */
record ClinicReport(YearMonth month, LocalDate census, YearMonth cohortFrom, YearMonth cohortTo, Coverage coverage,
        PersonTime personTime, Retention retention, DoseAdequacy adequacy, int counted, int withoutConsent) {
}
