package org.ishenim.linkage.encoding;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.ishenim.linkage.schema.Kdf;

/**
 * clkhash's key schedule: one HKDF (RFC 5869) run yields {@code 2 * features} keys of {@code keySize} bytes;
 * feature i gets keys 2i and 2i+1 (blakeHash uses the first, doubleHash uses them for HMAC-SHA1 and HMAC-MD5).
 */
final class KeyDerivation {

    private static final int KEYS_PER_FEATURE = 2;

    private KeyDerivation() {
    }

    static byte[][][] derive(byte[] secret, Kdf kdf, int featureCount) {
        Digest digest = kdf.hash().equals("SHA512") ? new SHA512Digest() : new SHA256Digest();
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(digest);
        byte[] salt = kdf.salt();
        hkdf.init(new HKDFParameters(secret, salt.length == 0 ? null : salt, kdf.info()));
        int keySize = kdf.keySize();
        byte[] okm = new byte[KEYS_PER_FEATURE * featureCount * keySize];
        hkdf.generateBytes(okm, 0, okm.length);
        byte[][][] keys = new byte[featureCount][KEYS_PER_FEATURE][keySize];
        for (int f = 0; f < featureCount; f++) {
            for (int k = 0; k < KEYS_PER_FEATURE; k++) {
                System.arraycopy(okm, (f * KEYS_PER_FEATURE + k) * keySize, keys[f][k], 0, keySize);
            }
        }
        return keys;
    }
}
