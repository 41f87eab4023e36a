package org.ishenim.web;

import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is acting, as recorded beside what they did: the signed-in staff member, or {@code system} for scheduled and
 * start-up work. The one reader of the acting user for every module (the audit, the clinic's records, the reform
 * monitor).
 */
public final class CurrentStaff {

    /** The actor of work no person started. */
    public static final String SYSTEM = "system";

    /** A staff name is at most this long (the column's length). */
    private static final int MAX_NAME = 100;

    private CurrentStaff() {
    }

    /** The signed-in staff member's name, or {@link #SYSTEM}. */
    public static String username() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getName() == null) {
            return SYSTEM;
        }
        String name = auth.getName();
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
    }

    /** The signed-in staff member's role (without {@code ROLE_}), {@code NONE} without one, or empty for the system. */
    public static java.util.Optional<String> role() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getName() == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(auth.getAuthorities().stream().map(a -> a.getAuthority())
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).findFirst().orElse("NONE"));
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
