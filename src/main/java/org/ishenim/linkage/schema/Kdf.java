package org.ishenim.linkage.schema;

/** HKDF settings of {@code clkConfig.kdf}; salt and info may be empty. */
public record Kdf(String hash, byte[] salt, byte[] info, int keySize) {

    public Kdf {
        if (!hash.equals("SHA256") && !hash.equals("SHA512")) {
            throw new IllegalArgumentException("kdf hash must be SHA256 or SHA512");
        }
        if (keySize < 1) {
            throw new IllegalArgumentException("kdf keySize must be positive");
        }
        salt = salt.clone();
        info = info.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] info() {
        return info.clone();
    }
}
