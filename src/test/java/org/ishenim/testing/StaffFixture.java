package org.ishenim.testing;

import org.ishenim.staff.StaffAccounts;
import org.ishenim.web.Roles;

/**
 * One staff member per role, named after the role, and a second doctor and nurse ({@code doctor2}, {@code nurse2}:
 * a countersignature, a dose "by whom"), all with the password {@code secret-pass-7}.
 */
public final class StaffFixture {

    public static final String PASSWORD = "secret-pass-7";

    private StaffFixture() {
    }

    public static void onePerRole(StaffAccounts accounts) {
        for (Roles role : Roles.values()) {
            create(accounts, role.name().toLowerCase(), role);
        }
        create(accounts, "doctor2", Roles.DOCTOR);
        create(accounts, "nurse2", Roles.NURSE);
    }

    private static void create(StaffAccounts accounts, String name, Roles role) {
        if (!accounts.exists(name)) {
            accounts.create(name, role, PASSWORD, false);
        }
    }

    public static String as(String user) {
        return user + ":" + PASSWORD;
    }
}
