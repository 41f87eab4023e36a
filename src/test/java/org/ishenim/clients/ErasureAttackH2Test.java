package org.ishenim.clients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The attack on an H2 file database, as the demo and small clinics run it. */
class ErasureAttackH2Test extends ErasureAttackContract {

    static final Path DATA = tempDir();

    @DynamicPropertySource
    static void h2File(DynamicPropertyRegistry registry) {
        registry.add("ishenim.data-dir", DATA::toString);
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DATA.resolve("ishenim")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
    }

    @Override
    List<Path> databaseDirectories() {
        return List.of(DATA);
    }

    @Override
    Path dataDirectory() {
        return DATA;
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("ishenim-erasure-h2-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
