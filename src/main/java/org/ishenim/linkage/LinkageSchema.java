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
     * The Dice threshold for the clinic schema's duplicate check, chosen on one half of translit-dev and confirmed
     * on the other (docs/linkage.md).
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
