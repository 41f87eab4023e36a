package org.ishenim.duplicates;

/**
 * Test-side window on how a clinic builds its schema, so that benchmarks outside this package encode exactly as
 * {@link ClinicEncoder} does (the cryptanalysis benchmark's birth-year salt).
 */
public final class ClinicSchemas {

    /** The column the birth-year salt reads. */
    public static final String SALT_COLUMN = ClinicEncoder.SALT_COLUMN;

    private ClinicSchemas() {
    }

    /** The clinic schema's JSON ({@code clinic} or a path), as a clinic reads it. */
    public static String schemaText(String nameOrPath) throws java.io.IOException {
        return ClinicEncoder.schemaText(nameOrPath);
    }

    /** The schema with the birth-year salt, exactly as a clinic with {@code ishenim.linkage.salt=birth-year}. */
    public static String withBirthYearSalt(String schemaJson) {
        return ClinicEncoder.withBirthYearSalt(schemaJson);
    }
}
