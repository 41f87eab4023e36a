package org.ishenim.indicators;

import java.time.LocalDate;

/**
 * HIV.IND.14 at a census date: of the clients on OAMT at a maintenance dose ({@code eligible}), those at or above the
 * minimum ({@code adequate}). Clients in induction or on a reducing dose are left out of both and counted here; so
 * are clients on OAMT with no dose step recorded on the date.
 */
record DoseAdequacy(LocalDate census, Tally adequate, Tally eligible, int inInduction, int reducing, int noDoseStep) {
}
