package org.ishenim.reform.sentences;

import java.util.Locale;
import java.util.Optional;

/** The forensic expert's finding on drug dependence before the sentence. */
enum ExpertFinding {
    DEPENDENCE_DIAGNOSED, NOT_DIAGNOSED, NOT_EXAMINED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ExpertFinding> ofCode(String code) {
        for (ExpertFinding f : values()) {
            if (f.code().equalsIgnoreCase(code.strip())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
