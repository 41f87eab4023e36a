package org.ishenim.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An installation's HMAC-SHA256 key for text that must be recognisable but never stored (an unknown login name in
 * the audit, a court's case reference). The key comes from a property (base64, at least 32 bytes) or is generated
 * once into a file readable by its owner only. It is never in the database, so a hash in a database copy cannot be
 * checked against a guessed text.
 */
public final class HmacKey {

    private static final int MIN_BYTES = 32;

    private final SecretKeySpec key;

    private HmacKey(byte[] bytes) {
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /**
     * The key in {@code configured} (base64) when it is set, otherwise the one in {@code file}, created on first use.
     * {@code property} names the setting in the error when the configured key is too short.
     */
    public static HmacKey configuredOrFile(String configured, Path file, String property) {
        byte[] bytes = configured == null || configured.isBlank() ? fromFile(file)
                : Base64.getDecoder().decode(configured.strip());
        if (bytes.length < MIN_BYTES) {
            throw new IllegalStateException(property + " must hold at least " + MIN_BYTES + " bytes");
        }
        return new HmacKey(bytes);
    }

    /** HMAC-SHA256 of the text's UTF-8 bytes. */
    public byte[] mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the key file, or creates it with owner-only permissions from the start (another process may win). */
    private static byte[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] fresh = new byte[MIN_BYTES];
                new SecureRandom().nextBytes(fresh);
                try {
                    create(file);
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
                    return fresh;
                } catch (FileAlreadyExistsException created) {
                    // another process made it first: use theirs
                }
            }
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key file " + file.getFileName(), e);
        }
    }

    private static void create(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
    }
}
