package org.ishenim.stock;

import org.ishenim.testing.Databases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class StockLedgerPostgresTest extends StockLedgerTest {

    @DynamicPropertySource
    static void pg(DynamicPropertyRegistry r) {
        Databases.postgres(r);
    }

    @Override
    int seeds() {
        return 8;
    }
}
