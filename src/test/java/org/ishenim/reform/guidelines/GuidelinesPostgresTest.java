package org.ishenim.reform.guidelines;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link GuidelinesTest} on a real PostgreSQL. */
class GuidelinesPostgresTest extends GuidelinesTest {

    @DynamicPropertySource
    static void pg(DynamicPropertyRegistry r) {
        org.ishenim.testing.Databases.postgres(r);
    }
}
