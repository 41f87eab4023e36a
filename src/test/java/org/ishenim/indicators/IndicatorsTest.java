package org.ishenim.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ishenim.indicators.AgeBand.FROM_25;
import static org.ishenim.indicators.AgeBand.UNDER_25;
import static org.ishenim.medicines.Medicine.BUPRENORPHINE_SL_8MG;
import static org.ishenim.medicines.Medicine.METHADONE_ORAL_10MG_ML;
import static org.ishenim.medicines.Substance.BUPRENORPHINE;
import static org.ishenim.medicines.Substance.METHADONE;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ishenim.medicines.Medicine;
import org.ishenim.medicines.Milligrams;
import org.ishenim.medicines.Substance;
import org.ishenim.web.ClinicZone;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every indicator on hand-made clients, with the answers worked out by hand and written here. */
class IndicatorsTest {

    static final ZoneId BISHKEK = ZoneId.of("Asia/Bishkek"); // UTC+6, no daylight saving
    static final LocalDate D = LocalDate.of(2026, 4, 8); // the census date
    static final String REGION = "chuy";
    static final BirthDate ADULT = BirthDate.of(LocalDate.of(1990, 5, 17));

    final Indicators indicators = new Indicators(IndicatorRules.DEFAULTS, new ClinicZone(BISHKEK));

    @Nested
    class CoverageAtACensusDate {

        @Test
        void needsAnActivePrescriptionAndACoveredDayAtMostSevenDaysBefore() {
            List<ClientTreatment> clients = List.of(
                    client(Sex.F, maintenance(METHADONE_ORAL_10MG_ML, "2026-01-10", null, 80), doseOn(D)),
                    client(Sex.M, maintenance(BUPRENORPHINE_SL_8MG, "2026-01-10", null, 16), doseOn(D.minusDays(7))),
                    client(Sex.M, maintenance(METHADONE_ORAL_10MG_ML, "2026-01-10", null, 80), doseOn(D.minusDays(8))),
                    // the prescription stopped on D (stop is exclusive): not active on D
                    client(Sex.M, maintenance(METHADONE_ORAL_10MG_ML, "2026-01-10", D.toString(), 80),
                            doseOn(D.minusDays(1))),
                    // a dose after the census date is not looked at
                    client(Sex.M, maintenance(METHADONE_ORAL_10MG_ML, "2026-01-10", null, 80), doseOn(D.plusDays(1))),
                    // in contact, never prescribed
                    client(Sex.OTHER, List.of(), List.of()));

            Coverage coverage = indicators.coverage(clients, D);

            assertThat(coverage.onTreatment().total()).isEqualTo(2);
            assertThat(coverage.onTreatment().count(stratum(Sex.F, FROM_25, METHADONE))).isEqualTo(1);
            assertThat(coverage.onTreatment().count(stratum(Sex.M, FROM_25, BUPRENORPHINE))).isEqualTo(1);
            assertThat(coverage.inContact().total()).isEqualTo(6);
            assertThat(coverage.inContact().count(stratum(Sex.M, FROM_25, null))).isEqualTo(4);
            assertThat(coverage.inContact().count(stratum(Sex.OTHER, FROM_25, null))).isEqualTo(1);
        }

        @Test
        void theServiceDenominatorIsTheClientsInContactOnTheDate() {
            Episode episode = maintenance(METHADONE_ORAL_10MG_ML, "2026-01-10", null, 80).get(0);
            List<ClientTreatment> clients = List.of(
                    new ClientTreatment(Sex.F, ADULT, REGION, D, null, List.of(episode), doseOn(D)), // enrolled on D
                    new ClientTreatment(Sex.F, ADULT, REGION, D.plusDays(1), null, List.of(), List.of()), // after D
                    new ClientTreatment(Sex.F, ADULT, REGION, LocalDate.of(2025, 1, 1), D, List.of(), List.of()),
                    new ClientTreatment(Sex.F, ADULT, REGION, LocalDate.of(2025, 1, 1), D.plusDays(1), List.of(),
                            List.of())); // discharged on D (left out) and on D+1 (still in contact on D)

            Coverage coverage = indicators.coverage(clients, D);

            assertThat(coverage.inContact().total()).isEqualTo(2);
            assertThat(coverage.onTreatment().total()).isEqualTo(1);
        }

        @Test
        void takeHomeCoverAcrossTheCensusDateCounts() {
            List<ClientTreatment> clients = List.of(
                    // observed on D-1 with 5 take-home days: D to D+4 covered
                    client(Sex.F, maintenance(METHADONE_ORAL_10MG_ML, "2026-01-10", null, 80),
                            List.of(new Dose(at(D.minusDays(1), "10:00"), 5))),
                    // observed on D-11 with 4 take-home days: covered up to D-7, inside the gap
                    client(Sex.F, maintenance(METHADONE_ORAL_10MG_ML, "2026-01-10", null, 80),
                            List.of(new Dose(at(D.minusDays(11), "10:00"), 4))),
                    // observed on D-12 with 4 take-home days: covered up to D-8, one day outside
                    client(Sex.F, maintenance(METHADONE_ORAL_10MG_ML, "2026-01-10", null, 80),
                            List.of(new Dose(at(D.minusDays(12), "10:00"), 4))));

            assertThat(indicators.coverage(clients, D).onTreatment().total()).isEqualTo(2);
        }

        @Test
        void aDoseDayIsTheCalendarDayInTheClinicsZone() {
            // 2026-03-31 18:30 UTC is 2026-04-01 00:30 in Bishkek: inside [D-7, D] = [1 April, 8 April]
            ClientTreatment justAfterMidnight = client(Sex.F,
                    maintenance(METHADONE_ORAL_10MG_ML, "2026-01-10", null, 80),
                    List.of(new Dose(Instant.parse("2026-03-31T18:30:00Z"), 0)));
            // 2026-03-31 17:59 UTC is 23:59 on 31 March in Bishkek: one day outside
            ClientTreatment justBeforeMidnight = client(Sex.M,
                    maintenance(METHADONE_ORAL_10MG_ML, "2026-01-10", null, 80),
                    List.of(new Dose(Instant.parse("2026-03-31T17:59:00Z"), 0)));
            // 2026-04-08 18:10 UTC is already 9 April in Bishkek: after the census date
            ClientTreatment afterTheCensusDay = client(Sex.M,
                    maintenance(METHADONE_ORAL_10MG_ML, "2026-01-10", null, 80),
                    List.of(new Dose(Instant.parse("2026-04-08T18:10:00Z"), 0)));
            List<ClientTreatment> clients = List.of(justAfterMidnight, justBeforeMidnight, afterTheCensusDay);

            Coverage inBishkek = indicators.coverage(clients, D);
            assertThat(inBishkek.onTreatment().total()).isEqualTo(1);
            assertThat(inBishkek.onTreatment().count(stratum(Sex.F, FROM_25, METHADONE))).isEqualTo(1);

            // read in UTC, the first dose falls on 31 March and the third on 8 April: the answer changes
            Coverage inUtc = new Indicators(IndicatorRules.DEFAULTS, new ClinicZone(ZoneOffset.UTC))
                    .coverage(clients, D);
            assertThat(inUtc.onTreatment().total()).isEqualTo(1);
            assertThat(inUtc.onTreatment().count(stratum(Sex.M, FROM_25, METHADONE))).isEqualTo(1);
        }

        @Test
        void clientsUnder15AreInTheUnder25BandAndThe25thBirthdayCountsOnTheDay() {
            Episode episode = maintenance(METHADONE_ORAL_10MG_ML, "2026-01-10", null, 60).get(0);
            List<ClientTreatment> clients = List.of(
                    client(Sex.M, BirthDate.of(LocalDate.of(2011, 9, 1)), episode), // 14 on D
                    client(Sex.M, BirthDate.of(LocalDate.of(2001, 4, 8)), episode), // 25 on D exactly
                    client(Sex.M, BirthDate.of(LocalDate.of(2001, 4, 9)), episode), // 25 tomorrow
                    client(Sex.M, BirthDate.ofYear(2001), episode)); // birthday taken as 1 July: 24 on D

            Coverage coverage = indicators.coverage(clients, D);

            assertThat(coverage.onTreatment().count(stratum(Sex.M, UNDER_25, METHADONE))).isEqualTo(3);
            assertThat(coverage.onTreatment().count(stratum(Sex.M, FROM_25, METHADONE))).isEqualTo(1);
            assertThat(coverage.inContact().count(stratum(Sex.M, UNDER_25, null))).isEqualTo(3);
        }
    }

    @Nested
    class PersonYears {

        // [1 January, 1 April 2026): 31 + 28 + 31 = 90 days
        static final LocalDate FROM = LocalDate.of(2026, 1, 1);
        static final LocalDate TO = LocalDate.of(2026, 4, 1);

        @Test
        void eachEpisodeIsClippedToThePeriod() {
            List<ClientTreatment> clients = List.of(
                    client(Sex.F, maintenance(METHADONE_ORAL_10MG_ML, "2025-10-01", null, 80), List.of()), // 90
                    client(Sex.F, maintenance(METHADONE_ORAL_10MG_ML, "2025-12-01", "2026-01-11", 80), List.of()), // 10
                    client(Sex.F, maintenance(METHADONE_ORAL_10MG_ML, "2026-03-22", "2026-06-01", 80), List.of()), // 10
                    client(Sex.F, maintenance(METHADONE_ORAL_10MG_ML, "2025-01-01", "2025-12-31", 80), List.of()), // 0
                    client(Sex.F, maintenance(METHADONE_ORAL_10MG_ML, "2026-02-01", "2026-02-15", 80), List.of())); // 14

            PersonTime time = indicators.personDays(clients, FROM, TO);

            assertThat(time.totalDays()).isEqualTo(124);
            // 124 / 365.25 = 0.33949...
            assertThat(time.personYears()).isEqualByComparingTo(new BigDecimal("0.339"));
        }

        @Test
        void overlappingEpisodesOfOneClientCountOnceToTheFirst() {
            List<Episode> episodes = new ArrayList<>();
            episodes.addAll(maintenance(METHADONE_ORAL_10MG_ML, "2026-01-01", "2026-02-01", 80)); // 31 days
            episodes.addAll(maintenance(BUPRENORPHINE_SL_8MG, "2026-01-21", "2026-02-10", 16)); // 1-9 February: 9
            episodes.addAll(maintenance(METHADONE_ORAL_10MG_ML, "2026-01-05", "2026-01-20", 80)); // inside the first
            ClientTreatment client = new ClientTreatment(Sex.M, ADULT, REGION, LocalDate.of(2025, 1, 1), null,
                    episodes, List.of());

            PersonTime time = indicators.personDays(List.of(client), FROM, TO);

            assertThat(time.totalDays()).isEqualTo(40);
            assertThat(time.days()).containsEntry(stratum(Sex.M, FROM_25, METHADONE), 31L)
                    .containsEntry(stratum(Sex.M, FROM_25, BUPRENORPHINE), 9L);
        }
    }

    @Nested
    class RetentionOfACohort {

        static final LocalDate RECRUIT_FROM = LocalDate.of(2025, 7, 1);
        static final LocalDate RECRUIT_TO = LocalDate.of(2025, 10, 1);

        @Test
        void aGapLongerThan14DaysEndsRetentionAndEachClientCountsFromTheirOwnStart() {
            LocalDate asOf = D;
            List<ClientTreatment> clients = List.of(
                    // R1: continuous from 1 July 2025
                    treated("2025-07-01", null, daily("2025-07-01", asOf)),
                    // R2: 15 days without a dose (1-15 September): out from month 2 (15 September) on
                    treated("2025-07-15", null, daily("2025-07-15", asOf, "2025-09-01", "2025-09-15")),
                    // R3: 14 days without a dose (1-14 September): still retained
                    treated("2025-08-01", null, daily("2025-08-01", asOf, "2025-09-01", "2025-09-14")),
                    // R4: started before the recruitment period: not in the cohort
                    treated("2025-06-15", null, daily("2025-06-15", asOf)),
                    // R5: the prescription stopped on 1 December 2025
                    treated("2025-09-20", "2025-12-01", daily("2025-09-20", LocalDate.of(2025, 11, 30))),
                    // R6: continues an episode that stopped 10 days earlier: not a new start
                    new ClientTreatment(Sex.F, ADULT, REGION, LocalDate.of(2025, 1, 1), null,
                            concat(maintenance(METHADONE_ORAL_10MG_ML, "2025-05-01", "2025-07-10", 80),
                                    maintenance(METHADONE_ORAL_10MG_ML, "2025-07-20", null, 80)),
                            daily("2025-05-01", asOf, "2025-07-10", "2025-07-19")),
                    // R7: starts again 49 days after an earlier episode: a new start on 20 July
                    new ClientTreatment(Sex.F, ADULT, REGION, LocalDate.of(2025, 1, 1), null,
                            concat(maintenance(METHADONE_ORAL_10MG_ML, "2025-05-01", "2025-06-01", 80),
                                    maintenance(METHADONE_ORAL_10MG_ML, "2025-07-20", null, 80)),
                            concat(daily("2025-05-01", LocalDate.of(2025, 5, 31)), daily("2025-07-20", asOf))),
                    // R8: the last day of recruitment; 6 months later is 30 March 2026, before asOf
                    treated("2025-09-30", null, daily("2025-09-30", asOf)));

            Retention retention = indicators.retention(clients, RECRUIT_FROM, RECRUIT_TO, asOf);

            assertThat(retention.cohort()).isEqualTo(6); // R1, R2, R3, R5, R7, R8
            assertThat(retention.at(0)).isEqualTo(new Retention.Point(0, 6, 6, 0));
            assertThat(retention.at(1)).isEqualTo(new Retention.Point(1, 6, 6, 0));
            assertThat(retention.at(2)).isEqualTo(new Retention.Point(2, 5, 6, 0)); // R2 out
            assertThat(retention.at(3)).isEqualTo(new Retention.Point(3, 4, 6, 0)); // R5 out (stopped)
            assertThat(retention.at(6)).isEqualTo(new Retention.Point(6, 4, 6, 0)); // WHO's IND.13: 4 of 6
            // 9 months: only R1's horizon (1 April 2026) is on or before asOf; the others are not yet observable
            assertThat(retention.at(9)).isEqualTo(new Retention.Point(9, 1, 1, 5));
            assertThat(retention.at(12)).isEqualTo(new Retention.Point(12, 0, 0, 6));
            assertThat(retention.curve()).hasSize(13);
        }
    }

    @Nested
    class AdequateDose {

        @Test
        void thresholdsAreInclusiveAndInductionAndTaperAreLeftOutOfBothSides() {
            List<ClientTreatment> clients = List.of(
                    onDose(METHADONE_ORAL_10MG_ML, step("2026-01-10", "60", Phase.MAINTENANCE)), // adequate
                    onDose(METHADONE_ORAL_10MG_ML, step("2026-01-10", "59.5", Phase.MAINTENANCE)), // not
                    onDose(BUPRENORPHINE_SL_8MG, step("2026-01-10", "8", Phase.MAINTENANCE)), // adequate
                    onDose(BUPRENORPHINE_SL_8MG, step("2026-01-10", "6", Phase.MAINTENANCE)), // not
                    // adequate: WHO's CQL would test this against 60 mg and call it inadequate
                    onDose(BUPRENORPHINE_SL_8MG, step("2026-01-10", "16", Phase.MAINTENANCE)),
                    onDose(METHADONE_ORAL_10MG_ML, step("2026-04-03", "30", Phase.INDUCTION)), // left out
                    onDose(METHADONE_ORAL_10MG_ML, step("2026-01-10", "80", Phase.MAINTENANCE),
                            step("2026-03-29", "40", Phase.REDUCING)), // left out
                    // induction until the day before D, maintenance from D itself: adequate
                    onDose(METHADONE_ORAL_10MG_ML, step("2026-04-01", "30", Phase.INDUCTION),
                            step(D.toString(), "60", Phase.MAINTENANCE)),
                    // not on OAMT at D (last dose D-8): in no count at all
                    client(Sex.F, List.of(new Episode(METHADONE_ORAL_10MG_ML, LocalDate.of(2026, 1, 10), null,
                            List.of(step("2026-01-10", "90", Phase.MAINTENANCE)))), doseOn(D.minusDays(8))));

            DoseAdequacy adequacy = indicators.doseAdequacy(clients, D);

            assertThat(adequacy.eligible().total()).isEqualTo(6);
            assertThat(adequacy.adequate().total()).isEqualTo(4);
            assertThat(adequacy.eligible().count(stratum(Sex.F, FROM_25, METHADONE))).isEqualTo(3);
            assertThat(adequacy.adequate().count(stratum(Sex.F, FROM_25, METHADONE))).isEqualTo(2);
            assertThat(adequacy.eligible().count(stratum(Sex.F, FROM_25, BUPRENORPHINE))).isEqualTo(3);
            assertThat(adequacy.adequate().count(stratum(Sex.F, FROM_25, BUPRENORPHINE))).isEqualTo(2);
            assertThat(adequacy.inInduction()).isEqualTo(1);
            assertThat(adequacy.reducing()).isEqualTo(1);
            assertThat(adequacy.noDoseStep()).isZero();
        }

        @Test
        void aTaperHeldForMoreThanFiveWeeksIsAMaintenanceDoseAgain() {
            List<ClientTreatment> clients = List.of(
                    // reduced on D - 35: still tapering on D, left out
                    onDose(METHADONE_ORAL_10MG_ML, step("2026-01-10", "90", Phase.MAINTENANCE),
                            step("2026-02-17", "80", Phase.MAINTENANCE),
                            step(D.minusDays(35).toString(), "70", Phase.REDUCING)),
                    // reduced on D - 36 and held since: a maintenance dose of 70 mg, adequate
                    onDose(METHADONE_ORAL_10MG_ML, step("2026-01-10", "90", Phase.MAINTENANCE),
                            step("2026-02-16", "80", Phase.MAINTENANCE),
                            step(D.minusDays(36).toString(), "70", Phase.REDUCING)),
                    // tapered to 40 mg by 1 February and held: a maintenance dose of 40 mg, inadequate
                    onDose(METHADONE_ORAL_10MG_ML, step("2026-01-10", "60", Phase.MAINTENANCE),
                            step("2026-01-18", "50", Phase.MAINTENANCE), step("2026-02-01", "40", Phase.REDUCING)));

            DoseAdequacy adequacy = indicators.doseAdequacy(clients, D);

            assertThat(adequacy.reducing()).isEqualTo(1);
            assertThat(adequacy.eligible().total()).isEqualTo(2);
            assertThat(adequacy.adequate().total()).isEqualTo(1);
        }
    }

    // ---- hand-made data ----

    static Stratum stratum(Sex sex, AgeBand age, Substance substance) {
        return new Stratum(sex, age, substance, REGION);
    }

    static Instant at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(BISHKEK).toInstant();
    }

    static List<Dose> doseOn(LocalDate day) {
        return List.of(new Dose(at(day, "10:00"), 0));
    }

    /** A dose every day from {@code from} to {@code to} (both inclusive), except the ranges given in pairs. */
    static List<Dose> daily(String from, LocalDate to, String... skipped) {
        List<Dose> doses = new ArrayList<>();
        for (LocalDate day = LocalDate.parse(from); !day.isAfter(to); day = day.plusDays(1)) {
            boolean skip = false;
            for (int i = 0; i < skipped.length; i += 2) {
                LocalDate first = LocalDate.parse(skipped[i]);
                LocalDate last = LocalDate.parse(skipped[i + 1]);
                skip |= !day.isBefore(first) && !day.isAfter(last);
            }
            if (!skip) {
                doses.add(new Dose(at(day, "09:15"), 0));
            }
        }
        return doses;
    }

    static List<Episode> maintenance(Medicine medicine, String start, String stop, int mg) {
        LocalDate first = LocalDate.parse(start);
        return List.of(new Episode(medicine, first, stop == null ? null : LocalDate.parse(stop),
                List.of(new DoseStep(first, Milligrams.of(mg), Phase.MAINTENANCE))));
    }

    static DoseStep step(String from, String mg, Phase phase) {
        return new DoseStep(LocalDate.parse(from), Milligrams.of(mg), phase);
    }

    static ClientTreatment client(Sex sex, List<Episode> episodes, List<Dose> doses) {
        return new ClientTreatment(sex, ADULT, REGION, LocalDate.of(2025, 1, 1), null, episodes, doses);
    }

    static ClientTreatment client(Sex sex, BirthDate birth, Episode episode) {
        return new ClientTreatment(sex, birth, REGION, LocalDate.of(2025, 1, 1), null, List.of(episode), doseOn(D));
    }

    static ClientTreatment treated(String start, String stop, List<Dose> doses) {
        return client(Sex.F, maintenance(METHADONE_ORAL_10MG_ML, start, stop, 80), doses);
    }

    static ClientTreatment onDose(Medicine medicine, DoseStep... steps) {
        return client(Sex.F, List.of(new Episode(medicine, steps[0].from(), null, Arrays.asList(steps))),
                doseOn(D));
    }

    @SafeVarargs
    static <T> List<T> concat(List<T>... lists) {
        List<T> all = new ArrayList<>();
        for (List<T> list : lists) {
            all.addAll(list);
        }
        return all;
    }
}
