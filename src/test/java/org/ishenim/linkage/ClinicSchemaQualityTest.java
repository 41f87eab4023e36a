package org.ishenim.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.ishenim.linkage.cli.Evaluation;
import org.ishenim.linkage.cli.Quality;
import org.junit.jupiter.api.Test;

/**
 * The shipped clinic schema on translit-dev (Cyrillic site A against Latin site B), all candidate pairs at the
 * default threshold, no one-to-one solving. translit-dev version 2 (no clones of site A people in site B). Measured
 * with this secret: P 0.991, R 0.985, F1 0.988 (2026-12-06); 0.985-0.989 over five secrets. The target is
 * 0.99; the floor asserted here is 0.98.
 */
class ClinicSchemaQualityTest {

    @Test
    void clinicSchemaLinksCyrillicToLatinAtTheDefaultThreshold() throws Exception {
        Evaluation evaluation = new Evaluation(LinkageSchema.clinic(),
                "translit-dev test secret".getBytes(StandardCharsets.UTF_8), 2);

        Quality quality = evaluation.translit(TestData.resource("translit-dev/a.csv"),
                TestData.resource("translit-dev/b.csv"), List.of(LinkageSchema.CLINIC_THRESHOLD)).get(0);

        assertThat(quality.recall()).isGreaterThanOrEqualTo(0.98);
        assertThat(quality.precision()).isGreaterThanOrEqualTo(0.98);
        assertThat(quality.f1()).isGreaterThanOrEqualTo(0.98);
    }

    /**
     * The shipped default configuration (hardened, EncodingConfiguration.DEFAULT) at its own threshold. Issue 14's
     * floor for it is F1 0.98. Measured with this secret on 2026-12-06 (diffusion-3x2048 at 0.76): see docs/linkage.md.
     */
    @Test
    void theDefaultHardenedConfigurationLinksCyrillicToLatinAtItsThreshold() throws Exception {
        EncodingConfiguration configuration = EncodingConfiguration.DEFAULT;
        ConfiguredEncoding encoding = ConfiguredEncoding.of(LinkageSchema.CLINIC, configuration);
        Evaluation evaluation = new Evaluation(encoding.schema(),
                "translit-dev test secret".getBytes(StandardCharsets.UTF_8), 2);

        Quality quality = evaluation.translit(TestData.resource("translit-dev/a.csv"),
                TestData.resource("translit-dev/b.csv"), List.of(configuration.threshold())).get(0);

        assertThat(quality.f1()).as("F1 at %s: %s", configuration.threshold(), quality).isGreaterThanOrEqualTo(0.98);
    }
}
