package org.ishenim.staff;

import java.time.Instant;
import java.util.UUID;
import org.ishenim.web.Roles;

/** A staff account as listed to an admin: never the password hash. */
record StaffMember(UUID id, String username, Roles role, boolean enabled, int failedLogins, Instant lockedUntil,
        Instant createdAt) {

    /** Public so that the users page (SpEL) can call it. */
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
