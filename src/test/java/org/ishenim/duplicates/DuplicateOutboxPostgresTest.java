package org.ishenim.duplicates;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The clinic's outbox on a real PostgreSQL. */
class DuplicateOutboxPostgresTest extends DuplicateOutboxContract {

    @DynamicPropertySource
    static void pg(DynamicPropertyRegistry r) {
        org.ishenim.testing.Databases.postgres(r);
    }
}
