package org.ishenim.audit;

import org.ishenim.web.CurrentStaff;

/** Who is acting: the logged-in staff member, or the system for scheduled work. */
record Actor(String name, String role) {

    static final Actor SYSTEM = new Actor("system", "SYSTEM");

    static Actor current() {
        return CurrentStaff.role().map(role -> new Actor(CurrentStaff.username(), role)).orElse(SYSTEM);
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
