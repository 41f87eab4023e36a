package org.ishenim.testing;

import org.ishenim.staff.StaffAccounts;
import org.ishenim.web.Roles;

/** One staff member per role, named after the role, with the password {@code secret-pass-7}. */
public final class StaffFixture {

    public static final String PASSWORD = "secret-pass-7";

    private StaffFixture() {
    }

    public static void onePerRole(StaffAccounts accounts) {
        for (Roles role : Roles.values()) {
            String name = role.name().toLowerCase();
            if (!accounts.exists(name)) {
                accounts.create(name, role, PASSWORD, false);
            }
        }
        if (!accounts.exists("doctor2")) {
            accounts.create("doctor2", Roles.DOCTOR, PASSWORD, false);
        }
    }

    public static String as(String user) {
        return user + ":" + PASSWORD;
    }
}
