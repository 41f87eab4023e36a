package org.ishenim.audit;

import org.ishenim.testing.Databases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class AuditChainPostgresTest extends AuditChainContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Databases.postgres(registry);
    }
}
