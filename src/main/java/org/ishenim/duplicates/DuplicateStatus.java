package org.ishenim.duplicates;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A client's duplicate check as staff see it: the state, when the hub last answered, the possible duplicates
 * (a site and that site's reference, never a name), and the retry state while the hub is unreachable.
 */
public record DuplicateStatus(UUID clientId, CheckState state, Instant checkedAt, List<Candidate> candidates,
        int attempts, Instant nextAttemptAt) {

    private static final java.time.format.DateTimeFormatter UTC =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneOffset.UTC);

    /** For pages: when the hub answered, in UTC. */
    public String checkedAtText() {
        return checkedAt == null ? "" : UTC.format(checkedAt);
    }

    /** For pages: when the next attempt is due, in UTC. */
    public String nextAttemptText() {
        return nextAttemptAt == null ? "" : UTC.format(nextAttemptAt);
    }

    public record Candidate(String site, String reference, boolean sameSite) {
    }
}
