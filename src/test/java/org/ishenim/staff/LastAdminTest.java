package org.ishenim.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.ishenim.web.RuleViolationException;
import org.ishenim.web.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** An admin may disable another admin, but not the last enabled one: nobody could manage users afterwards. */
@SpringBootTest
@ActiveProfiles("test")
@DirtiesContext
class LastAdminTest {

    @Autowired StaffAccounts accounts;

    @Test
    void theLastEnabledAdministratorCannotBeDisabled() {
        UUID first = accounts.create("last-admin-1", Roles.ADMIN, "a long enough password", false);
        UUID second = accounts.create("last-admin-2", Roles.ADMIN, "a long enough password", false);
        accounts.list().stream().filter(m -> m.role() == Roles.ADMIN && m.enabled())
                .filter(m -> !m.id().equals(first) && !m.id().equals(second))
                .forEach(m -> accounts.setEnabled(m.id(), false));
        UUID nurse = accounts.create("last-admin-nurse", Roles.NURSE, "a long enough password", false);

        accounts.setEnabled(second, false);
        assertThatThrownBy(() -> accounts.setEnabled(first, false)).isInstanceOf(RuleViolationException.class);
        assertThat(accounts.exists(Roles.ADMIN)).isTrue();
        accounts.setEnabled(nurse, false);
        accounts.setEnabled(second, true);
        accounts.setEnabled(first, false);
        assertThat(accounts.exists(Roles.ADMIN)).isTrue();
    }
}
