package org.ishenim.staff;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Checks a password only after reserving the check in the database ({@link StaffAccounts#reserveAttempt}), so the
 * lockout holds against guesses that arrive together, through Basic and the login form alike, on any number of
 * servers: at most {@code limit} wrong passwords in a row are ever checked, and a right one after them is refused
 * without being checked until the lock runs out or an administrator unlocks the account. When checks already under
 * way fill the limit and the account is not locked (several right passwords at once, such as parallel API calls),
 * a check waits for them to end, up to {@link #BUSY_WAIT} ms: a right one ends by resetting the count, wrong ones by
 * locking the account.
 */
final class LimitedAttempts implements AuthenticationProvider {

    /** How long a check waits for the checks under way to end, in milliseconds. */
    static final long BUSY_WAIT = 15_000;
    private static final long RETRY_MILLIS = 10;

    private final AuthenticationProvider delegate;
    private final StaffAccounts accounts;
    private final int limit;
    private final long lockMinutes;

    LimitedAttempts(AuthenticationProvider delegate, StaffAccounts accounts, int limit, long lockMinutes) {
        this.delegate = delegate;
        this.accounts = accounts;
        this.limit = limit;
        this.lockMinutes = lockMinutes;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String name = authentication.getName();
        if (!Username.plausible(name)) {
            throw new BadCredentialsException("Bad credentials");
        }
        switch (reserve(name)) {
            case REFUSED, BUSY -> throw new LockedException("Locked");
            case NOT_COUNTED -> {
                return delegate.authenticate(authentication);
            }
            default -> {
                // counted: checked below
            }
        }
        Authentication result;
        try {
            result = delegate.authenticate(authentication);
        } catch (BadCredentialsException wrong) {
            accounts.failedLogin(name, limit, lockMinutes);
            throw wrong;
        }
        if (result != null && result.isAuthenticated()) {
            accounts.succeededLogin(name);
        }
        return result;
    }

    private StaffAccounts.Attempt reserve(String name) {
        long deadline = System.nanoTime() + BUSY_WAIT * 1_000_000;
        StaffAccounts.Attempt attempt = accounts.reserveAttempt(name, limit);
        while (attempt == StaffAccounts.Attempt.BUSY && System.nanoTime() < deadline) {
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return attempt;
            }
            attempt = accounts.reserveAttempt(name, limit);
        }
        return attempt;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
