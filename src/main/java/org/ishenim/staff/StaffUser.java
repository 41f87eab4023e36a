package org.ishenim.staff;

import java.util.Collection;
import java.util.Objects;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A signed-in staff member, with the account version they were verified at (see {@link StaffAccountCheck}). */
final class StaffUser extends User {

    private final long version;

    StaffUser(String username, String password, boolean enabled, boolean unlocked,
            Collection<? extends GrantedAuthority> authorities, long version) {
        super(username, password, enabled, true, true, unlocked, authorities);
        this.version = version;
    }

    long version() {
        return version;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StaffUser u && super.equals(u) && u.version == version;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), version);
    }
}
