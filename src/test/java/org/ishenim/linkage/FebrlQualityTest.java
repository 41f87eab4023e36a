package org.ishenim.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.ishenim.linkage.cli.Evaluation;
import org.ishenim.linkage.cli.Quality;
import org.junit.jupiter.api.Test;

/** FEBRL4 with the shared FEBRL schema: clkhash's reference quality, and name normalisation costs nothing. */
class FebrlQualityTest {

    private static final byte[] SECRET = "febrl test secret".getBytes(StandardCharsets.UTF_8);
    private static final List<Double> THRESHOLDS = List.of(0.80, 0.82, 0.85, 0.88, 0.90);

    private final Path a = TestData.resource("febrl/dataset4a.csv");
    private final Path b = TestData.resource("febrl/dataset4b.csv");
    private final String schema = TestData.read(TestData.resource("febrl_schema_v3_final.json"));

    @Test
    void matchesTheClkhashTutorialWithTheGreedySolver() throws Exception {
        Quality at080 = new Evaluation(LinkageSchema.parse(schema), SECRET, 2, true).febrl(a, b, List.of(0.80)).get(0);

        assertThat(at080.precision()).isEqualTo(1.0);
        assertThat(at080.recall()).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void nameNormalisationDoesNotLowerQuality() throws Exception {
        String normalised = schema;
        for (String name : List.of("given_name", "surname")) {
            normalised = normalised.replaceFirst("\"identifier\"\\s*:\\s*\"" + name + "\"\\s*,",
                    "\"identifier\": \"" + name + "\", \"normalise\": \"name\",");
        }
        List<Quality> raw = new Evaluation(LinkageSchema.parse(schema), SECRET, 2).febrl(a, b, THRESHOLDS);
        List<Quality> folded = new Evaluation(LinkageSchema.parse(normalised), SECRET, 2).febrl(a, b, THRESHOLDS);

        assertThat(normalised).contains("\"normalise\": \"name\"");
        for (int i = 0; i < THRESHOLDS.size(); i++) {
            assertThat(folded.get(i).f1()).as("F1 at %s", THRESHOLDS.get(i)).isCloseTo(raw.get(i).f1(), within(0.01));
        }
        double bestRaw = raw.stream().mapToDouble(Quality::f1).max().orElseThrow();
        double bestFolded = folded.stream().mapToDouble(Quality::f1).max().orElseThrow();
        assertThat(bestFolded).isGreaterThanOrEqualTo(bestRaw - 0.002);
    }
}
