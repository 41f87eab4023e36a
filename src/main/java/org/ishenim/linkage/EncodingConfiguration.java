package org.ishenim.linkage;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The named encoding configurations a network can run ({@code ishenim.linkage.encoding}): what is added to the base
 * schema ({@code clinic} or a schema file) before encoding, and the Dice threshold that goes with it. Each option's
 * quality is measured by {@code bench/hardening.sh} and its privacy by {@code bench/cryptanalysis.sh}; the table is
 * in docs/linkage.md ("Hardening"). Clinics and hub derive the same {@link ConfiguredEncoding} from the same two
 * settings, and the hub refuses encodings whose fingerprint differs from its own.
 */
public enum EncodingConfiguration {

    /** The base schema as it is (clkhash's encoding). */
    PLAIN("plain", false, 0, null, LinkageSchema.CLINIC_THRESHOLD, Shape.BLOOM),
    /** The engine's per-record salt on the birth year ({@code clkConfig.recordSalt}). */
    BIRTH_YEAR("birth-year", true, 0, null, 0.86, Shape.BLOOM),
    /** Random bit flipping (BLIP), 5 %. */
    BIT_FLIP_5("bitflip-0.05", false, 0, "[{\"type\":\"bitFlip\",\"probability\":0.05}]", 0.76, Shape.BLOOM),
    /** Random bit flipping (BLIP), 10 %. */
    BIT_FLIP_10("bitflip-0.1", false, 0, "[{\"type\":\"bitFlip\",\"probability\":0.1}]", 0.69, Shape.BLOOM),
    /** XOR folding: {@code l} doubled and {@code xorFolds} 1, so the tokens are hashed into 4,096 bits folded to 2,048. */
    XOR_FOLD("xor-fold", false, 1, null, 0.82, Shape.FOLDED),
    /** Keyed diffusion, 3 taps, 1,024 output bits. */
    DIFFUSION_3X1024("diffusion-3x1024", false, 0, diffusion(3, 1024), 0.76, Shape.DIFFUSED),
    /** Keyed diffusion, 3 taps, 2,048 output bits. */
    DIFFUSION_3X2048("diffusion-3x2048", false, 0, diffusion(3, 2048), 0.76, Shape.DIFFUSED),
    /** Keyed diffusion, 3 taps, 4,096 output bits. */
    DIFFUSION_3X4096("diffusion-3x4096", false, 0, diffusion(3, 4096), 0.76, Shape.DIFFUSED),
    /**
     * Keyed diffusion, 4 taps, 8,192 output bits: on the measured frontier, the option whose attacker signal is lower
     * than three taps' while both quality goals hold (docs/linkage.md, "Hardening").
     */
    DIFFUSION_4X8192("diffusion-4x8192", false, 0, diffusion(4, 8192), 0.70, Shape.DIFFUSED),
    /** Keyed diffusion, 5 taps, 2,048 output bits. */
    DIFFUSION_5X2048("diffusion-5x2048", false, 0, diffusion(5, 2048), 0.67, Shape.DIFFUSED),
    /** Keyed diffusion, 5 taps, 4,096 output bits. */
    DIFFUSION_5X4096("diffusion-5x4096", false, 0, diffusion(5, 4096), 0.67, Shape.DIFFUSED);

    /**
     * The network's configuration when {@code ishenim.linkage.encoding} is not set. Provisional: the privacy
     * measurements (issue 14) decide the final choice, and switching is this one line.
     */
    public static final EncodingConfiguration DEFAULT = DIFFUSION_3X2048;

    /** The column the birth-year salt reads; clinics pass the client's recorded birth year under it. */
    public static final String SALT_COLUMN = "birth_year";

    /** What the bits of an encoding look like, for the hub's shape check. */
    public enum Shape {
        /** A Bloom filter (optionally folded or with few bits flipped): sparse, 5 % to 48 % of its bits set. */
        BLOOM(0.05, 0.48),
        /**
         * {@code xor-fold}: the same tokens in a filter twice as long, so a sparse identity (a given name and sex)
         * sets only about 5.5 % of the bits.
         */
        FOLDED(0.02, 0.48),
        /**
         * The output of keyed diffusion: each bit the parity of a few filter bits, so about half are set for a full
         * identity (a little less for a sparse one: about 26 % for a given name and sex alone with 3 taps).
         */
        DIFFUSED(0.15, 0.60);

        private final double minFill;
        private final double maxFill;

        Shape(double minFill, double maxFill) {
            this.minFill = minFill;
            this.maxFill = maxFill;
        }

        public double minFill() {
            return minFill;
        }

        public double maxFill() {
            return maxFill;
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final String id;
    private final boolean birthYearSalt;
    private final int xorFolds;
    private final String hardening;
    private final double threshold;
    private final Shape shape;

    EncodingConfiguration(String id, boolean birthYearSalt, int xorFolds, String hardening, double threshold,
            Shape shape) {
        this.id = id;
        this.birthYearSalt = birthYearSalt;
        this.xorFolds = xorFolds;
        this.hardening = hardening;
        this.threshold = threshold;
        this.shape = shape;
    }

    private static String diffusion(int taps, int length) {
        return "[{\"type\":\"diffusion\",\"taps\":" + taps + ",\"length\":" + length + "}]";
    }

    /** The name used in {@code ishenim.linkage.encoding}. */
    public String id() {
        return id;
    }

    /** The Dice threshold chosen for this configuration with the clinic schema ({@code bench/hardening.sh}). */
    public double threshold() {
        return threshold;
    }

    public Shape shape() {
        return shape;
    }

    /** Whether clinics must pass {@link #SALT_COLUMN}. */
    public boolean birthYearSalt() {
        return birthYearSalt;
    }

    /**
     * The base schema with this configuration applied: the birth-year salt ({@code clkConfig.recordSalt}), a doubled
     * filter folded back ({@code l}, {@code xorFolds}), and hardening steps ({@code clkConfig.hardening}, an Ishenim
     * extension). A base schema that already has one of these keys is refused: the configuration owns them.
     */
    public String apply(String baseSchemaJson) {
        JsonNode root = JSON.readTree(baseSchemaJson);
        if (!(root instanceof ObjectNode object) || !(object.get("clkConfig") instanceof ObjectNode clk)) {
            throw new InvalidSchemaException("a schema needs a clkConfig object");
        }
        for (String owned : new String[] {"recordSalt", "hardening", "xorFolds"}) {
            if (clk.has(owned) && this != PLAIN) {
                throw new InvalidSchemaException("the schema already sets clkConfig." + owned
                        + "; use ishenim.linkage.encoding=plain with such a schema");
            }
        }
        if (birthYearSalt) {
            clk.putObject("recordSalt").put("column", SALT_COLUMN).put("normalise", "none");
        }
        if (xorFolds > 0) {
            clk.put("l", clk.get("l").asInt() << xorFolds);
            clk.put("xorFolds", xorFolds);
        }
        if (hardening != null) {
            clk.set("hardening", (ArrayNode) JSON.readTree(hardening));
        }
        return JSON.writeValueAsString(object);
    }

    /**
     * The configuration named {@code encoding}; when that is blank, the deprecated {@code ishenim.linkage.salt}
     * ({@code none} means {@code plain}), and when both are blank {@link #DEFAULT}. Setting both differently is an
     * error.
     */
    public static EncodingConfiguration resolve(String encoding, String deprecatedSalt) {
        String name = encoding == null ? "" : encoding.strip().toLowerCase(Locale.ROOT);
        String salt = deprecatedSalt == null ? "" : deprecatedSalt.strip().toLowerCase(Locale.ROOT);
        EncodingConfiguration fromSalt = switch (salt) {
            case "" -> null;
            case "none" -> PLAIN;
            case "birth-year", "birth_year" -> BIRTH_YEAR;
            default -> throw new IllegalArgumentException("ishenim.linkage.salt is none or birth-year (deprecated: "
                    + "use ishenim.linkage.encoding)");
        };
        if (name.isEmpty()) {
            return fromSalt == null ? DEFAULT : fromSalt;
        }
        EncodingConfiguration chosen = named(name);
        if (fromSalt != null && fromSalt != chosen) {
            throw new IllegalArgumentException("ishenim.linkage.encoding and the deprecated ishenim.linkage.salt "
                    + "disagree; remove ishenim.linkage.salt");
        }
        return chosen;
    }

    /** The configuration with this {@link #id()}. */
    public static EncodingConfiguration named(String id) {
        for (EncodingConfiguration c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("ishenim.linkage.encoding is one of "
                + Arrays.stream(values()).map(EncodingConfiguration::id).collect(Collectors.joining(", ")));
    }
}
