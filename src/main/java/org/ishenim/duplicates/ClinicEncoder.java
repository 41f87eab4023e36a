package org.ishenim.duplicates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
 * and the secret the clinics share ({@code ishenim.linkage.secret-file}). The secret is read once, held only in
 * this object, and never logged, sent or stored anywhere else.
 *
 * <p>Optional hardening, {@code ishenim.linkage.salt=birth-year}: each record is encoded with a key derived from
 * the secret and the client's birth year (HMAC-SHA256), so encodings of different birth years share no hash
 * functions. A frequency or graph attack then has to work inside one year's bucket, but two records of one person
 * whose birth years differ (a typo) can no longer match. All clinics must use the same setting.
 */
@Component
@ClinicOnly
class ClinicEncoder {

    enum Salt { NONE, BIRTH_YEAR }

    private final byte[] secret;
    private final LinkageSchema schema;
    private final Salt salt;
    private final ClkEncoder unsalted;

    ClinicEncoder(@Value("${ishenim.linkage.secret-file:}") String secretFile,
            @Value("${ishenim.linkage.schema:clinic}") String schema,
            @Value("${ishenim.linkage.salt:none}") String salt, HubConnection hub) throws IOException {
        this.salt = Salt.valueOf(salt.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        if (secretFile.isBlank()) {
            if (hub.configured()) {
                throw new IllegalStateException("ishenim.hub.url is set but ishenim.linkage.secret-file is not: "
                        + "the duplicate check needs the clinics' shared secret.");
            }
            this.secret = null;
            this.schema = null;
            this.unsalted = null;
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
        this.secret = Arrays.copyOf(bytes, end);
        Arrays.fill(bytes, (byte) 0);
        this.schema = LinkageSchema.named(schema);
        this.unsalted = new ClkEncoder(this.schema, this.secret);
    }

    boolean ready() {
        return secret != null;
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
        ClkEncoder encoder = salt == Salt.BIRTH_YEAR ? new ClkEncoder(schema, salted(client.birthYear())) : unsalted;
        return encoder.encode(record);
    }

    private byte[] salted(int birthYear) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(("ishenim-record-salt:birth-year:" + birthYear).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String toString() {
        return "ClinicEncoder[secret redacted, salt " + salt + "]";
    }
}
