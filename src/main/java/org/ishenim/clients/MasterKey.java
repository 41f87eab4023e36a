package org.ishenim.clients;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Set;

/**
 * The master key (key-encryption key) that wraps every client's data key. It is read from a Tink JSON keyset
 * file ({@code ishenim.master-key-file}) or from the {@code ISHENIM_MASTER_KEY} environment variable (the
 * JSON, or its base64). The demo profile and tests may generate one under the data directory.
 */
public final class MasterKey {

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private MasterKey() {
    }

    /** A new AES-256-GCM keyset as Tink JSON, for {@code java -jar ishenim.jar keys generate}. */
    public static String generateJson() throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
                InsecureSecretKeyAccess.get());
    }

    static Aead load(String file, String env, boolean generate, Path dataDir) throws GeneralSecurityException, IOException {
        String json;
        if (file != null && !file.isBlank()) {
            json = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } else if (env != null && !env.isBlank()) {
            json = env.strip().startsWith("{") ? env : new String(Base64.getDecoder().decode(env.strip()), StandardCharsets.UTF_8);
        } else if (generate) {
            Path path = dataDir.resolve("master-key.json");
            if (!Files.exists(path)) {
                Files.createDirectories(dataDir);
                Files.writeString(path, generateJson(), StandardCharsets.UTF_8);
                try {
                    Files.setPosixFilePermissions(path, Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
            }
            json = Files.readString(path, StandardCharsets.UTF_8);
        } else {
            throw new IllegalStateException("No master key. Set ishenim.master-key-file to a Tink keyset file or the "
                    + "ISHENIM_MASTER_KEY environment variable. Create one with: java -jar ishenim.jar keys generate");
        }
        return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get())
                .getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

}
