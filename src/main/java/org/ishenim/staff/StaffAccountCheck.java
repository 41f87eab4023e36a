package org.ishenim.staff;

import org.ishenim.web.AccountCheck;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * A session or a cached credential is good while its account is enabled and at the version it was verified at:
 * disabling, a new password, a new role, a lock or an unlock raise the version and so end it at once.
 */
@Component
class StaffAccountCheck implements AccountCheck {

    private final StaffAccounts accounts;

    StaffAccountCheck(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean stillValid(Authentication authentication) {
        if (!(authentication.getPrincipal() instanceof StaffUser user)) {
            return true; // a hub site's token, or a test's stand-in
        }
        return accounts.currentVersion(user.getUsername()).map(v -> v == user.version()).orElse(false);
    }
}
