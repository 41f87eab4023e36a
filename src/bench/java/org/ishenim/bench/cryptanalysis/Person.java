package org.ishenim.bench.cryptanalysis;

import java.time.LocalDate;

/** One synthetic client as a clinic holds them: Cyrillic names, birth date and sex ("M" or "F"). */
record Person(String givenName, String surname, LocalDate dateOfBirth, String sex) {

    boolean male() {
        return "M".equals(sex);
    }
}
