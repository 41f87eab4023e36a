package org.ishenim.reform.sentences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The analysis on a small dataset whose figures are worked out by hand. */
class SentenceFiguresTest {

    static Sentence sentence(String region, int year, String article, ExpertFinding finding, int months) {
        return new Sentence(region + year + months + finding + article, "court", region, LocalDate.of(year, 5, 1),
                article, Measure.COMPULSORY_TREATMENT, finding, months, null, false);
    }

    // 2022: Osh 2 (one not diagnosed). 2023: Talas 3 (one not diagnosed, one not examined), Osh 1 (not diagnosed).
    static final List<Sentence> DATA = List.of(
            sentence("Osh", 2022, "Art. 283", ExpertFinding.NOT_DIAGNOSED, 6),
            sentence("Osh", 2022, "Art. 284", ExpertFinding.DEPENDENCE_DIAGNOSED, 12),
            sentence("Talas", 2023, "Art. 283", ExpertFinding.NOT_DIAGNOSED, 6),
            sentence("Talas", 2023, "Art. 283", ExpertFinding.NOT_EXAMINED, 9),
            sentence("Talas", 2023, "Art. 285", ExpertFinding.DEPENDENCE_DIAGNOSED, 24),
            sentence("Osh", 2023, "Art. 283", ExpertFinding.NOT_DIAGNOSED, 12));

    @Test
    void allYears() {
        var a = SentenceFigures.analyse(DATA, null);
        assertThat(a.years()).containsExactly(2022, 2023);
        assertThat(a.total().sentences()).isEqualTo(6);
        assertThat(a.total().notDiagnosed()).isEqualTo(3);
        assertThat(a.total().shareNotDiagnosed()).isEqualTo(0.5);
        assertThat(a.total().shareNotExamined()).isCloseTo(1 / 6.0, within(1e-9));
        assertThat(a.total().meanMonths()).isCloseTo(69 / 6.0, within(1e-9));
        assertThat(a.total().medianMonths()).isEqualTo(10.5); // 6 6 9 12 12 24
        assertThat(a.byYear()).extracting(SentenceFigures.Figures::label, SentenceFigures.Figures::sentences)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2022", 2), org.assertj.core.groups.Tuple.tuple("2023", 4));
        assertThat(a.byYear().get(0).shareNotDiagnosed()).isEqualTo(0.5);
        assertThat(a.byYear().get(1).shareNotDiagnosed()).isEqualTo(0.5);
        assertThat(a.byYear().get(1).shareNotExamined()).isEqualTo(0.25);
    }

    @Test
    void oneYearByRegionAndArticle() {
        var a = SentenceFigures.analyse(DATA, 2023);
        assertThat(a.total().sentences()).isEqualTo(4);
        assertThat(a.byRegion()).hasSize(2);
        var osh = a.byRegion().get(0);
        var talas = a.byRegion().get(1);
        assertThat(osh.label()).isEqualTo("Osh");
        assertThat(osh.shareNotDiagnosed()).isEqualTo(1.0);
        assertThat(talas.sentences()).isEqualTo(3);
        assertThat(talas.notDiagnosed()).isEqualTo(1);
        assertThat(talas.notExamined()).isEqualTo(1);
        assertThat(talas.medianMonths()).isEqualTo(9);
        assertThat(talas.meanMonths()).isEqualTo(13);
        assertThat(a.articles()).containsExactly(new SentenceFigures.ArticleCount("Art. 283", 3, 0.75),
                new SentenceFigures.ArticleCount("Art. 285", 1, 0.25));
        // the trend still covers every year
        assertThat(a.byYear()).hasSize(2);
    }

    @Test
    void noSentencesGiveZeroesNotErrors() {
        var a = SentenceFigures.analyse(List.of(), null);
        assertThat(a.empty()).isTrue();
        assertThat(a.total().shareNotDiagnosed()).isZero();
        assertThat(a.total().medianMonths()).isZero();
    }
}
