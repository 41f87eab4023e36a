package org.ishenim.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Ishenim's {@code clkConfig.hardening} steps: keyed diffusion and random bit flipping. */
class HardeningTest {

    private static final Map<String, String> AIBEK = Map.of("given_name", "Айбек", "surname", "Асанов");
    private static final Map<String, String> AIBEK_TYPO = Map.of("given_name", "Айбек", "surname", "Асанав");
    private static final Map<String, String> OTHER = Map.of("given_name", "Нурлан", "surname", "Токтогулов");

    private static String schema(String hardening) {
        return """
                {"version": 3, "clkConfig": {"l": 1024, "kdf": {"type": "HKDF"}%s},
                 "features": [
                   {"identifier": "given_name", "format": {"type": "string"},
                    "hashing": {"comparison": {"type": "ngram", "n": 2}, "strategy": {"bitsPerFeature": 200}}},
                   {"identifier": "surname", "format": {"type": "string"},
                    "hashing": {"comparison": {"type": "ngram", "n": 2}, "strategy": {"bitsPerFeature": 200}}}]}
                """.formatted(hardening == null ? "" : ", \"hardening\": " + hardening);
    }

    private static ClkEncoder encoder(String hardening, String secret) {
        return new ClkEncoder(LinkageSchema.parse(schema(hardening)), secret.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void diffusionIsKeyedDeterministicAndKeepsTheOrderOfSimilarities() {
        String diffusion = "[{\"type\": \"diffusion\", \"taps\": 3, \"length\": 2048}]";
        ClkEncoder encoder = encoder(diffusion, "secret one");

        Clk a = encoder.encode(AIBEK);
        Clk typo = encoder.encode(AIBEK_TYPO);
        Clk other = encoder.encode(OTHER);

        assertThat(a.bits()).isEqualTo(2048);
        assertThat(LinkageSchema.parse(schema(diffusion)).length()).isEqualTo(2048);
        assertThat(encoder.encode(AIBEK)).isEqualTo(a);
        assertThat(encoder(diffusion, "secret one").encode(AIBEK)).isEqualTo(a);
        assertThat(a.dice(typo)).isGreaterThan(a.dice(other) + 0.1);
        assertThat(a.popcount()).isBetween(700, 1350);
    }

    @Test
    void diffusionChangesEveryBitPatternOfThePlainFilter() {
        Clk plain = encoder(null, "secret one").encode(AIBEK);
        Clk diffused = encoder("[{\"type\": \"diffusion\", \"taps\": 3}]", "secret one").encode(AIBEK);

        assertThat(diffused.bits()).isEqualTo(plain.bits());
        // not the plain filter, nor a filter of the same sparse fill
        assertThat(diffused.dice(plain)).isLessThan(0.8);
        assertThat(diffused.popcount()).isGreaterThan(plain.popcount() + 100);
    }

    @Test
    void bitFlippingIsAPermanentRandomisedResponseWithTheStatedShare() {
        ClkEncoder flipping = encoder("[{\"type\": \"bitFlip\", \"probability\": 0.1}]", "secret one");
        ClkEncoder plain = encoder(null, "secret one");

        // the same record always gets the same noise: a hub that receives it again learns nothing more
        assertThat(flipping.encode(AIBEK)).isEqualTo(flipping.encode(AIBEK));
        int flipped = 0;
        for (int i = 0; i < 50; i++) {
            Map<String, String> record = Map.of("given_name", "Айбек" + i, "surname", "Асанов");
            Clk noisy = flipping.encode(record);
            Clk clean = plain.encode(record);
            for (int bit = 0; bit < 1024; bit++) {
                if (noisy.isSet(bit) != clean.isSet(bit)) {
                    flipped++;
                }
            }
        }
        // 51,200 bits at 0.1: mean 5,120, standard deviation 68; the bounds are 6 deviations away, and p/2 or 2p
        // would fall far outside them
        assertThat(flipped).isBetween(4712, 5528);
    }

    @Test
    void aHardenedEncodingStaysTheSameAcrossVersions() {
        // Every clinic must encode alike: a change to the taps, the keys or the order of steps changes this value.
        ClkEncoder encoder = encoder("[{\"type\": \"diffusion\", \"taps\": 5, \"length\": 256},"
                + " {\"type\": \"bitFlip\", \"probability\": 0.05}]", "golden secret");

        assertThat(encoder.encode(AIBEK).toBase64()).isEqualTo(GOLDEN);
    }

    /** Computed by this implementation on 2026-12-06: it guards agreement across versions, not correctness. */
    private static final String GOLDEN = "HLS7FpVmMvB+CEORFWfziyGfGZxBAaMRzU3QAvNHgMA=";

    @Test
    void refusesMalformedSteps() {
        assertThatThrownBy(() -> LinkageSchema.parse(schema("[{\"type\": \"diffusion\", \"taps\": 1}]")))
                .isInstanceOf(InvalidSchemaException.class).hasMessageContaining("taps");
        assertThatThrownBy(() -> LinkageSchema.parse(schema("[{\"type\": \"bitFlip\", \"probability\": 0.3}]")))
                .isInstanceOf(InvalidSchemaException.class).hasMessageContaining("probability");
        assertThatThrownBy(() -> LinkageSchema.parse(schema("[{\"type\": \"rot13\"}]")))
                .isInstanceOf(InvalidSchemaException.class).hasMessageContaining("unknown hardening type");
        assertThatThrownBy(() -> LinkageSchema.parse(schema("{\"type\": \"diffusion\"}")))
                .isInstanceOf(InvalidSchemaException.class).hasMessageContaining("must be an array");
        assertThatThrownBy(() -> LinkageSchema.parse(schema("[{\"type\": \"diffusion\", \"taps\": 3, \"lenght\": 2048}]")))
                .isInstanceOf(InvalidSchemaException.class).hasMessageContaining("unknown key 'lenght'");
        assertThatThrownBy(() -> LinkageSchema.parse(schema("[{\"type\": \"bitFlip\", \"probability\": 0.1},"
                + " {\"type\": \"diffusion\", \"taps\": 3}]")))
                .isInstanceOf(InvalidSchemaException.class).hasMessageContaining("comes first");
        assertThatThrownBy(() -> LinkageSchema.parse(schema("[{\"type\": \"diffusion\", \"taps\": 3},"
                + " {\"type\": \"diffusion\", \"taps\": 3}]")))
                .isInstanceOf(InvalidSchemaException.class).hasMessageContaining("at most one diffusion");
        assertThatThrownBy(() -> LinkageSchema.parse(schema("[{\"type\": \"diffusion\", \"taps\": 9, \"length\": 8},"
                + " {\"type\": \"bitFlip\", \"probability\": 0.1}]").replace("\"l\": 1024", "\"l\": 8")))
                .isInstanceOf(InvalidSchemaException.class).hasMessageContaining("taps exceed");
    }
}
