package org.ishenim.reform.visits;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link VisitsTest} on a real PostgreSQL. */
class VisitsPostgresTest extends VisitsTest {

    @DynamicPropertySource
    static void pg(DynamicPropertyRegistry r) {
        org.ishenim.testing.Databases.postgres(r);
    }
}
