package org.ishenim.reform.guidelines;

import java.time.Instant;

/** What one correction of a provision replaced, with who corrected it, when and why. */
record Correction(String law, String article, String quotedText, String link, String recommendationId,
        Relation relation, String correctedBy, Instant correctedAt, String reason) {
}
