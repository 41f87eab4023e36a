package org.ishenim.web;

import org.springframework.security.core.Authentication;

/**
 * Whether a signed-in staff member's account is still as it was when they signed in (not disabled, locked or
 * changed since). Implemented by the staff module; {@link EndedSessions} asks it on every request.
 */
public interface AccountCheck {

    boolean stillValid(Authentication authentication);
}
