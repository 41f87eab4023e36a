package org.ishenim.duplicates;

import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The upgrade from the hand-rolled outbox on H2. */
class OutboxUpgradeTest extends OutboxUpgradeContract {

    @DynamicPropertySource
    static void h2AtV61(DynamicPropertyRegistry r) {
        String url = "jdbc:h2:mem:upgrade-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        atV61WithPendingChecks(url, "ishenim", "");
        r.add("spring.datasource.url", () -> url);
    }
}
