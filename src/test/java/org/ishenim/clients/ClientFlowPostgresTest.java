package org.ishenim.clients;

import org.ishenim.testing.Databases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class ClientFlowPostgresTest extends ClientFlowContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Databases.postgres(registry);
    }
}
