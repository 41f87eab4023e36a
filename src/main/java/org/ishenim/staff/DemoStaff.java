package org.ishenim.staff;

import org.ishenim.web.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo profile's staff: one user per role, each with the password {@code demo}. Never outside demo. */
@Component
@Profile("demo")
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
@Order(1)
class DemoStaff implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoStaff.class);

    private final StaffAccounts accounts;

    DemoStaff(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        seed("admin", Roles.ADMIN);
        seed("doctor", Roles.DOCTOR);
        seed("doctor2", Roles.DOCTOR);
        seed("nurse", Roles.NURSE);
        seed("pharmacist", Roles.PHARMACIST);
        seed("manager", Roles.MANAGER);
        seed("auditor", Roles.AUDITOR);
        seed("analyst", Roles.ANALYST);
        seed("viewer", Roles.VIEWER);
    }

    private void seed(String username, Roles role) {
        if (!accounts.exists(username)) {
            accounts.create(username, role, "demo", true);
            log.info("Demo user {} ({}) created with the password 'demo'", username, role);
        }
    }
}
