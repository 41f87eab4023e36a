package org.ishenim.clients;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The attack of issue 11, finding 1: whoever holds the master key (and every shred key still on disk) reads every
 * byte of every file the clinic keeps, takes every base64 run as a possible wrapped data key and as a possible
 * identity ciphertext, unwraps each candidate key with every chain of keys they hold (the client id as associated
 * data), and tries every unwrapped data key on every candidate ciphertext.
 */
final class WrappedKeyScanner {

    /** Base64 runs shorter than this cannot hold a wrapped keyset or a sealed identity. */
    private static final int MIN_RUN = 40;

    private static final int SLACK = 32;

    private WrappedKeyScanner() {
    }

    /** Every identity the attacker recovers for this client from these directories. */
    static Set<Identity> recover(List<Path> roots, ClientId client, List<Aead> attackerKeys) {
        byte[] ad = client.value().toString().getBytes(StandardCharsets.US_ASCII);
        Set<String> blobs = new LinkedHashSet<>();
        for (Path file : files(roots)) {
            try {
                runs(Files.readAllBytes(file), blobs);
            } catch (IOException vanished) {
                // a file the running server removed meanwhile
            }
        }
        List<byte[]> decoded = new ArrayList<>();
        for (String blob : blobs) {
            // A database stores a string after a type and a length byte and beside its row's other columns: any of
            // them may look like base64 and stick to the run. So every start and end within SLACK characters of
            // the run's ends is tried, keeping what starts as Tink's ciphertexts and wrapped keysets all do (the
            // version byte 0x01 of its output prefix, which an attacker reading the source knows).
            for (int start = 0; start <= SLACK && blob.length() - start >= MIN_RUN; start++) {
                for (int end = blob.length(); end >= blob.length() - SLACK && end - start >= MIN_RUN; end--) {
                    try {
                        byte[] bytes = Base64.getDecoder().decode(blob.substring(start, end));
                        if (bytes.length > 5 && bytes[0] == 1) {
                            decoded.add(bytes);
                        }
                    } catch (IllegalArgumentException notBase64) {
                        // not base64 with these ends
                    }
                }
            }
        }
        List<Aead> dataKeys = new ArrayList<>();
        for (byte[] candidate : decoded) {
            for (List<Aead> chain : chains(attackerKeys)) {
                byte[] plain = candidate;
                try {
                    for (Aead key : chain) {
                        plain = key.decrypt(plain, ad);
                    }
                    KeysetHandle handle = TinkProtoKeysetFormat.parseKeyset(plain, InsecureSecretKeyAccess.get());
                    dataKeys.add(handle.getPrimitive(RegistryConfiguration.get(), Aead.class));
                } catch (GeneralSecurityException | RuntimeException no) {
                    // not a key this chain opens
                }
            }
        }
        Set<Identity> found = new LinkedHashSet<>();
        for (Aead dataKey : dataKeys) {
            for (byte[] candidate : decoded) {
                try {
                    found.add(IdentityVault.decode(dataKey.decrypt(candidate, ad)));
                } catch (GeneralSecurityException | RuntimeException no) {
                    // not this client's identity under this key
                }
            }
        }
        return found;
    }

    /** Adds every run of base64 characters (with its padding) of at least {@link #MIN_RUN} bytes. */
    private static void runs(byte[] bytes, Set<String> into) {
        int start = -1;
        for (int i = 0; i <= bytes.length; i++) {
            boolean b64 = i < bytes.length && isBase64(bytes[i]);
            if (b64 && start < 0) {
                start = i;
            } else if (!b64 && start >= 0) {
                int end = i;
                while (end < bytes.length && end - i < 2 && bytes[end] == '=') {
                    end++;
                }
                if (end - start >= MIN_RUN) {
                    into.add(new String(bytes, start, end - start, StandardCharsets.ISO_8859_1));
                }
                start = -1;
            }
        }
    }

    private static boolean isBase64(byte b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '+' || b == '/';
    }

    /** Each key alone, and each pair in either order: every way the attacker's keys could wrap a data key. */
    private static List<List<Aead>> chains(List<Aead> keys) {
        List<List<Aead>> chains = new ArrayList<>();
        for (Aead a : keys) {
            chains.add(List.of(a));
            for (Aead b : keys) {
                if (a != b) {
                    chains.add(List.of(a, b));
                }
            }
        }
        return chains;
    }

    /** Every regular file under these roots; a running database removes files while we walk: those are skipped. */
    static List<Path> files(List<Path> roots) {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        if (attributes.isRegularFile()) {
                            files.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException vanished) {
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }
}
