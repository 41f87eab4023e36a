package org.ishenim.hub;

import com.google.crypto.tink.Aead;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import org.ishenim.linkage.Clk;
import org.ishenim.web.HubOnly;
import org.ishenim.web.MasterKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts the stored encodings with the hub's master key ({@link MasterKey}: a keyset file or the environment,
 * never the database; start-up fails without one outside the demo and tests). Each ciphertext is bound to its site
 * and reference as associated data, so a row copied to another reference or site does not decrypt and is refused.
 */
@Component
@HubOnly
class EncodingVault {

    private static final String CONTEXT = "ishenim.hub_encoding.v1";

    private final Aead key;

    @org.springframework.beans.factory.annotation.Autowired
    EncodingVault(@Value("${ishenim.master-key-file:}") String file,
            @Value("${ISHENIM_MASTER_KEY:}") String env,
            @Value("${ishenim.master-key.generate:false}") boolean generate,
            @Value("${ishenim.data-dir}") String dataDir,
            @Value("${ishenim.cli:false}") boolean cli) throws GeneralSecurityException, IOException {
        this(MasterKey.forServerOrCommand(file, env, generate, Path.of(dataDir), cli));
    }

    EncodingVault(Aead key) {
        this.key = key;
    }

    /** The encoding of this site's reference, encrypted, as base64 for the {@code clk} column. */
    String seal(String site, String reference, Clk clk) {
        return seal(site, reference, clk.toBytes());
    }

    String seal(String site, String reference, byte[] clk) {
        try {
            return Base64.getEncoder().encodeToString(key.encrypt(clk, associatedData(site, reference)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("An encoding could not be encrypted.", e);
        }
    }

    /** The encoding, or empty when the stored value does not decrypt under this site and reference. */
    Optional<Clk> open(String site, String reference, String stored) {
        try {
            return Optional.of(Clk.fromBytes(key.decrypt(Base64.getDecoder().decode(stored), associatedData(site, reference))));
        } catch (GeneralSecurityException | IllegalArgumentException refused) {
            return Optional.empty();
        }
    }

    private static byte[] associatedData(String site, String reference) {
        return (CONTEXT + '\0' + site + '\0' + reference).getBytes(StandardCharsets.UTF_8);
    }
}
