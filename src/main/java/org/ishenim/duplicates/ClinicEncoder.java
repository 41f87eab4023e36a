package org.ishenim.duplicates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.ishenim.clients.Client;
import org.ishenim.clients.Identity;
import org.ishenim.linkage.Clk;
import org.ishenim.linkage.ClkEncoder;
import org.ishenim.linkage.LinkageSchema;
import org.ishenim.web.ClinicOnly;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encodes a client's identity into a CLK, here at the clinic, with the linkage schema ({@code clinic} by default)
 * and the secret the clinics share ({@code ishenim.linkage.secret-file}). The secret is read once at start-up,
 * turned into the schema's keys (HKDF) and wiped; it is never logged, sent or stored anywhere else.
 *
 * <p>Optional hardening, {@code ishenim.linkage.salt=birth-year}: the linkage engine's per-record salt
 * ({@code clkConfig.recordSalt}) is switched on with the client's birth year as recorded at enrolment (column
 * {@code birth_year}), so encodings of different birth years share no bits. A frequency or graph attack then has to
 * work inside one year's group, but two records of one person whose birth years differ can no longer match. All
 * clinics must use the same setting.
 */
@Component
@ClinicOnly
class ClinicEncoder {

    enum Salt { NONE, BIRTH_YEAR }

    static final String SALT_COLUMN = "birth_year";

    private final LinkageSchema schema;
    private final ClkEncoder encoder;

    ClinicEncoder(@Value("${ishenim.linkage.secret-file:}") String secretFile,
            @Value("${ishenim.linkage.schema:clinic}") String schema,
            @Value("${ishenim.linkage.salt:none}") String salt, HubConnection hub) throws IOException {
        Salt mode = Salt.valueOf(salt.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        if (secretFile.isBlank()) {
            if (hub.configured()) {
                throw new IllegalStateException("ishenim.hub.url is set but ishenim.linkage.secret-file is not: "
                        + "the duplicate check needs the clinics' shared secret.");
            }
            this.schema = null;
            this.encoder = null;
            return;
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
        String json = schemaText(schema);
        this.schema = LinkageSchema.parse(mode == Salt.BIRTH_YEAR ? withBirthYearSalt(json) : json);
        this.encoder = new ClkEncoder(this.schema, secret);
        Arrays.fill(secret, (byte) 0);
    }

    boolean ready() {
        return encoder != null;
    }

    int bits() {
        return schema.length();
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
    static String schemaText(String nameOrPath) throws IOException {
        if (LinkageSchema.CLINIC.equals(nameOrPath)) {
            try (var in = ClinicEncoder.class.getResourceAsStream("/linkage/clinic-schema.json")) {
                if (in == null) {
                    throw new IllegalStateException("clinic schema missing from the class path");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return Files.readString(Path.of(nameOrPath), StandardCharsets.UTF_8);
    }

    /** The schema with the engine's per-record salt on the {@code birth_year} column. */
    static String withBirthYearSalt(String schemaJson) {
        var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
        var root = (tools.jackson.databind.node.ObjectNode) mapper.readTree(schemaJson);
        var clkConfig = (tools.jackson.databind.node.ObjectNode) root.get("clkConfig");
        clkConfig.putObject("recordSalt").put("column", SALT_COLUMN).put("normalise", "none");
        return mapper.writeValueAsString(root);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String toString() {
        return "ClinicEncoder[secret redacted]";
    }
}
