package org.ishenim.reform.visits;

import java.time.LocalDate;
import java.util.UUID;

/** A commitment made at a visit: what, who owns it, when it is due, and where it stands. */
public record Commitment(UUID id, UUID visitId, String country, String text, String owner, LocalDate dueOn,
        Status status) {

    public enum Status {
        OPEN, IN_PROGRESS, DONE, DROPPED;

        public boolean open() {
            return this == OPEN || this == IN_PROGRESS;
        }
    }

    /** Still open and past its due date. */
    public boolean overdue(LocalDate today) {
        return status.open() && dueOn != null && dueOn.isBefore(today);
    }
}
