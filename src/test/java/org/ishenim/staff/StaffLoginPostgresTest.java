package org.ishenim.staff;

import org.ishenim.testing.Databases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class StaffLoginPostgresTest extends StaffLoginContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Databases.postgres(registry);
    }
}
