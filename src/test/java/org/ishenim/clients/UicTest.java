package org.ishenim.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UicTest {

    @Test
    void latinNamesGiveSexYearAndTwoLettersOfEachParent() {
        assertThat(Uic.compute(Sex.M, 1987, "Aigul", "Bakyt").value()).isEqualTo("M1987AIBA");
    }

    @Test
    void russianCyrillicIsTransliteratedToLatinCapitals() {
        assertThat(Uic.compute(Sex.F, 1990, "Елена", "Сергей").value()).isEqualTo("F1990ELSE");
        // Ж is two Latin letters, so only it counts for the two letters of the mother's name.
        assertThat(Uic.compute(Sex.M, 1979, "Жанна", "Юрий").value()).isEqualTo("M1979ZHYU");
    }

    @Test
    void kyrgyzLettersHaveLatinForms() {
        assertThat(Transliteration.toLatin("Жаңыл")).isEqualTo("ZHANGYL");
        assertThat(Transliteration.toLatin("Өмүр")).isEqualTo("OMUR");
        assertThat(Transliteration.toLatin("Үмүт")).isEqualTo("UMUT");
        assertThat(Uic.compute(Sex.X, 2001, "Өмүркан", "Үмүт").value()).isEqualTo("X2001OMUM");
        assertThat(Uic.compute(Sex.M, 1985, "Ңа", "Ы").value()).isEqualTo("M1985NGYX");
    }

    @Test
    void caseSpacesAndDiacriticsDoNotMatter() {
        assertThat(Uic.compute(Sex.M, 1987, "  aïgül ", "BAKYT")).isEqualTo(Uic.compute(Sex.M, 1987, "Aigul", "bakyt"));
    }

    @Test
    void aNameWithoutLettersIsRefused() {
        assertThatThrownBy(() -> Uic.compute(Sex.M, 1987, "123", "Bakyt")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("123");
    }

    @Test
    void suffixesTellCollisionsApart() {
        Uic base = new Uic("M1987AIBA");
        assertThat(base.withSuffix(1).value()).isEqualTo("M1987AIBA");
        assertThat(base.withSuffix(2).value()).isEqualTo("M1987AIBA-2");
        assertThat(new Uic("M1987AIBA-12").base()).isEqualTo("M1987AIBA");
    }

    @Test
    void malformedCodesAreRefused() {
        assertThatThrownBy(() -> new Uic("m1987aiba")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Uic("M87AIBA")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Uic(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
