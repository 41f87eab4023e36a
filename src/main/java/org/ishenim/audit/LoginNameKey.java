package org.ishenim.audit;

import java.nio.file.Path;
import java.util.HexFormat;
import org.ishenim.web.HmacKey;
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

    private final HmacKey key;

    LoginNameKey(@Value("${ishenim.audit.name-key:}") String configured, @Value("${ishenim.data-dir}") String dataDir) {
        this.key = HmacKey.configuredOrFile(configured, Path.of(dataDir, "audit-name.key"), "ishenim.audit.name-key");
    }

    String actor(String typed) {
        return "unknown:" + HexFormat.of().formatHex(key.mac(String.valueOf(typed)), 0, 8);
    }
}
