package org.ishenim.staff;

import java.util.Optional;
import org.ishenim.web.Roles;
import org.ishenim.web.SetupHint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Until an administrator exists, the log and the login page say how to create one. */
@Component
class FirstAdminHint implements SetupHint {

    private static final Logger log = LoggerFactory.getLogger(FirstAdminHint.class);

    private final StaffAccounts accounts;
    private final boolean commandLine;

    FirstAdminHint(StaffAccounts accounts, @org.springframework.beans.factory.annotation.Value("${ishenim.cli:false}") boolean commandLine) {
        this.accounts = accounts;
        this.commandLine = commandLine;
    }

    @Override
    public Optional<String> messageKey() {
        return accounts.exists(Roles.ADMIN) ? Optional.empty() : Optional.of("staff.noAdmin");
    }

    @EventListener(ApplicationReadyEvent.class)
    void tell() {
        if (!commandLine && !accounts.exists(Roles.ADMIN)) {
            log.warn("No administrator exists yet. Create one with: "
                    + "java -jar target/ishenim.jar admin create --username NAME   (the password is read from standard input)");
        }
    }
}
