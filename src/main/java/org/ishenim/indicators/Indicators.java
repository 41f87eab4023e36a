package org.ishenim.indicators;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.ishenim.medicines.Milligrams;
import org.ishenim.medicines.Substance;
import org.ishenim.web.ClinicZone;

/**
 * The indicator core: WHO SMART HIV.IND.11 to IND.14 over a clinic's clients, exactly as {@code docs/indicators.md}
 * defines them. Pure: no database, no clock; every date is a calendar day in the clinic's zone, and each dose's
 * instant is turned into its dose day in that zone.
 */
final class Indicators {

    static final Milligrams METHADONE_MINIMUM = Milligrams.of(60);
    static final Milligrams BUPRENORPHINE_MINIMUM = Milligrams.of(8);

    private final IndicatorRules rules;
    private final ZoneId zone;

    Indicators(IndicatorRules rules, ClinicZone zone) {
        this.rules = rules;
        this.zone = zone.id();
    }

    /** IND.11: clients on OAMT at the census date over clients in contact with the clinic on it. */
    Coverage coverage(List<ClientTreatment> clients, LocalDate census) {
        Tally onTreatment = new Tally();
        Tally inContact = new Tally();
        for (ClientTreatment client : clients) {
            AgeBand age = AgeBand.of(client.birth(), census);
            if (client.inContactOn(census)) {
                inContact.add(new Stratum(client.sex(), age, null, client.region()));
            }
            onOamt(client, census).ifPresent(episode -> onTreatment.add(
                    new Stratum(client.sex(), age, episode.medicine().substance(), client.region())));
        }
        return new Coverage(census, onTreatment, inContact);
    }

    /**
     * IND.12: each episode's days within {@code [from, to)}, clipped to the period; days a client is covered by two
     * episodes at once count once, to the episode that started first. The age band is taken at {@code from}.
     */
    PersonTime personDays(List<ClientTreatment> clients, LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("A period ends after it starts.");
        }
        TreeMap<Stratum, Long> days = new TreeMap<>();
        for (ClientTreatment client : clients) {
            AgeBand age = AgeBand.of(client.birth(), from);
            LocalDate countedUntil = from;
            for (Episode episode : client.episodes()) {
                LocalDate first = latest(episode.start(), countedUntil);
                LocalDate end = episode.stop() == null || episode.stop().isAfter(to) ? to : episode.stop();
                long n = end.toEpochDay() - first.toEpochDay();
                if (n > 0) {
                    days.merge(new Stratum(client.sex(), age, episode.medicine().substance(), client.region()), n,
                            Long::sum);
                    countedUntil = end;
                }
            }
        }
        return new PersonTime(from, to, days);
    }

    /**
     * IND.13: the clients whose treatment started in {@code [recruitFrom, recruitTo)}, each followed from their own
     * start; {@code asOf} is the last day the data covers.
     */
    Retention retention(List<ClientTreatment> clients, LocalDate recruitFrom, LocalDate recruitTo, LocalDate asOf) {
        int[] retained = new int[13];
        int[] observable = new int[13];
        int[] pending = new int[13];
        int cohort = 0;
        for (ClientTreatment client : clients) {
            Optional<LocalDate> start = treatmentStart(client, recruitFrom, recruitTo);
            if (start.isEmpty()) {
                continue;
            }
            cohort++;
            CoveredDays covered = CoveredDays.of(client.doses(), zone);
            for (int month = 0; month <= 12; month++) {
                LocalDate horizon = start.get().plusMonths(month);
                if (horizon.isAfter(asOf)) {
                    pending[month]++;
                    continue;
                }
                observable[month]++;
                if (covered.longestUncoveredRun(start.get(), horizon) <= rules.retentionGapDays()
                        && client.episodeOn(horizon).isPresent()) {
                    retained[month]++;
                }
            }
        }
        List<Retention.Point> curve = new ArrayList<>();
        for (int month = 0; month <= 12; month++) {
            curve.add(new Retention.Point(month, retained[month], observable[month], pending[month]));
        }
        return new Retention(cohort, curve);
    }

    /**
     * IND.14: maintenance doses at or above the minimum, among clients on OAMT at the census date; clients in
     * induction or in a taper on the date are left out of both.
     */
    DoseAdequacy doseAdequacy(List<ClientTreatment> clients, LocalDate census) {
        Tally adequate = new Tally();
        Tally eligible = new Tally();
        int induction = 0;
        int reducing = 0;
        int noStep = 0;
        for (ClientTreatment client : clients) {
            Optional<Episode> episode = onOamt(client, census);
            if (episode.isEmpty()) {
                continue;
            }
            Optional<DoseStep> step = episode.get().stepOn(census);
            if (step.isEmpty()) {
                noStep++;
                continue;
            }
            switch (phaseOn(step.get(), census)) {
                case INDUCTION -> induction++;
                case REDUCING -> reducing++;
                case MAINTENANCE -> {
                    Substance substance = episode.get().medicine().substance();
                    Stratum stratum = new Stratum(client.sex(), AgeBand.of(client.birth(), census), substance,
                            client.region());
                    eligible.add(stratum);
                    if (step.get().dailyDose().compareTo(minimum(substance)) >= 0) {
                        adequate.add(stratum);
                    }
                }
            }
        }
        return new DoseAdequacy(census, adequate, eligible, induction, reducing, noStep);
    }

    /**
     * A step's phase on the day: a taper step in force for more than {@link Phase#TAPER_STEP_DAYS} days is a dose held
     * since, a maintenance dose.
     */
    private static Phase phaseOn(DoseStep step, LocalDate day) {
        return step.phase() == Phase.REDUCING && day.isAfter(step.from().plusDays(Phase.TAPER_STEP_DAYS))
                ? Phase.MAINTENANCE : step.phase();
    }

    static Milligrams minimum(Substance substance) {
        return switch (substance) {
            case METHADONE -> METHADONE_MINIMUM;
            case BUPRENORPHINE -> BUPRENORPHINE_MINIMUM;
        };
    }

    /**
     * The episode that makes the client on OAMT at the day: active on it, with a covered day at most
     * {@code maxGapDays} before it (nothing after the day is looked at).
     */
    private Optional<Episode> onOamt(ClientTreatment client, LocalDate day) {
        Optional<Episode> episode = client.episodeOn(day);
        if (episode.isEmpty() || !CoveredDays.of(client.doses(), zone).coveredWithin(day, rules.maxGapDays())) {
            return Optional.empty();
        }
        return episode;
    }

    /**
     * The start of the client's treatment in {@code [from, to)}: the first episode starting there that does not
     * continue an earlier one (an earlier episode still active, or stopped at most {@code retentionGapDays} before).
     */
    private Optional<LocalDate> treatmentStart(ClientTreatment client, LocalDate from, LocalDate to) {
        for (Episode episode : client.episodes()) {
            LocalDate start = episode.start();
            if (start.isBefore(from) || !start.isBefore(to)) {
                continue;
            }
            boolean continues = client.episodes().stream()
                    .filter(earlier -> earlier.start().isBefore(start))
                    .anyMatch(earlier -> earlier.stop() == null
                            || start.toEpochDay() - earlier.stop().toEpochDay() <= rules.retentionGapDays());
            if (!continues) {
                return Optional.of(start);
            }
        }
        return Optional.empty();
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
