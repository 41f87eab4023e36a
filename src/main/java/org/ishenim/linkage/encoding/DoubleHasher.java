package org.ishenim.linkage.encoding;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * clkhash's doubleHash (Schnell et al. 2011): positions {@code (h1 + i * h2) mod l} with h1 = HMAC-SHA1 and
 * h2 = HMAC-MD5 of the token, each read as a big-endian integer modulo l. With {@code prevent_singularity}, while
 * h2 is 0 the MD5 HMAC is recomputed over the token followed by the UTF-8 encoding of code point j (j = 0, 1, ...).
 */
final class DoubleHasher implements TokenHasher {

    private final Mac sha1;
    private final Mac md5;
    private final boolean preventSingularity;

    DoubleHasher(byte[] sha1Key, byte[] md5Key, boolean preventSingularity) {
        try {
            this.sha1 = Mac.getInstance("HmacSHA1");
            this.sha1.init(new SecretKeySpec(sha1Key, "HmacSHA1"));
            this.md5 = Mac.getInstance("HmacMD5");
            this.md5.init(new SecretKeySpec(md5Key, "HmacMD5"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC not available", e);
        }
        this.preventSingularity = preventSingularity;
    }

    @Override
    public void insert(byte[] token, int k, BitVector filter) {
        BigInteger l = BigInteger.valueOf(filter.length());
        long h1 = new BigInteger(1, sha1.doFinal(token)).mod(l).longValue();
        long h2 = new BigInteger(1, md5.doFinal(token)).mod(l).longValue();
        for (int j = 0; preventSingularity && h2 == 0; j++) {
            md5.update(token);
            md5.update(new String(Character.toChars(j)).getBytes(StandardCharsets.UTF_8));
            h2 = new BigInteger(1, md5.doFinal()).mod(l).longValue();
        }
        for (int i = 0; i < k; i++) {
            filter.set((int) ((h1 + i * h2) % filter.length()));
        }
    }
}
