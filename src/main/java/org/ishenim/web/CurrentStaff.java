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

    /** Whether the signed-in staff member has one of these roles (names without the {@code ROLE_} prefix). */
    public static boolean hasAnyRole(String... roles) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return false;
        }
        for (var granted : auth.getAuthorities()) {
            for (String role : roles) {
                if (granted.getAuthority().equals("ROLE_" + role)) {
                    return true;
                }
            }
        }
        return false;
    }
}
