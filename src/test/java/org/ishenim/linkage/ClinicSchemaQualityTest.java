package org.ishenim.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.ishenim.linkage.cli.Evaluation;
import org.ishenim.linkage.cli.Quality;
import org.junit.jupiter.api.Test;

/**
 * The shipped clinic schema on translit-dev (Cyrillic site A against Latin site B), all candidate pairs at the
 * default threshold, no one-to-one solving. About 106 of site B's other people agree with a site A person on all
 * four fields up to one typo, which caps precision near 0.90 for any encoding of these fields (docs/linkage.md).
 */
class ClinicSchemaQualityTest {

    @Test
    void clinicSchemaLinksCyrillicToLatinAtTheDefaultThreshold() throws Exception {
        Evaluation evaluation = new Evaluation(LinkageSchema.clinic(),
                "translit-dev test secret".getBytes(StandardCharsets.UTF_8), 2);

        Quality quality = evaluation.translit(TestData.resource("translit-dev/a.csv"),
                TestData.resource("translit-dev/b.csv"), List.of(LinkageSchema.CLINIC_THRESHOLD)).get(0);

        assertThat(quality.recall()).isGreaterThanOrEqualTo(0.98);
        assertThat(quality.precision()).isGreaterThanOrEqualTo(0.87);
        assertThat(quality.f1()).isGreaterThanOrEqualTo(0.92);
    }
}
