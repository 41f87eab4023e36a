package org.ishenim.reform.sentences;

import java.util.Locale;
import java.util.Optional;

/** The measure a sentence imposes: compulsory treatment alone, or combined with another penalty. */
enum Measure {
    COMPULSORY_TREATMENT, COMPULSORY_TREATMENT_WITH_PENALTY;

    /** The code used in the template: {@code compulsory_treatment}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Measure> ofCode(String code) {
        for (Measure m : values()) {
            if (m.code().equalsIgnoreCase(code.strip())) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
