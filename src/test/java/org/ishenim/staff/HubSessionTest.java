package org.ishenim.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.ishenim.testing.Http;
import org.ishenim.web.EndedSessions;
import org.ishenim.web.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.test.context.ActiveProfiles;

/** On the hub too, disabling an analyst ends the analyst's open session at once, and every chain checks. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ishenim.role=hub")
@ActiveProfiles("test")
class HubSessionTest {

    @LocalServerPort int port;
    @Autowired StaffAccounts accounts;
    @Autowired FilterChainProxy security;

    @Test
    void disablingAnAnalystEndsTheOpenSession() throws Exception {
        UUID id = accounts.create("hub-session", Roles.ANALYST, "violet tractor harbour", false);
        Http.Session browser = new Http(port).signIn("hub-session", "violet tractor harbour");
        assertThat(get(browser, "/")).isEqualTo(200);
        accounts.setEnabled(id, false);
        assertThat(get(browser, "/")).isEqualTo(302);
    }

    @Test
    void everySecurityChainEndsSessionsOfChangedAccounts() {
        assertThat(security.getFilterChains()).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(chain -> assertThat(chain.getFilters()).hasAtLeastOneElementOfType(EndedSessions.class));
    }

    int get(Http.Session browser, String path) {
        return browser.get(path).status();
    }
}
