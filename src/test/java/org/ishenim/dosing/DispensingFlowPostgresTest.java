package org.ishenim.dosing;

import org.ishenim.testing.Databases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class DispensingFlowPostgresTest extends DispensingFlowTest {

    @DynamicPropertySource
    static void pg(DynamicPropertyRegistry r) {
        Databases.postgres(r);
    }
}
