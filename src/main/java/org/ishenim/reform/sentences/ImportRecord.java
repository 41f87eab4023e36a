package org.ishenim.reform.sentences;

import java.time.Instant;

/** One past import of a sentences file. */
record ImportRecord(String fileName, String importedBy, Instant importedAt, int added, int alreadyPresent,
        int rejected) {
}
