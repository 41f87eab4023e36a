package org.ishenim.indicators;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.ishenim.clients.Client;
import org.ishenim.clients.ClientId;
import org.ishenim.clients.ClientRecords;
import org.ishenim.clients.ClientStatus;
import org.ishenim.clients.Consents;
import org.ishenim.clients.Purpose;
import org.ishenim.dosing.DoseHistory;
import org.ishenim.prescriptions.CourseHistory;
import org.ishenim.prescriptions.Prescribing;
import org.ishenim.prescriptions.VersionKind;
import org.ishenim.web.ClinicOnly;
import org.ishenim.web.ClinicZone;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic's records as {@link ClientTreatment}s, read through the owning modules' public APIs only, one statement
 * per read for the whole clinic (clients, their {@code STATISTICS} consents, courses, doses): never one per client.
 * Clients without the consent are only counted. See docs/indicators.md, "From the clinic's records".
 */
@Service
@ClinicOnly
class ClinicTreatments {

    /**
     * The consenting clients' treatments, their ids in the same order ({@code ids.get(i)} is {@code clients.get(i)}'s,
     * for the monthly report's "counted elsewhere" exclusions only), and how many clients were left out for lack of
     * consent.
     */
    record Treatments(List<ClientTreatment> clients, List<ClientId> ids, int withoutConsent) {
    }

    /** Region of every stratum at the clinic: the clinic is one site; regions come with the hub. */
    static final String CLINIC = "";

    private final ClientRecords clientRecords;
    private final Consents consents;
    private final Prescribing prescribing;
    private final DoseHistory doses;
    private final ZoneId zone;

    ClinicTreatments(ClientRecords clientRecords, Consents consents, Prescribing prescribing, DoseHistory doses,
            ClinicZone zone) {
        this.clientRecords = clientRecords;
        this.consents = consents;
        this.prescribing = prescribing;
        this.doses = doses;
        this.zone = zone.id();
    }

    /**
     * Clients enrolled by {@code until} (inclusive), their courses started by then, and the doses given to
     * {@code until}: for the clients with a course starting in {@code [cohortFrom, cohortTo)} (IND.13's cohort, and
     * some who continue an earlier course) from {@code dosesFrom}, for the others from {@code recentFrom} only (the
     * census date's window: IND.11 and IND.14 look at nothing earlier, and an earlier dose cannot move an exited
     * client's last day in contact past the census date). Most clients need seven months less of doses: a month's
     * indicators read some 150,000 doses instead of 700,000 at a clinic of 5,000 clients (docs/indicators.md,
     * "Benchmark").
     */
    @Transactional(readOnly = true)
    Treatments load(LocalDate dosesFrom, LocalDate recentFrom, LocalDate cohortFrom, LocalDate cohortTo,
            LocalDate until) {
        Instant before = until.plusDays(1).atStartOfDay(zone).toInstant();
        List<Client> enrolled = clientRecords.enrolledBefore(before);
        Set<ClientId> consenting = consents.givenAmong(enrolled.stream().map(Client::id).toList(), Purpose.STATISTICS);
        Map<ClientId, List<CourseHistory>> courses = prescribing.coursesStartedBy(until).stream()
                .filter(c -> consenting.contains(c.client()))
                .collect(Collectors.groupingBy(CourseHistory::client));
        List<DoseHistory.Given> all = new ArrayList<>(doses.givenBetween(recentFrom, until));
        if (dosesFrom.isBefore(recentFrom)) {
            Set<ClientId> cohort = courses.values().stream().flatMap(List::stream)
                    .filter(c -> !c.startOn().isBefore(cohortFrom) && c.startOn().isBefore(cohortTo))
                    .map(CourseHistory::client).collect(Collectors.toSet());
            all.addAll(doses.givenBetween(dosesFrom, recentFrom.minusDays(1), cohort));
        }
        Map<ClientId, List<DoseHistory.Given>> given = all.stream()
                .filter(g -> consenting.contains(g.client()))
                .collect(Collectors.groupingBy(DoseHistory.Given::client));
        List<ClientTreatment> treatments = new ArrayList<>();
        List<ClientId> ids = new ArrayList<>();
        for (Client client : enrolled) {
            if (consenting.contains(client.id())) {
                treatments.add(treatment(client, courses.getOrDefault(client.id(), List.of()),
                        given.getOrDefault(client.id(), List.of())));
                ids.add(client.id());
            }
        }
        return new Treatments(treatments, ids, enrolled.size() - treatments.size());
    }

    private ClientTreatment treatment(Client client, List<CourseHistory> courses, List<DoseHistory.Given> given) {
        List<Episode> episodes = courses.stream()
                .filter(c -> c.endOn() == null || !c.endOn().isBefore(c.startOn()))
                .map(ClinicTreatments::episode).toList();
        List<Dose> doseList = given.stream().map(this::dose).toList();
        LocalDate enrolledOn = LocalDate.ofInstant(client.enrolledAt(), zone);
        return new ClientTreatment(sex(client.sex()), BirthDate.ofYear(client.birthYear()), CLINIC, enrolledOn,
                client.status() == ClientStatus.EXITED ? exitDay(enrolledOn, episodes, given) : null, episodes, doseList);
    }

    /**
     * A course as an episode: the last day is inclusive in prescriptions, the stop exclusive here. Phases: a course's
     * first dose and a re-induction are {@link Phase#INDUCTION} (a course continued from another programme starts at
     * maintenance). A later change or review that lowers the dose is {@link Phase#REDUCING} when it continues a taper:
     * the previous reduction took effect at most {@link Phase#TAPER_STEP_DAYS} days before it, with no raise or
     * re-induction since. Any other step is {@link Phase#MAINTENANCE}, a single reduction among them (an adjustment;
     * the first cut of a taper cannot yet be told from one). Only earlier steps decide a step's phase.
     */
    static Episode episode(CourseHistory course) {
        List<DoseStep> steps = new ArrayList<>();
        CourseHistory.Step previous = null;
        LocalDate lastReduction = null;
        for (CourseHistory.Step step : course.steps()) {
            Phase phase;
            if (step.kind() == VersionKind.REINDUCTION
                    || step.kind() == VersionKind.INITIAL && !step.continuedCourse()) {
                phase = Phase.INDUCTION;
                lastReduction = null;
            } else if (previous != null && step.dailyDose().compareTo(previous.dailyDose()) < 0) {
                phase = lastReduction != null
                        && !step.effectiveOn().isAfter(lastReduction.plusDays(Phase.TAPER_STEP_DAYS))
                        ? Phase.REDUCING : Phase.MAINTENANCE;
                lastReduction = step.effectiveOn();
            } else {
                phase = Phase.MAINTENANCE;
                if (previous != null && step.dailyDose().compareTo(previous.dailyDose()) > 0) {
                    lastReduction = null;
                }
            }
            steps.add(new DoseStep(step.effectiveOn(), step.dailyDose(), phase));
            previous = step;
        }
        return new Episode(course.medicine(), course.startOn(),
                course.endOn() == null ? null : course.endOn().plusDays(1), steps);
    }

    /** A dose on its first day; its instant is kept when it falls on that day in the clinic's zone. */
    private Dose dose(DoseHistory.Given g) {
        Instant at = LocalDate.ofInstant(g.givenAt(), zone).equals(g.firstDay()) ? g.givenAt()
                : g.firstDay().atStartOfDay(zone).toInstant();
        return new Dose(at, Math.max(0, g.days() - 1));
    }

    /**
     * The clients module keeps no exit date: an exited client is taken as in contact until the last day of their
     * last course or dose cover, or for their enrolment day alone.
     */
    private static LocalDate exitDay(LocalDate enrolledOn, List<Episode> episodes, List<DoseHistory.Given> given) {
        LocalDate last = enrolledOn.plusDays(1);
        for (Episode e : episodes) {
            if (e.stop() != null && e.stop().isAfter(last)) {
                last = e.stop();
            }
        }
        LocalDate covered = given.stream().map(g -> g.firstDay().plusDays(g.days()))
                .max(Comparator.naturalOrder()).orElse(last);
        return covered.isAfter(last) ? covered : last;
    }

    private static Sex sex(org.ishenim.clients.Sex sex) {
        return switch (sex) {
            case F -> Sex.F;
            case M -> Sex.M;
            case X -> Sex.OTHER;
        };
    }
}
