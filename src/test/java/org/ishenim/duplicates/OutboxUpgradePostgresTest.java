package org.ishenim.duplicates;

import org.ishenim.testing.Databases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The upgrade from the hand-rolled outbox on a real PostgreSQL. */
class OutboxUpgradePostgresTest extends OutboxUpgradeContract {

    @DynamicPropertySource
    static void postgresAtV61(DynamicPropertyRegistry r) {
        String url = Databases.newPostgresDatabase();
        atV61WithPendingChecks(url, "postgres", "postgres");
        r.add("spring.datasource.url", () -> url);
        r.add("spring.datasource.username", () -> "postgres");
        r.add("spring.datasource.password", () -> "postgres");
    }
}
