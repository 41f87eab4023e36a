package org.ishenim.web;

/** Staff roles. Spring Security authorities carry the {@code ROLE_} prefix. */
public enum Roles {
    ADMIN, DOCTOR, NURSE, PHARMACIST, MANAGER, AUDITOR, ANALYST, VIEWER;

    public String authority() {
        return "ROLE_" + name();
    }

    public static Roles fromAuthority(String authority) {
        return valueOf(authority.startsWith("ROLE_") ? authority.substring(5) : authority);
    }
}
