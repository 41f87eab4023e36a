package org.ishenim.duplicates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.ishenim.clients.Client;
import org.ishenim.clients.Identity;
import org.ishenim.linkage.Clk;
import org.ishenim.linkage.ClkEncoder;
import org.ishenim.linkage.ConfiguredEncoding;
import org.ishenim.linkage.EncodingConfiguration;
import org.ishenim.linkage.LinkageSchema;
import org.ishenim.web.ClinicOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encodes a client's identity into a CLK, here at the clinic, with the linkage schema ({@code clinic} by default),
 * the network's encoding configuration ({@code ishenim.linkage.encoding}, {@link EncodingConfiguration#DEFAULT}
 * when unset) and the secret the clinics share ({@code ishenim.linkage.secret-file}). The secret is read once at
 * start-up, turned into the schema's keys (HKDF) and wiped; it is never logged, sent or stored anywhere else.
 *
 * <p>The configuration's fingerprint ({@link ConfiguredEncoding#fingerprint()}, a hash of the public schema) goes
 * with every upload and query, so that a hub configured differently refuses instead of comparing encodings that
 * cannot be compared. All clinics and the hub must use the same configuration. The deprecated
 * {@code ishenim.linkage.salt=none|birth-year} still selects {@code plain} or {@code birth-year}.
 */
@Component
@ClinicOnly
class ClinicEncoder {

    static final String SALT_COLUMN = EncodingConfiguration.SALT_COLUMN;

    private static final Logger log = LoggerFactory.getLogger(ClinicEncoder.class);

    private final ConfiguredEncoding configured;
    private final LinkageSchema schema;
    private final ClkEncoder encoder;

    ClinicEncoder(String secretFile, String schema, String encoding, String salt, HubConnection hub)
            throws IOException {
        this(secretFile, schema, encoding, salt, false, hub);
    }

    /**
     * {@code ishenim.linkage.secret.generate=true} (the demo profile only, like {@code ishenim.master-key.generate})
     * writes a random secret to the secret file when it does not exist yet, readable by its owner only.
     */
    @Autowired
    ClinicEncoder(@Value("${ishenim.linkage.secret-file:}") String secretFile,
            @Value("${ishenim.linkage.schema:clinic}") String schema,
            @Value("${ishenim.linkage.encoding:}") String encoding,
            @Value("${ishenim.linkage.salt:}") String salt,
            @Value("${ishenim.linkage.secret.generate:false}") boolean generate, HubConnection hub) throws IOException {
        if (!salt.isBlank()) {
            log.warn("ishenim.linkage.salt is deprecated: use ishenim.linkage.encoding (plain, birth-year, ...)");
        }
        this.configured = ConfiguredEncoding.of(schema, EncodingConfiguration.resolve(encoding, salt));
        if (secretFile.isBlank()) {
            if (hub.configured()) {
                throw new IllegalStateException("ishenim.hub.url is set but ishenim.linkage.secret-file is not: "
                        + "the duplicate check needs the clinics' shared secret.");
            }
            this.schema = null;
            this.encoder = null;
            return;
        }
        if (generate) {
            generateIfMissing(Path.of(secretFile));
        }
        byte[] bytes = Files.readAllBytes(Path.of(secretFile));
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
            end--;
        }
        if (end < 16) {
            throw new IllegalStateException("The linkage secret must have at least 16 bytes.");
        }
        byte[] secret = Arrays.copyOf(bytes, end);
        Arrays.fill(bytes, (byte) 0);
        this.schema = configured.schema();
        this.encoder = new ClkEncoder(this.schema, secret);
        Arrays.fill(secret, (byte) 0);
    }

    /** A demo's secret: 32 random bytes as base64 text, created once, readable by its owner only. */
    private static void generateIfMissing(Path file) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, "linkage", ".secret");
        try {
            Files.setPosixFilePermissions(temporary, Set.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
        Files.writeString(temporary, Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n",
                StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        log.info("Demo: a linkage secret was generated under the data directory");
    }

    boolean ready() {
        return encoder != null;
    }

    int bits() {
        return schema.length();
    }

    /** The network's encoding configuration as this clinic runs it (public: no secret in it). */
    ConfiguredEncoding configuration() {
        return configured;
    }

    /** The client's encoding; throws {@link org.ishenim.linkage.InvalidInputException} (no value in it) if unencodable. */
    Clk encode(Client client, Identity identity) {
        Map<String, String> record = new HashMap<>();
        record.put("given_name", nz(identity.givenName()));
        record.put("surname", nz(identity.surname()));
        record.put("date_of_birth", identity.dateOfBirth() == null ? "" : identity.dateOfBirth().toString());
        record.put("sex", client.sex().name());
        record.put(SALT_COLUMN, String.valueOf(client.birthYear()));
        return encoder.encode(record);
    }

    /** {@code clinic} for the shipped schema, otherwise a schema file. */
    static String schemaText(String nameOrPath) {
        return LinkageSchema.text(nameOrPath);
    }

    /** The schema with the engine's per-record salt on the {@code birth_year} column. */
    static String withBirthYearSalt(String schemaJson) {
        return EncodingConfiguration.BIRTH_YEAR.apply(schemaJson);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String toString() {
        return "ClinicEncoder[secret redacted]";
    }
}
