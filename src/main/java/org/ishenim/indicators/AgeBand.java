package org.ishenim.indicators;

import java.time.LocalDate;

/** The WHO and UNAIDS age bands: under 25, and 25 or over, in whole years at a reference date. */
enum AgeBand {
    UNDER_25, FROM_25;

    static AgeBand of(BirthDate birth, LocalDate on) {
        return birth.ageOn(on) < 25 ? UNDER_25 : FROM_25;
    }
}
