package org.ishenim.duplicates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A clinic whose hub cannot be reached (the discard port), with its linkage secret in a temporary file, that sends
 * only when a test asks: no sending after commit, and the periodic resend an hour away.
 */
final class UnreachableHub {

    private UnreachableHub() {
    }

    static void properties(DynamicPropertyRegistry r, String linkageSecret) {
        Path secretFile = secretFile(linkageSecret);
        r.add("ishenim.hub.url", () -> "http://127.0.0.1:9");
        r.add("ishenim.hub.token", () -> "ishs_unused");
        r.add("ishenim.linkage.secret-file", secretFile::toString);
        r.add("ishenim.duplicates.send-interval", () -> "PT1H");
        r.add("ishenim.duplicates.send-after-commit", () -> "false");
    }

    private static Path secretFile(String secret) {
        try {
            Path file = Files.createTempFile("ishenim-linkage", ".secret");
            Files.writeString(file, secret + "\n");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
