package org.ishenim.dosing;

import org.ishenim.testing.Databases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class ImplausibleValuesPostgresTest extends ImplausibleValuesTest {

    @DynamicPropertySource
    static void pg(DynamicPropertyRegistry r) {
        Databases.postgres(r);
    }
}
