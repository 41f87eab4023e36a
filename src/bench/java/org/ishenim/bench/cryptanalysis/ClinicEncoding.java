package org.ishenim.bench.cryptanalysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ishenim.duplicates.ClinicSchemas;
import org.ishenim.linkage.Clk;
import org.ishenim.linkage.ClkEncoder;
import org.ishenim.linkage.LinkageSchema;

/**
 * Today's clinic encoder: the shipped clinic schema ({@code linkage encode --schema clinic}), optionally with the
 * birth-year salt exactly as {@code ishenim.linkage.salt=birth-year} configures it.
 */
final class ClinicEncoding implements Encoding {

    private final boolean birthYearSalt;
    private final String schemaJson;

    private ClinicEncoding(boolean birthYearSalt) {
        this.birthYearSalt = birthYearSalt;
        try {
            String clinic = ClinicSchemas.schemaText(LinkageSchema.CLINIC);
            this.schemaJson = birthYearSalt ? ClinicSchemas.withBirthYearSalt(clinic) : clinic;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped default, {@code ishenim.linkage.salt=none}. */
    static ClinicEncoding unsalted() {
        return new ClinicEncoding(false);
    }

    /** {@code ishenim.linkage.salt=birth-year}. */
    static ClinicEncoding birthYearSalted() {
        return new ClinicEncoding(true);
    }

    @Override
    public String name() {
        return birthYearSalt ? "salt=birth-year" : "salt=none";
    }

    @Override
    public List<Clk> encode(List<Person> people, byte[] secret) {
        List<Map<String, String>> records = people.stream().map(ClinicEncoding::record).toList();
        return new ClkEncoder(LinkageSchema.parse(schemaJson), secret).encodeAll(records);
    }

    /** The columns a clinic passes ({@code ClinicEncoder.encode}). */
    static Map<String, String> record(Person p) {
        Map<String, String> record = new HashMap<>();
        record.put("given_name", p.givenName());
        record.put("surname", p.surname());
        record.put("date_of_birth", p.dateOfBirth().toString());
        record.put("sex", p.sex());
        record.put(ClinicSchemas.SALT_COLUMN, String.valueOf(p.dateOfBirth().getYear()));
        return record;
    }

    @Override
    public String publicSchema() {
        return schemaJson;
    }
}
