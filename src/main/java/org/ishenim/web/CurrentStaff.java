package org.ishenim.web;

import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting, as recorded beside what they did: the signed-in staff member, or "system" for scheduled work. */
public final class CurrentStaff {

    private CurrentStaff() {
    }

    public static String username() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "system" : auth.getName();
    }
}
