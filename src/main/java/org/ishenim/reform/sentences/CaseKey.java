package org.ishenim.reform.sentences;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import org.ishenim.reform.Country;
import org.ishenim.web.HmacKey;
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

    private final HmacKey key;

    CaseKey(@Value("${ishenim.reform.case-key:}") String configured, @Value("${ishenim.data-dir}") String dataDir) {
        this.key = HmacKey.configuredOrFile(configured, Path.of(dataDir, "reform-case.key"), "ishenim.reform.case-key");
    }

    /** The hex HMAC of the country and the normalised reference (trimmed, upper case, single spaces). */
    String hash(Country country, String caseReference) {
        String normal = caseReference.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        return HexFormat.of().formatHex(key.mac(country.code() + "|" + normal));
    }
}
