package org.ishenim.web;

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
 * The installation's master key: on a clinic it wraps every client's data key, on the hub it encrypts the stored
 * encodings. It is read from a Tink JSON keyset file ({@code ishenim.master-key-file}) or from the
 * {@code ISHENIM_MASTER_KEY} environment variable (the JSON, or its base64), never from the database. Only the demo
 * profile and tests ({@code ishenim.master-key.generate=true}) may generate one under the data directory.
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

    /** The key from the file, else the environment, else (only with {@code generate}) a generated file. */
    public static Aead load(String file, String env, boolean generate, Path dataDir) throws GeneralSecurityException, IOException {
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

    /**
     * The key for the server ({@link #load}: no key stops start-up), or, for the jar's commands ({@code cli}), a key
     * that fails only when used, so that commands needing no key ({@code audit verify}, {@code admin create}) run
     * without one.
     */
    public static Aead forServerOrCommand(String file, String env, boolean generate, Path dataDir, boolean cli)
            throws GeneralSecurityException, IOException {
        if (!cli) {
            return load(file, env, generate, dataDir);
        }
        try {
            return load(file, env, generate, dataDir);
        } catch (IllegalStateException noKey) {
            return new Aead() {
                @Override
                public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
                    throw noKey;
                }

                @Override
                public byte[] decrypt(byte[] ciphertext, byte[] associatedData) {
                    throw noKey;
                }
            };
        }
    }
}
