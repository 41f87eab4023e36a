package org.ishenim.reform.visits;

import java.time.Instant;
import java.time.LocalDate;

/** One change to a commitment: its kind (STATUS or CORRECTION), the values it replaced, who and when. */
record CommitmentChange(String kind, String text, String owner, LocalDate dueOn, Commitment.Status status,
        String changedBy, Instant changedAt) {
}
