package org.ishenim.indicators;

import java.time.LocalDate;

/**
 * HIV.IND.11 at a census date: clients on OAMT (by sex, age band, substance and region) over the clients in contact
 * with the clinic (the service denominator, by sex, age band and region; substance {@code null}).
 */
record Coverage(LocalDate census, Tally onTreatment, Tally inContact) {
}
