package org.ishenim.indicators;

import java.time.Instant;
import java.util.Objects;

/**
 * An observed dose at an instant, with the take-home days that follow it (0 for none), as the dosing module records
 * them: the dose day and the {@code takeHomeDays} days after it are covered.
 */
record Dose(Instant givenAt, int takeHomeDays) {

    Dose {
        Objects.requireNonNull(givenAt, "givenAt");
        if (takeHomeDays < 0) {
            throw new IllegalArgumentException("Take-home days cannot be negative.");
        }
    }
}
