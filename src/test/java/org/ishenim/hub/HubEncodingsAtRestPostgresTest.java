package org.ishenim.hub;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The hub's encodings at rest, on a real PostgreSQL. */
class HubEncodingsAtRestPostgresTest extends HubEncodingsAtRestContract {

    @DynamicPropertySource
    static void pg(DynamicPropertyRegistry r) {
        org.ishenim.testing.Databases.postgres(r);
    }
}
