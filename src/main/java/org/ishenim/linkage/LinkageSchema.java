package org.ishenim.linkage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.ishenim.linkage.schema.Feature;
import org.ishenim.linkage.schema.Schema;
import org.ishenim.linkage.schema.SchemaParser;

/** A clkhash linkage schema (v3), optionally with Ishenim's per-feature {@code normalise} and {@code column}. */
public final class LinkageSchema {

    /** The schema clinics use for the duplicate check: columns given_name, surname, date_of_birth, sex. */
    public static final String CLINIC = "clinic";

    /**
     * The Dice threshold for the plain clinic schema (no hardening, {@code ishenim.linkage.encoding=plain}), chosen
     * on one half of translit-dev and confirmed on the other (docs/linkage.md). A hardened configuration has its
     * own: {@link EncodingConfiguration#threshold()}, and the network's default is that of
     * {@link EncodingConfiguration#DEFAULT}.
     */
    public static final double CLINIC_THRESHOLD = 0.86;

    private final Schema schema;

    private LinkageSchema(Schema schema) {
        this.schema = schema;
    }

    public static LinkageSchema parse(String json) {
        return new LinkageSchema(SchemaParser.parse(json));
    }

    public static LinkageSchema read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema file", e);
        }
    }

    /** The shipped clinic schema ({@code linkage/clinic-schema.json} on the class path). */
    public static LinkageSchema clinic() {
        try (InputStream in = LinkageSchema.class.getResourceAsStream("/linkage/clinic-schema.json")) {
            if (in == null) {
                throw new IllegalStateException("clinic schema missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON of {@code clinic} (the shipped schema) or of a schema file. */
    public static String text(String nameOrPath) {
        if (CLINIC.equals(nameOrPath)) {
            try (InputStream in = LinkageSchema.class.getResourceAsStream("/linkage/clinic-schema.json")) {
                if (in == null) {
                    throw new IllegalStateException("clinic schema missing from the class path");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            return Files.readString(Path.of(nameOrPath), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema file", e);
        }
    }

    /** {@code clinic} for the shipped schema, otherwise a path to a schema file. */
    public static LinkageSchema named(String nameOrPath) {
        return CLINIC.equals(nameOrPath) ? clinic() : read(Path.of(nameOrPath));
    }

    /** The encoding's length in bits: the filter length, or what the hardening steps make of it. */
    public int length() {
        return schema.outputLength();
    }

    /** The input columns the schema reads, in order (ignored features excluded). */
    public Set<String> requiredColumns() {
        Set<String> columns = new LinkedHashSet<>();
        schema.features().stream().filter(f -> !f.isIgnored()).forEach(f -> columns.add(f.column()));
        if (schema.recordSalt() != null) {
            columns.add(schema.recordSalt().column());
        }
        return columns;
    }

    /** Every feature identifier in schema order, ignored ones included. */
    public List<String> identifiers() {
        return schema.features().stream().map(Feature::identifier).toList();
    }

    Schema model() {
        return schema;
    }
}
