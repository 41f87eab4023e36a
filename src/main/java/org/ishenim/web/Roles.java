package org.ishenim.web;

/** Staff roles. Spring Security authorities carry the {@code ROLE_} prefix. */
public enum Roles {
    ADMIN, DOCTOR, NURSE, PHARMACIST, MANAGER, AUDITOR, ANALYST, VIEWER;

    /** The roles that work on a server of this role: a clinic's care and stock roles, or the hub's reform roles. */
    public static java.util.List<Roles> on(String serverRole) {
        return "hub".equals(serverRole) ? java.util.List.of(ADMIN, AUDITOR, ANALYST, VIEWER)
                : java.util.List.of(ADMIN, DOCTOR, NURSE, PHARMACIST, MANAGER, AUDITOR);
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public static Roles fromAuthority(String authority) {
        return valueOf(authority.startsWith("ROLE_") ? authority.substring(5) : authority);
    }
}
