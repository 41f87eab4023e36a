package org.ishenim.duplicates;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The clinic's refresh of its encodings on the hub, on a real PostgreSQL. */
class DuplicateRefreshPostgresTest extends DuplicateRefreshContract {

    @DynamicPropertySource
    static void pg(DynamicPropertyRegistry r) {
        org.ishenim.testing.Databases.postgres(r);
    }
}
