package org.ishenim.clients;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;
import org.ishenim.web.ClinicOnly;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Envelope encryption of identity. Each client has a data key (Tink AES-256-GCM) used with the client id as
 * associated data; the data key is stored only wrapped by the master key. Destroying the wrapped data key
 * makes the ciphertext unreadable for ever: crypto-shredding.
 */
@Component
@ClinicOnly
class IdentityVault {

    private final Aead master;

    IdentityVault(@Value("${ishenim.master-key-file:}") String file,
            @Value("${ISHENIM_MASTER_KEY:}") String env,
            @Value("${ishenim.master-key.generate:false}") boolean generate,
            @Value("${ishenim.data-dir}") String dataDir,
            @Value("${ishenim.cli:false}") boolean cli) throws GeneralSecurityException, IOException {
        this.master = cli ? loadForCommand(file, env, generate, Path.of(dataDir))
                : MasterKey.load(file, env, generate, Path.of(dataDir));
    }

    /**
     * The jar's commands ({@code audit verify}, {@code admin create}) never touch identity: without a master key
     * they still run, and only an attempt to seal or open an identity fails.
     */
    private static Aead loadForCommand(String file, String env, boolean generate, Path dataDir)
            throws GeneralSecurityException, IOException {
        try {
            return MasterKey.load(file, env, generate, dataDir);
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

    /** A wrapped data key and the identity sealed with it. */
    record Sealed(String wrappedKey, String ciphertext) {
        @Override
        public String toString() {
            return "Sealed[redacted]";
        }
    }

    Sealed seal(ClientId id, Identity identity) {
        try {
            byte[] ad = ad(id);
            KeysetHandle dataKey = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            String wrapped = TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(dataKey, master, ad);
            byte[] ciphertext = dataKey.getPrimitive(RegistryConfiguration.get(), Aead.class).encrypt(encode(identity), ad);
            return new Sealed(wrapped, Base64.getEncoder().encodeToString(ciphertext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Identity could not be encrypted.", e);
        }
    }

    Identity open(ClientId id, Sealed sealed) {
        try {
            byte[] ad = ad(id);
            KeysetHandle dataKey = TinkJsonProtoKeysetFormat.parseEncryptedKeyset(sealed.wrappedKey(), master, ad);
            byte[] plain = dataKey.getPrimitive(RegistryConfiguration.get(), Aead.class)
                    .decrypt(Base64.getDecoder().decode(sealed.ciphertext()), ad);
            return decode(plain);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Identity could not be decrypted.", e);
        }
    }

    private static byte[] ad(ClientId id) {
        return id.value().toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A fixed, self-delimiting layout: four length-prefixed UTF-8 fields. */
    static byte[] encode(Identity identity) {
        var out = new StringBuilder();
        for (String field : new String[] {identity.givenName(), identity.surname(),
                identity.dateOfBirth() == null ? null : identity.dateOfBirth().toString(), identity.phone()}) {
            if (field == null) {
                out.append("-1:");
            } else {
                out.append(field.length()).append(':').append(field);
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Identity decode(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        String[] fields = new String[4];
        int at = 0;
        for (int i = 0; i < 4; i++) {
            int colon = s.indexOf(':', at);
            int len = Integer.parseInt(s.substring(at, colon));
            if (len < 0) {
                at = colon + 1;
            } else {
                fields[i] = s.substring(colon + 1, colon + 1 + len);
                at = colon + 1 + len;
            }
        }
        return new Identity(fields[0], fields[1], Optional.ofNullable(fields[2]).map(LocalDate::parse).orElse(null),
                fields[3]);
    }
}
