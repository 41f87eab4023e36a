package org.ishenim.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.ishenim.medicines.Medicine;
import org.ishenim.medicines.Milligrams;
import org.ishenim.web.ClinicZone;

/** Invariants of the indicators over random clinics: the hand-made cases in {@link IndicatorsTest} fix the values. */
class IndicatorsPropertyTest {

    static final ZoneId BISHKEK = ZoneId.of("Asia/Bishkek");
    static final LocalDate BASE = LocalDate.of(2025, 1, 1);
    static final LocalDate CENSUS = LocalDate.of(2025, 9, 30);

    final Indicators indicators = new Indicators(IndicatorRules.DEFAULTS, new ClinicZone(BISHKEK));

    @Property(tries = 200)
    void personDaysAddUpOverAdjacentPeriodsAndNeverExceedThePeriod(@ForAll("clinics") List<ClientTreatment> clients,
            @ForAll @IntRange(min = 1, max = 300) int firstLength, @ForAll @IntRange(min = 1, max = 300) int secondLength) {
        LocalDate from = BASE.plusDays(60);
        LocalDate middle = from.plusDays(firstLength);
        LocalDate to = middle.plusDays(secondLength);

        long whole = indicators.personDays(clients, from, to).totalDays();

        assertThat(indicators.personDays(clients, from, middle).totalDays()
                + indicators.personDays(clients, middle, to).totalDays()).isEqualTo(whole);
        for (ClientTreatment client : clients) {
            assertThat(indicators.personDays(List.of(client), from, to).totalDays())
                    .isBetween(0L, (long) firstLength + secondLength);
        }
    }

    @Property(tries = 200)
    void theAdequateDoseIndicatorSplitsExactlyTheClientsOnTreatment(@ForAll("clinics") List<ClientTreatment> clients) {
        Coverage coverage = indicators.coverage(clients, CENSUS);
        DoseAdequacy adequacy = indicators.doseAdequacy(clients, CENSUS);

        assertThat(adequacy.eligible().total() + adequacy.inInduction() + adequacy.reducing() + adequacy.noDoseStep())
                .isEqualTo(coverage.onTreatment().total());
        assertThat(adequacy.adequate().total()).isLessThanOrEqualTo(adequacy.eligible().total());
        adequacy.adequate().counts().forEach((stratum, n) ->
                assertThat(n).isLessThanOrEqualTo(adequacy.eligible().count(stratum)));
    }

    @Property(tries = 200)
    void aLongerGapNeverCountsFewerClients(@ForAll("clinics") List<ClientTreatment> clients,
            @ForAll @IntRange(min = 0, max = 20) int gap) {
        int shorter = new Indicators(new IndicatorRules(gap, 14, 11), new ClinicZone(BISHKEK))
                .coverage(clients, CENSUS).onTreatment().total();
        int longer = new Indicators(new IndicatorRules(gap + 1, 14, 11), new ClinicZone(BISHKEK))
                .coverage(clients, CENSUS).onTreatment().total();

        assertThat(longer).isGreaterThanOrEqualTo(shorter);
    }

    @Property(tries = 100)
    void retentionNeverExceedsItsDenominator(@ForAll("clinics") List<ClientTreatment> clients) {
        Retention retention = indicators.retention(clients, BASE, BASE.plusMonths(6), CENSUS);

        for (Retention.Point point : retention.curve()) {
            assertThat(point.retained()).isBetween(0, point.observable());
            assertThat(point.observable() + point.notYetObservable()).isEqualTo(retention.cohort());
        }
    }

    @Provide
    Arbitrary<List<ClientTreatment>> clinics() {
        return client().list().ofMaxSize(12);
    }

    private Arbitrary<ClientTreatment> client() {
        Arbitrary<Episode> episode = Combinators.combine(
                Arbitraries.of(Medicine.METHADONE_ORAL_10MG_ML, Medicine.BUPRENORPHINE_SL_8MG),
                Arbitraries.integers().between(0, 400), // start, days after BASE
                Arbitraries.integers().between(0, 300), // length; 0 = still open
                Arbitraries.of(Phase.values()),
                Arbitraries.integers().between(1, 120))
                .as((medicine, start, length, phase, mg) -> {
                    LocalDate first = BASE.plusDays(start);
                    return new Episode(medicine, first, length == 0 ? null : first.plusDays(length),
                            List.of(new DoseStep(first, Milligrams.of(mg), phase)));
                });
        Arbitrary<Dose> dose = Combinators.combine(Arbitraries.longs().between(0, 450L * 86_400),
                Arbitraries.integers().between(0, 6))
                .as((seconds, takeHome) -> new Dose(BASE.atStartOfDay(BISHKEK).toInstant().plusSeconds(seconds),
                        takeHome));
        return Combinators.combine(Arbitraries.of(Sex.values()), Arbitraries.integers().between(1950, 2012),
                episode.list().ofMaxSize(3), dose.list().ofMaxSize(60))
                .as((sex, year, episodes, doses) -> new ClientTreatment(sex, BirthDate.ofYear(year), "chuy", BASE,
                        null, new ArrayList<>(episodes), doses));
    }
}
