package org.ishenim.linkage.schema;

import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.ishenim.linkage.InvalidSchemaException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a clkhash linkage schema, version 3 (clkhash {@code docs/schema.rst}), plus two Ishenim keys per feature
 * that clkhash ignores: {@code normalise} (see {@link Normaliser}) and {@code column} (the input column, by
 * default the identifier, so that several features can read one column).
 */
public final class SchemaParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Charset> ENCODINGS = Map.of("ascii", StandardCharsets.US_ASCII,
            "utf-8", StandardCharsets.UTF_8, "utf-16", StandardCharsets.UTF_16, "utf-32", Charset.forName("UTF-32"));

    private SchemaParser() {
    }

    public static Schema parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidSchemaException("schema is not valid JSON: " + e.getOriginalMessage());
        }
        try {
            return read(root);
        } catch (IllegalArgumentException e) {
            throw new InvalidSchemaException("invalid schema: " + e.getMessage());
        }
    }

    private static Schema read(JsonNode root) {
        requireObject(root, "schema");
        int version = integer(root, "version", null);
        if (version != 3) {
            throw new IllegalArgumentException("only linkage schema version 3 is supported, found " + version);
        }
        JsonNode clk = object(root, "clkConfig");
        int l = integer(clk, "l", null);
        int xorFolds = integer(clk, "xorFolds", 0);
        JsonNode kdfNode = object(clk, "kdf");
        if (!"HKDF".equals(text(kdfNode, "type", null))) {
            throw new IllegalArgumentException("kdf type must be HKDF");
        }
        Kdf kdf = new Kdf(text(kdfNode, "hash", "SHA256"), base64(kdfNode, "salt"), base64(kdfNode, "info"),
                integer(kdfNode, "keySize", 64));
        JsonNode featureNodes = root.get("features");
        if (featureNodes == null || !featureNodes.isArray()) {
            throw new IllegalArgumentException("'features' must be an array");
        }
        List<Feature> features = new ArrayList<>();
        Set<String> identifiers = new HashSet<>();
        for (JsonNode node : featureNodes) {
            Feature feature = feature(node);
            if (!identifiers.add(feature.identifier())) {
                throw new IllegalArgumentException("duplicate feature identifier '" + feature.identifier() + "'");
            }
            features.add(feature);
        }
        RecordSalt salt = null;
        if (clk.has("recordSalt")) {
            JsonNode saltNode = object(clk, "recordSalt");
            salt = new RecordSalt(text(saltNode, "column", null), Normaliser.byKey(text(saltNode, "normalise", "none")));
        }
        Schema schema = new Schema(l, xorFolds, kdf, features, salt, hardening(clk, l));
        boolean blake = features.stream().anyMatch(f -> !f.isIgnored() && f.hashing().hash() == HashType.BLAKE);
        if (blake && Integer.bitCount(schema.hashLength()) != 1) {
            throw new IllegalArgumentException("l must be a power of two for blakeHash");
        }
        return schema;
    }

    /**
     * {@code clkConfig.hardening}: an array of at most one {@code diffusion} step followed by at most one
     * {@code bitFlip} step. Unknown keys are refused, so a misspelt parameter cannot fall back to a default.
     */
    private static List<Hardening> hardening(JsonNode clk, int l) {
        JsonNode steps = clk.get("hardening");
        if (steps == null || steps.isNull()) {
            return List.of();
        }
        if (!steps.isArray()) {
            throw new IllegalArgumentException("'hardening' must be an array");
        }
        List<Hardening> result = new ArrayList<>();
        int length = l;
        for (JsonNode step : steps) {
            requireObject(step, "hardening step");
            String type = text(step, "type", null);
            Hardening parsed = switch (type) {
                case "diffusion" -> {
                    onlyKeys(step, "type", "taps", "length");
                    if (!result.isEmpty()) {
                        throw new IllegalArgumentException("'hardening' has at most one diffusion, and it comes first");
                    }
                    Hardening.Diffusion diffusion = new Hardening.Diffusion(integer(step, "taps", null),
                            integer(step, "length", length));
                    if (diffusion.taps() > length) {
                        throw new IllegalArgumentException("diffusion taps exceed the filter length");
                    }
                    yield diffusion;
                }
                case "bitFlip" -> {
                    onlyKeys(step, "type", "probability");
                    if (result.stream().anyMatch(Hardening.BitFlip.class::isInstance)) {
                        throw new IllegalArgumentException("'hardening' has at most one bitFlip");
                    }
                    yield new Hardening.BitFlip(number(step, "probability"));
                }
                default -> throw new IllegalArgumentException("unknown hardening type '" + type
                        + "' (diffusion, bitFlip)");
            };
            result.add(parsed);
            length = parsed.outputLength(length);
        }
        return result;
    }

    private static void onlyKeys(JsonNode node, String... allowed) {
        List<String> known = List.of(allowed);
        for (String key : node.propertyNames()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "' in a hardening step");
            }
        }
    }

    private static double number(JsonNode parent, String key) {
        JsonNode node = parent.get(key);
        if (node == null || !node.isNumber()) {
            throw new IllegalArgumentException("'" + key + "' must be a number");
        }
        return node.doubleValue();
    }

    private static Feature feature(JsonNode node) {
        requireObject(node, "feature");
        String identifier = text(node, "identifier", null);
        if (node.has("ignored")) {
            if (!node.get("ignored").isBoolean() || !node.get("ignored").booleanValue()) {
                throw new IllegalArgumentException("feature '" + identifier + "': ignored must be true");
            }
            return Feature.ignored(identifier);
        }
        try {
            String column = text(node, "column", identifier);
            Normaliser normaliser = Normaliser.byKey(text(node, "normalise", "none"));
            return new Feature(identifier, column, format(object(node, "format")), hashing(object(node, "hashing")),
                    normaliser);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("feature '" + identifier + "': " + e.getMessage(), e);
        }
    }

    private static FieldFormat format(JsonNode node) {
        String type = text(node, "type", null);
        return switch (type) {
            case "string" -> {
                Charset encoding = ENCODINGS.get(text(node, "encoding", "utf-8"));
                if (encoding == null) {
                    throw new IllegalArgumentException("encoding must be ascii, utf-8, utf-16 or utf-32");
                }
                Pattern pattern = null;
                if (node.has("pattern")) {
                    if (node.has("case") || node.has("minLength") || node.has("maxLength")) {
                        throw new IllegalArgumentException("pattern cannot be combined with case or lengths");
                    }
                    try {
                        pattern = Pattern.compile(text(node, "pattern", null));
                    } catch (PatternSyntaxException e) {
                        throw new IllegalArgumentException("invalid pattern");
                    }
                }
                yield new FieldFormat.Text(encoding, pattern, text(node, "case", "mixed"),
                        optionalInteger(node, "minLength"), optionalInteger(node, "maxLength"));
            }
            case "integer" -> new FieldFormat.Int(bigInteger(node, "minimum"), bigInteger(node, "maximum"));
            case "date" -> new FieldFormat.Date(new StrftimeDate(text(node, "format", null)));
            case "enum" -> {
                JsonNode values = node.get("values");
                if (values == null || !values.isArray() || values.isEmpty()) {
                    throw new IllegalArgumentException("enum needs a non-empty 'values' array");
                }
                Set<String> set = new LinkedHashSet<>();
                values.forEach(v -> set.add(v.asString()));
                yield new FieldFormat.Enum(set);
            }
            default -> throw new IllegalArgumentException("unknown format type '" + type + "'");
        };
    }

    private static Hashing hashing(JsonNode node) {
        JsonNode comparisonNode = object(node, "comparison");
        String comparisonType = text(comparisonNode, "type", null);
        Comparison comparison = switch (comparisonType) {
            case "ngram" -> new Comparison.Ngram(integer(comparisonNode, "n", null),
                    bool(comparisonNode, "positional", false));
            case "exact" -> new Comparison.Exact();
            case "numeric" -> numeric(comparisonNode);
            default -> throw new IllegalArgumentException("unsupported comparison '" + comparisonType + "'");
        };
        JsonNode strategyNode = object(node, "strategy");
        Strategy strategy;
        if (strategyNode.has("bitsPerToken") == strategyNode.has("bitsPerFeature")) {
            throw new IllegalArgumentException("strategy needs exactly one of bitsPerToken and bitsPerFeature");
        } else if (strategyNode.has("bitsPerToken")) {
            strategy = new Strategy.BitsPerToken(integer(strategyNode, "bitsPerToken", null));
        } else {
            strategy = new Strategy.BitsPerFeature(integer(strategyNode, "bitsPerFeature", null));
        }
        HashType hash = HashType.BLAKE;
        boolean preventSingularity = false;
        if (node.has("hash")) {
            JsonNode hashNode = object(node, "hash");
            String hashType = text(hashNode, "type", null);
            hash = switch (hashType) {
                case "blakeHash" -> HashType.BLAKE;
                case "doubleHash" -> HashType.DOUBLE;
                default -> throw new IllegalArgumentException("unsupported hash '" + hashType + "'");
            };
            preventSingularity = bool(hashNode, "prevent_singularity", false);
        }
        MissingValue missing = null;
        if (node.has("missingValue")) {
            JsonNode mv = object(node, "missingValue");
            missing = new MissingValue(text(mv, "sentinel", null), text(mv, "replaceWith", null));
        }
        return new Hashing(comparison, strategy, hash, preventSingularity, missing);
    }

    private static Comparison numeric(JsonNode node) {
        JsonNode threshold = node.get("thresholdDistance");
        int resolution = integer(node, "resolution", null);
        int precision = integer(node, "fractional_precision", 0);
        if (threshold == null || !threshold.isNumber()) {
            throw new IllegalArgumentException("'thresholdDistance' must be a number");
        }
        return threshold.isIntegralNumber()
                ? Comparison.Numeric.of(threshold.bigIntegerValue(), resolution, precision)
                : Comparison.Numeric.of(threshold.doubleValue(), resolution, precision);
    }

    private static void requireObject(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(what + " must be a JSON object");
        }
    }

    private static JsonNode object(JsonNode parent, String key) {
        JsonNode node = parent.get(key);
        requireObject(node, "'" + key + "'");
        return node;
    }

    private static String text(JsonNode parent, String key, String fallback) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            if (fallback == null && !key.equals("replaceWith")) {
                throw new IllegalArgumentException("'" + key + "' is required");
            }
            return fallback;
        }
        if (!node.isString()) {
            throw new IllegalArgumentException("'" + key + "' must be a string");
        }
        return node.stringValue();
    }

    private static int integer(JsonNode parent, String key, Integer fallback) {
        Integer value = optionalInteger(parent, key);
        if (value == null) {
            if (fallback == null) {
                throw new IllegalArgumentException("'" + key + "' is required");
            }
            return fallback;
        }
        return value;
    }

    private static Integer optionalInteger(JsonNode parent, String key) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new IllegalArgumentException("'" + key + "' must be an integer");
        }
        return node.intValue();
    }

    private static BigInteger bigInteger(JsonNode parent, String key) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber()) {
            throw new IllegalArgumentException("'" + key + "' must be an integer");
        }
        return node.bigIntegerValue();
    }

    private static boolean bool(JsonNode parent, String key, boolean fallback) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw new IllegalArgumentException("'" + key + "' must be true or false");
        }
        return node.booleanValue();
    }

    private static byte[] base64(JsonNode parent, String key) {
        String value = text(parent, key, "");
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + key + "' must be base64");
        }
    }
}
