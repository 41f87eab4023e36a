package org.ishenim.reform.sentences;

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
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.ishenim.reform.Country;
import org.ishenim.web.HubOnly;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key that turns a court's case reference into a keyed hash (HMAC-SHA256), so a sentence can be recognised on
 * re-import without the reference ever being stored. The key comes from {@code ishenim.reform.case-key} (base64,
 * at least 32 bytes) or is generated once into {@code <data-dir>/reform-case.key}. Without the key, a hash cannot
 * be checked against a guessed reference.
 */
@Component
@HubOnly
class CaseKey {

    private final SecretKeySpec key;

    CaseKey(@Value("${ishenim.reform.case-key:}") String configured, @Value("${ishenim.data-dir}") String dataDir) {
        byte[] bytes = configured.isBlank() ? fromFile(Path.of(dataDir, "reform-case.key"))
                : Base64.getDecoder().decode(configured.strip());
        if (bytes.length < 32) {
            throw new IllegalStateException("ishenim.reform.case-key must hold at least 32 bytes");
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** The hex HMAC of the country and the normalised reference (trimmed, upper case, single spaces). */
    String hash(Country country, String caseReference) {
        String normal = caseReference.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal((country.code() + "|" + normal).getBytes(StandardCharsets.UTF_8)));
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
            throw new UncheckedIOException("cannot read or create the case-reference key", e);
        }
    }
}
