package org.ishenim.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import org.ishenim.intake.DemandFigures;
import org.junit.jupiter.api.Test;

/** Every category the clinic can send, and every status, has its TDI category (docs/indicators.md, "TDI codes"). */
class TdiCodesTest {

    @Test
    void everyCategoryAndStatusHasItsTdiCategory() {
        DemandFigures.CATEGORIES.forEach((dimension, categories) -> categories
                .forEach(c -> assertThat(TdiCodes.of(dimension, c)).as(dimension + "/" + c).isNotBlank()));
        DemandFigures.STATUSES.forEach(s -> assertThat(TdiCodes.of("status", s)).isNotBlank());
        assertThat(TdiCodes.of("primaryDrug", "HEROIN")).isEqualTo("1.1 heroin");
        assertThat(TdiCodes.of("referralSource", "COURT_PROBATION_POLICE")).isEqualTo("court, probation, police");
        assertThat(TdiCodes.of("age", "<15")).isEqualTo("<15");
    }
}
