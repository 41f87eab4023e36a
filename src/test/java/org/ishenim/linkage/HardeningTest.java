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
        assertThat(encoder(diffusion, "secret two").encode(AIBEK)).isNotEqualTo(a);
        assertThat(a.dice(typo)).isGreaterThan(a.dice(other) + 0.1);
        // about half the output bits are set, whatever the input's fill
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
    void bitFlippingGivesTwoEncodingsOfOneRecordThatDifferInAboutTheFlipShare() {
        ClkEncoder encoder = encoder("[{\"type\": \"bitFlip\", \"probability\": 0.1}]", "secret one");
        Clk plain = encoder(null, "secret one").encode(AIBEK);

        Clk first = encoder.encode(AIBEK);
        Clk second = encoder.encode(AIBEK);

        assertThat(first).isNotEqualTo(second);
        int flipped = 0;
        for (int bit = 0; bit < 1024; bit++) {
            if (first.isSet(bit) != plain.isSet(bit)) {
                flipped++;
            }
        }
        // 1024 bits at 0.1: mean 102, standard deviation 9.6; the bounds are over 6 deviations away
        assertThat(flipped).isBetween(40, 170);
    }

    @Test
    void refusesMalformedSteps() {
        assertThatThrownBy(() -> LinkageSchema.parse(schema("[{\"type\": \"diffusion\", \"taps\": 1}]")))
                .isInstanceOf(InvalidSchemaException.class).hasMessageContaining("taps");
        assertThatThrownBy(() -> LinkageSchema.parse(schema("[{\"type\": \"bitFlip\", \"probability\": 0.5}]")))
                .isInstanceOf(InvalidSchemaException.class).hasMessageContaining("probability");
        assertThatThrownBy(() -> LinkageSchema.parse(schema("[{\"type\": \"rot13\"}]")))
                .isInstanceOf(InvalidSchemaException.class).hasMessageContaining("unknown hardening type");
        assertThatThrownBy(() -> LinkageSchema.parse(schema("{\"type\": \"diffusion\"}")))
                .isInstanceOf(InvalidSchemaException.class).hasMessageContaining("must be an array");
    }
}
