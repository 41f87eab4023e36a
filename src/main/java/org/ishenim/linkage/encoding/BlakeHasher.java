package org.ishenim.linkage.encoding;

import java.nio.charset.StandardCharsets;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * clkhash's blakeHash: for the i-th block of 32 positions, keyed BLAKE2b-512 of the token with the decimal string
 * of i as salt; the 64-byte digest read as 32 little-endian unsigned shorts, each taken modulo the filter length
 * (a power of two).
 */
final class BlakeHasher implements TokenHasher {

    private static final int SHORTS_PER_DIGEST = 32;
    private static final int SALT_LENGTH = 16;

    private final byte[] key;
    private final byte[] digest = new byte[64];

    BlakeHasher(byte[] key) {
        this.key = key.clone();
    }

    @Override
    public void insert(byte[] token, int k, BitVector filter) {
        int l = filter.length();
        int blocks = (k + SHORTS_PER_DIGEST - 1) / SHORTS_PER_DIGEST;
        int remaining = k;
        for (int block = 0; block < blocks; block++) {
            Blake2bDigest blake = new Blake2bDigest(key, 64, salt(block), null);
            blake.update(token, 0, token.length);
            blake.doFinal(digest, 0);
            int count = Math.min(remaining, SHORTS_PER_DIGEST);
            for (int s = 0; s < count; s++) {
                int value = (digest[2 * s] & 0xff) | (digest[2 * s + 1] & 0xff) << 8;
                filter.set(value % l);
            }
            remaining -= count;
        }
    }

    private static byte[] salt(int block) {
        byte[] salt = new byte[SALT_LENGTH];
        byte[] digits = Integer.toString(block).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(digits, 0, salt, 0, digits.length);
        return salt;
    }
}
