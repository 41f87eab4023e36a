package org.ishenim.linkage.encoding;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;

import org.ishenim.linkage.schema.Feature;
import org.ishenim.linkage.schema.FieldFormat;
import org.ishenim.linkage.schema.HashType;
import org.ishenim.linkage.schema.Hashing;
import org.ishenim.linkage.schema.MissingValue;
import org.ishenim.linkage.schema.RecordSalt;
import org.ishenim.linkage.schema.RejectedValue;
import org.ishenim.linkage.schema.Schema;

/**
 * Encodes one record into a CLK exactly as clkhash does for a v3 schema: for each feature in order, normalise
 * (Ishenim extension), replace a missing-value sentinel or validate and format, tokenise, and hash each token into
 * the filter with its share of insertions; then XOR-fold, and apply Ishenim's hardening steps if the schema has
 * any. Thread-safe: hashers are kept per thread.
 */
public final class RecordEncoder {

    private final Schema schema;
    private final byte[][][] keys;
    private final ThreadLocal<TokenHasher[]> hashers;
    private final Hardener hardener;

    public RecordEncoder(Schema schema, byte[] secret) {
        this.schema = schema;
        this.keys = KeyDerivation.derive(secret, schema.kdf(), schema.features().size());
        this.hashers = ThreadLocal.withInitial(this::newHashers);
        this.hardener = new Hardener(schema.hardening(), schema.l(), secret, schema.kdf());
    }

    /**
     * Encodes a record. {@code column} returns the raw value of a column, or null when the record lacks it.
     * Returns the filter as 64-bit words, big-endian bit order. Throws {@link FeatureRejected} naming the column.
     */
    public long[] encode(UnaryOperator<String> column) {
        BitVector filter = new BitVector(schema.hashLength());
        String salt = recordSalt(column);
        TokenHasher[] hasherOf = hashers.get();
        List<Feature> features = schema.features();
        for (int f = 0; f < features.size(); f++) {
            Feature feature = features.get(f);
            if (feature.isIgnored()) {
                continue;
            }
            String raw = column.apply(feature.column());
            if (raw == null) {
                throw new FeatureRejected(feature.column(), "column is missing");
            }
            String value;
            try {
                value = formatted(feature, raw);
            } catch (RejectedValue e) {
                throw new FeatureRejected(feature.column(), e.getMessage());
            }
            Hashing hashing = feature.hashing();
            List<String> tokens = hashing.comparison().tokenize(value);
            if (tokens.isEmpty()) {
                continue;
            }
            int[] ks = hashing.strategy().bitsPerToken(tokens.size());
            for (int t = 0; t < tokens.size(); t++) {
                String token = salt == null ? tokens.get(t) : salt + RecordSalt.SEPARATOR + tokens.get(t);
                hasherOf[f].insert(bytes(feature, token), ks[t], filter);
            }
        }
        return hardener.apply(filter.fold(schema.xorFolds())).words();
    }

    private String recordSalt(UnaryOperator<String> column) {
        RecordSalt salt = schema.recordSalt();
        if (salt == null) {
            return null;
        }
        String raw = column.apply(salt.column());
        if (raw == null) {
            throw new FeatureRejected(salt.column(), "column is missing");
        }
        try {
            return salt.normaliser().apply(raw);
        } catch (RejectedValue e) {
            throw new FeatureRejected(salt.column(), e.getMessage());
        }
    }

    private static String formatted(Feature feature, String raw) {
        String value = feature.normaliser().apply(raw);
        MissingValue missing = feature.hashing().missingValue();
        if (missing != null && missing.sentinel().equals(value)) {
            return missing.replaceWith();
        }
        return feature.format().format(value);
    }

    /** Token bytes as Python's {@code str.encode}: utf-16 and utf-32 carry a little-endian byte order mark. */
    private static byte[] bytes(Feature feature, String token) {
        Charset charset = feature.format() instanceof FieldFormat.Text text ? text.encoding() : StandardCharsets.UTF_8;
        String name = charset.name();
        if (name.equals("UTF-16")) {
            return withBom(new byte[] {(byte) 0xFF, (byte) 0xFE}, token.getBytes(StandardCharsets.UTF_16LE));
        }
        if (name.equals("UTF-32")) {
            return withBom(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}, token.getBytes(Charset.forName("UTF-32LE")));
        }
        return token.getBytes(charset);
    }

    private static byte[] withBom(byte[] bom, byte[] body) {
        byte[] out = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, out, 0, bom.length);
        System.arraycopy(body, 0, out, bom.length, body.length);
        return out;
    }

    private TokenHasher[] newHashers() {
        List<Feature> features = schema.features();
        TokenHasher[] result = new TokenHasher[features.size()];
        for (int f = 0; f < features.size(); f++) {
            Feature feature = features.get(f);
            if (feature.isIgnored()) {
                continue;
            }
            result[f] = feature.hashing().hash() == HashType.BLAKE
                    ? new BlakeHasher(keys[f][0])
                    : new DoubleHasher(keys[f][0], keys[f][1], feature.hashing().preventSingularity());
        }
        return result;
    }

    /** A feature's value was rejected; carries the column and the reason, never the value. */
    public static final class FeatureRejected extends RuntimeException {

        private final String column;

        FeatureRejected(String column, String reason) {
            super(reason, null, false, false);
            this.column = column;
        }

        public String column() {
            return column;
        }
    }
}
