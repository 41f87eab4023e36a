package org.ishenim.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The installation's key for names that are no account: the audit keeps {@code unknown:} and 16 hex digits of
 * HMAC-SHA256 instead of the text. The key is never in the database or the audit: it comes from
 * {@code ishenim.audit.name-key} (base64, at least 32 bytes) or is generated once into
 * {@code <data-dir>/audit-name.key}. Without it, a hash cannot be checked against a guessed name.
 */
@Component
class LoginNameKey {

    private final SecretKeySpec key;

    LoginNameKey(@Value("${ishenim.audit.name-key:}") String configured, @Value("${ishenim.data-dir}") String dataDir) {
        byte[] bytes = configured.isBlank() ? fromFile(Path.of(dataDir, "audit-name.key"))
                : Base64.getDecoder().decode(configured.strip());
        if (bytes.length < 32) {
            throw new IllegalStateException("ishenim.audit.name-key must hold at least 32 bytes");
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    String actor(String typed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(String.valueOf(typed).getBytes(StandardCharsets.UTF_8));
            return "unknown:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the audit name key", e);
        }
    }
}
