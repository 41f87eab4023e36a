package org.ishenim.reform.sentences;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link SentenceImportTest} on a real PostgreSQL. */
class SentenceImportPostgresTest extends SentenceImportTest {

    @DynamicPropertySource
    static void pg(DynamicPropertyRegistry r) {
        org.ishenim.testing.Databases.postgres(r);
    }
}
