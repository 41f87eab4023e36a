package org.ishenim.linkage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The encoding a network runs: a base schema with a named {@link EncodingConfiguration} applied, and its
 * fingerprint. The fingerprint is a hash of the public schema only (canonical JSON: keys sorted, no white space),
 * never of the secret, so the hub can compute it too; two encodings can be compared only if their fingerprints
 * are equal. It is public: it says which schema and hardening are in use, nothing about any person.
 */
public record ConfiguredEncoding(EncodingConfiguration configuration, String schemaJson, LinkageSchema schema,
        String fingerprint) {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String DOMAIN = "ishenim encoding configuration v1\n";

    /** {@code base}: {@code clinic} for the shipped schema, otherwise a schema file. */
    public static ConfiguredEncoding of(String base, EncodingConfiguration configuration) {
        String json = configuration.apply(LinkageSchema.text(base));
        return new ConfiguredEncoding(configuration, json, LinkageSchema.parse(json), fingerprint(json));
    }

    /** The encoding's length in bits. */
    public int bits() {
        return schema.length();
    }

    /** A name for people: the configuration and the fingerprint's first characters. */
    public String label() {
        return configuration.id() + " (" + fingerprint.substring(0, 12) + ")";
    }

    /** SHA-256 over the canonical JSON of the schema, as 32 hexadecimal digits (the first 128 bits). */
    public static String fingerprint(String schemaJson) {
        String canonical = JSON.writeValueAsString(canonical(JSON.readTree(schemaJson)));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((DOMAIN + canonical).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode canonical(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>(object.propertyNames());
            names.sort(null);
            ObjectNode sorted = JSON.createObjectNode();
            for (String name : names) {
                sorted.set(name, canonical(object.get(name)));
            }
            return sorted;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JSON.createArrayNode();
            array.forEach(element -> copy.add(canonical(element)));
            return copy;
        }
        return node;
    }
}
