package org.ishenim.clients;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;
import org.ishenim.web.ClinicOnly;
import org.springframework.stereotype.Component;

/**
 * Envelope encryption of identity. Each client has a data key (Tink AES-256-GCM) used with the client id as
 * associated data. The data key is stored only wrapped twice: by the master key, then by the current shred key
 * (both with the client id as associated data), and the row names that shred key. Deleting the row shreds the
 * identity in the live database; destroying the shred key after the next rotation shreds every copy the database's
 * files, its WAL, a copy or a backup may still hold (see docs/erasure.md). A key stored before shred keys existed
 * is wrapped by the master key alone (no shred key id) until the first rotation re-wraps it.
 */
@Component
@ClinicOnly
class IdentityVault {

    private final Aead master;
    private final ShredKeys shredKeys;

    IdentityVault(MasterAead master, ShredKeys shredKeys) {
        this.master = master;
        this.shredKeys = shredKeys;
    }

    /** A wrapped data key, the shred key that wrapped it (null: the master key alone), and the identity sealed with it. */
    record Sealed(String wrappedKey, String shredKeyId, String ciphertext) {
        @Override
        public String toString() {
            return "Sealed[redacted]";
        }
    }

    /** Seals under the current shred key, which stays locked until the caller's transaction ends. */
    Sealed seal(ClientId id, Identity identity) {
        try {
            byte[] ad = ad(id);
            String shredKeyId = shredKeys.lockCurrentForUse();
            KeysetHandle dataKey = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            String wrapped = TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(dataKey, wrapping(shredKeyId), ad);
            byte[] ciphertext = dataKey.getPrimitive(RegistryConfiguration.get(), Aead.class).encrypt(encode(identity), ad);
            return new Sealed(wrapped, shredKeyId, Base64.getEncoder().encodeToString(ciphertext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Identity could not be encrypted.", e);
        }
    }

    Identity open(ClientId id, Sealed sealed) {
        try {
            byte[] ad = ad(id);
            KeysetHandle dataKey = TinkJsonProtoKeysetFormat.parseEncryptedKeyset(sealed.wrappedKey(),
                    wrapping(sealed.shredKeyId()), ad);
            byte[] plain = dataKey.getPrimitive(RegistryConfiguration.get(), Aead.class)
                    .decrypt(Base64.getDecoder().decode(sealed.ciphertext()), ad);
            return decode(plain);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Identity could not be decrypted.", e);
        }
    }

    /** The same data key, wrapped under another shred key (from null: a key wrapped by the master key alone). */
    String rewrap(ClientId id, String wrappedKey, String fromShredKey, String toShredKey) {
        try {
            byte[] ad = ad(id);
            KeysetHandle dataKey = TinkJsonProtoKeysetFormat.parseEncryptedKeyset(wrappedKey, wrapping(fromShredKey), ad);
            return TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(dataKey, wrapping(toShredKey), ad);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A data key could not be re-wrapped.", e);
        }
    }

    private Aead wrapping(String shredKeyId) {
        return shredKeyId == null ? master : new Layered(master, shredKeys.key(shredKeyId));
    }

    /** The inner key encrypts first; the outer key encrypts its result. Both bind the same associated data. */
    private record Layered(Aead inner, Aead outer) implements Aead {
        @Override
        public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
            return outer.encrypt(inner.encrypt(plaintext, associatedData), associatedData);
        }

        @Override
        public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
            return inner.decrypt(outer.decrypt(ciphertext, associatedData), associatedData);
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
