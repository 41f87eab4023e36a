package org.ishenim.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The two runs really use two databases: H2 in the default run, PostgreSQL in the {@code postgres} run. */
@SpringBootTest
@ActiveProfiles("test")
@BothDatabases
class DatabaseSelectionTest {

    @Autowired
    DataSource dataSource;

    @Test
    void eachRunUsesItsDatabase() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            assertThat(product).isEqualTo(Databases.isPostgres() ? "PostgreSQL" : "H2");
        }
    }
}
