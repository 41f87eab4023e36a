package org.ishenim.clients;

import com.google.crypto.tink.Aead;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.ishenim.web.ClinicOnly;
import org.ishenim.web.MasterKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The loaded master key (see {@link MasterKey}), shared by the identity vault and the shred keys it wraps.
 * The jar's commands ({@code audit verify}, {@code admin create}) never touch identity: without a master key they
 * still run, and only an attempt to seal or open an identity fails.
 */
@Component
@ClinicOnly
class MasterAead implements Aead {

    private final Aead master;

    MasterAead(@Value("${ishenim.master-key-file:}") String file,
            @Value("${ISHENIM_MASTER_KEY:}") String env,
            @Value("${ishenim.master-key.generate:false}") boolean generate,
            @Value("${ishenim.data-dir}") String dataDir,
            @Value("${ishenim.cli:false}") boolean cli) throws GeneralSecurityException, IOException {
        this.master = MasterKey.forServerOrCommand(file, env, generate, Path.of(dataDir), cli);
    }

    @Override
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
        return master.encrypt(plaintext, associatedData);
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
        return master.decrypt(ciphertext, associatedData);
    }
}
