package org.ishenim.indicators;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.ishenim.audit.AuditLog;
import org.ishenim.audit.Outcome;
import org.ishenim.clients.ClientId;
import org.ishenim.clients.Consents;
import org.ishenim.clients.Purpose;
import org.ishenim.duplicates.DuplicateReferences;
import org.ishenim.intake.TreatmentDemandReports;
import org.ishenim.medicines.Substance;
import org.ishenim.web.ClinicOnly;
import org.ishenim.web.ConflictException;
import org.ishenim.web.CurrentStaff;
import org.ishenim.web.Utc;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The clinic's monthly reports (docs/indicators.md, "The monthly report"): freezing a month's national contribution
 * (aggregates only, computed by {@link Indicators} from the consenting clients' records), versions and their status.
 * Freezing a month again is a correction: version n+1, and the earlier versions are marked replaced. The freeze, its
 * audit entry and the {@link MonthlyReportFrozen} event that the outbox keeps until the hub confirms are one
 * transaction.
 */
@Service
@ClinicOnly
class MonthlyReports {

    /** The IND.13 cohort of a report for month m started in month m − 6, so that its six-month point is observable. */
    static final int COHORT_MONTHS_BEFORE = 6;
    static final int RETENTION_MONTH = 6;

    enum Status {
        PENDING, CONFIRMED, REPLACED, REFUSED
    }

    /** One version of a month's report, as the manager's page lists it. */
    record Version(UUID id, YearMonth month, int version, LocalDate census, Instant frozenAt, Status status,
            Instant confirmedAt) {
    }

    private final ClinicTreatments treatments;
    private final Indicators indicators;
    private final IndicatorRules rules;
    private final AuditLog audit;
    private final JdbcClient db;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final String region;
    private final CountedElsewhereClient hubList;
    private final DuplicateReferences references;
    private final Consents consents;
    private final TransactionTemplate tx;
    private final double maxExcludedShare;
    private final TreatmentDemandReports demand;

    MonthlyReports(ClinicTreatments treatments, Indicators indicators, IndicatorRules rules, AuditLog audit,
            JdbcClient db, Clock clock, ApplicationEventPublisher events,
            @Value("${ishenim.indicators.region:}") String region, CountedElsewhereClient hubList,
            DuplicateReferences references, Consents consents, TransactionTemplate tx,
            @Value("${ishenim.indicators.max-excluded-share:0.20}") double maxExcludedShare,
            TreatmentDemandReports demand) {
        if (!(maxExcludedShare >= 0 && maxExcludedShare <= 1)) {
            throw new IllegalStateException("ishenim.indicators.max-excluded-share is a share from 0 to 1.");
        }
        this.hubList = hubList;
        this.references = references;
        this.consents = consents;
        this.tx = tx;
        this.maxExcludedShare = maxExcludedShare;
        this.demand = demand;
        this.treatments = treatments;
        this.indicators = indicators;
        this.rules = rules;
        this.audit = audit;
        this.db = db;
        this.clock = clock;
        this.events = events;
        this.region = region.strip();
        if (!MonthlyContribution.REGION.matcher(this.region).matches()) {
            throw new IllegalStateException("ishenim.indicators.region is a code: letters, digits, '-' and '_', at most 40.");
        }
    }

    /**
     * Asks the hub which of this clinic's references are counted elsewhere (before the transaction: the hub may be
     * slow or down), then freezes the month's report as its next version and owes it to the hub, in one transaction.
     * Without an answer from the hub the report is frozen with its exclusions marked {@code UNAVAILABLE}.
     */
    Version freeze(YearMonth month) {
        Optional<CountedElsewhere.HubList> list = hubList.fetch();
        return tx.execute(status -> freeze(month, list));
    }

    private Version freeze(YearMonth month, Optional<CountedElsewhere.HubList> list) {
        int version = db.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM monthly_report WHERE report_month = :m")
                .param("m", month.toString()).query(Integer.class).single();
        Frozen frozen = contribution(month, version, list);
        MonthlyContribution report = frozen.report();
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        db.sql("UPDATE monthly_report SET status = 'REPLACED', replaced_at = :now "
                + "WHERE report_month = :m AND status <> 'REPLACED'")
                .param("now", Utc.of(now)).param("m", month.toString()).update();
        try {
            db.sql("""
                    INSERT INTO monthly_report (id, report_month, version, census, region, counted, without_consent,
                                                frozen_at, frozen_by, status, exclusions, counted_elsewhere,
                                                bounds_below_min_cell, hub_list_as_of)
                    VALUES (:id, :m, :v, :census, :region, :counted, :without, :now, :by, 'PENDING', :exclusions,
                            :elsewhere, :below, :asOf)
                    """)
                    .param("id", id).param("m", month.toString()).param("v", version).param("census", report.census())
                    .param("region", report.region()).param("counted", report.counted())
                    .param("without", report.withoutConsent()).param("now", Utc.of(now))
                    .param("by", CurrentStaff.username()).param("exclusions", report.exclusions().name())
                    .param("elsewhere", report.countedElsewhere()).param("below", report.boundsBelowMinCell())
                    .param("asOf", frozen.applied().hubAsOf() == null ? null : Utc.of(frozen.applied().hubAsOf()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException(ConflictException.RACED);
        }
        for (ReportCell cell : report.cells()) {
            db.sql("""
                    INSERT INTO monthly_report_cell (report_id, indicator, measure, sex, age_band, medicine, cell_count)
                    VALUES (:id, :indicator, :measure, :sex, :age, :medicine, :count)
                    """)
                    .param("id", id).param("indicator", cell.measure().indicator())
                    .param("measure", cell.measure().measure()).param("sex", cell.sex().name())
                    .param("age", cell.age().name())
                    .param("medicine", cell.medicine() == null ? "" : cell.medicine().name())
                    .param("count", cell.count()).update();
        }
        for (MonthlyContribution.Bound bound : report.bounds()) {
            db.sql("""
                    INSERT INTO monthly_report_bound (report_id, indicator, measure, bound_count)
                    VALUES (:id, :indicator, :measure, :count)
                    """).param("id", id).param("indicator", bound.measure().indicator())
                    .param("measure", bound.measure().measure()).param("count", bound.count()).update();
        }
        TreatmentDemandStore.insert(db, id, report.tdi());
        for (MonthlyContribution.Bound n : report.withoutCheck()) {
            db.sql("""
                    INSERT INTO monthly_report_without_check (report_id, indicator, measure, without_check_count)
                    VALUES (:id, :indicator, :measure, :count)
                    """).param("id", id).param("indicator", n.measure().indicator())
                    .param("measure", n.measure().measure()).param("count", n.count()).update();
        }
        frozen.applied().fates().forEach((reference, fate) -> db.sql("""
                INSERT INTO monthly_report_exclusion (report_id, reference, fate) VALUES (:id, :ref, :fate)
                """).param("id", id).param("ref", reference).param("fate", fate.name()).update());
        audit.record("report.monthly.freeze", null, month + " v" + version, Outcome.SUCCESS);
        audit.record("report.monthly.counted-elsewhere", null, month + " v" + version + " "
                + report.exclusions() + ": " + frozen.applied().fates().size() + " references, "
                + report.countedElsewhere() + " left out", Outcome.SUCCESS);
        events.publishEvent(new MonthlyReportFrozen(id, month.toString(), version));
        return new Version(id, month, version, report.census(), now, Status.PENDING, null);
    }

    /** Whether any version of the month's report has been frozen. */
    @Transactional(readOnly = true)
    boolean frozen(YearMonth month) {
        return db.sql("SELECT COUNT(*) FROM monthly_report WHERE report_month = :m").param("m", month.toString())
                .query(Long.class).single() > 0;
    }

    /** Every version of every month, newest month and version first. */
    @Transactional(readOnly = true)
    List<Version> versions() {
        return db.sql("""
                SELECT id, report_month, version, census, frozen_at, status, confirmed_at FROM monthly_report
                ORDER BY report_month DESC, version DESC
                """)
                .query((rs, n) -> new Version(rs.getObject("id", UUID.class), YearMonth.parse(rs.getString("report_month")),
                        rs.getInt("version"), rs.getObject("census", LocalDate.class),
                        rs.getObject("frozen_at", OffsetDateTime.class).toInstant(),
                        Status.valueOf(rs.getString("status")),
                        Optional.ofNullable(rs.getObject("confirmed_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant).orElse(null)))
                .list();
    }

    /** The stored report to send, while it is still pending (a replaced, confirmed or refused one is not sent). */
    @Transactional(readOnly = true)
    Optional<MonthlyContribution> pending(UUID id) {
        Optional<Header> header = db.sql("""
                SELECT report_month, version, census, region, counted, without_consent, exclusions, counted_elsewhere,
                       bounds_below_min_cell FROM monthly_report
                WHERE id = :id AND status = 'PENDING'
                """).param("id", id).query((rs, n) -> new Header(YearMonth.parse(rs.getString(1)), rs.getInt(2),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getInt(5), rs.getInt(6),
                        CountedElsewhere.Status.valueOf(rs.getString(7)), rs.getInt(8), rs.getBoolean(9))).optional();
        if (header.isEmpty()) {
            return Optional.empty();
        }
        List<ReportCell> cells = db.sql("""
                SELECT indicator, measure, sex, age_band, medicine, cell_count FROM monthly_report_cell
                WHERE report_id = :id
                """).param("id", id).query((rs, n) -> new ReportCell(
                        ReportMeasure.of(rs.getString(1), rs.getString(2)).orElseThrow(),
                        Sex.valueOf(rs.getString(3)), AgeBand.valueOf(rs.getString(4)),
                        rs.getString(5).isEmpty() ? null : Substance.valueOf(rs.getString(5)), rs.getLong(6)))
                .list();
        List<MonthlyContribution.Bound> bounds = db.sql("""
                SELECT indicator, measure, bound_count FROM monthly_report_bound WHERE report_id = :id
                """).param("id", id).query((rs, n) -> new MonthlyContribution.Bound(
                        ReportMeasure.of(rs.getString(1), rs.getString(2)).orElseThrow(), rs.getLong(3))).list();
        // none for a report frozen before N was reported: sent without it (unknown)
        List<MonthlyContribution.Bound> withoutCheck = db.sql("""
                SELECT indicator, measure, without_check_count FROM monthly_report_without_check WHERE report_id = :id
                """).param("id", id).query((rs, n) -> new MonthlyContribution.Bound(
                        ReportMeasure.of(rs.getString(1), rs.getString(2)).orElseThrow(), rs.getLong(3))).list();
        Header h = header.get();
        return Optional.of(new MonthlyContribution(h.month(), h.version(), h.census(), h.region(), h.counted(),
                h.withoutConsent(), cells, h.exclusions(), h.countedElsewhere(), bounds, h.boundsBelowMinCell(),
                withoutCheck, TreatmentDemandStore.read(db, id)));
    }

    /** A stored report's fields besides its cells and bounds. */
    private record Header(YearMonth month, int version, LocalDate census, String region, int counted,
            int withoutConsent, CountedElsewhere.Status exclusions, int countedElsewhere, boolean boundsBelowMinCell) {
    }

    /** A contribution and the "counted elsewhere" list as applied to it. */
    record Frozen(MonthlyContribution report, CountedElsewhere applied) {
    }

    /** The hub confirmed the report (a version replaced meanwhile stays replaced). */
    @Transactional
    void confirmed(UUID id, String month, int version) {
        db.sql("UPDATE monthly_report SET confirmed_at = :now, status = CASE WHEN status = 'PENDING' THEN 'CONFIRMED' "
                + "ELSE status END WHERE id = :id")
                .param("now", Utc.of(clock.instant())).param("id", id).update();
        audit.record("report.monthly.send", null, month + " v" + version + " confirmed", Outcome.SUCCESS);
    }

    /** The hub refused the report for good (a later version is stored there, or the report is invalid). */
    @Transactional
    void refused(UUID id, String month, int version, int httpStatus) {
        db.sql("UPDATE monthly_report SET status = 'REFUSED' WHERE id = :id AND status = 'PENDING'")
                .param("id", id).update();
        audit.record("report.monthly.send", null, month + " v" + version + " refused " + httpStatus, Outcome.FAILED);
    }

    /**
     * The month's national contribution: the indicators over the clients with the {@code STATISTICS} consent, as cells
     * by sex × age band × medicine, and how many clients were left out for lack of the consent. The hub's "counted
     * elsewhere" list, when there is one, goes through the safeguards ({@link CountedElsewhere#apply}); the clients it
     * leaves out are not in the cells nor in {@code counted}, and when they are at least min-cell clients, one bound
     * figure per indicator says how many of them would be in its numerator (over the same periods as the cells).
     */
    Frozen contribution(YearMonth month, int version, Optional<CountedElsewhere.HubList> list) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.plusMonths(1).atDay(1);
        LocalDate census = month.atEndOfMonth();
        YearMonth cohort = month.minusMonths(COHORT_MONTHS_BEFORE);
        LocalDate cohortFrom = cohort.atDay(1);
        LocalDate cohortTo = cohort.plusMonths(1).atDay(1);
        // the oldest cohort of the retention curve (12 months before) decides how far back the doses are read
        LocalDate oldestCohort = month.minusMonths(ReportMeasure.RETENTION_POINTS.get(
                ReportMeasure.RETENTION_POINTS.size() - 1).month()).atDay(1);
        LocalDate firstDay = oldestCohort.isBefore(census.minusDays(rules.maxGapDays())) ? oldestCohort
                : census.minusDays(rules.maxGapDays());
        // every cohort of the curve (3 to 12 months before) needs its clients' earlier doses, not the 6-month one only
        LocalDate youngestCohortTo = month.minusMonths(ReportMeasure.RETENTION_POINTS.get(0).month()).plusMonths(1)
                .atDay(1);
        var loaded = treatments.load(firstDay.minusDays(ClinicIndicators.DOSE_LOOKBACK_DAYS),
                ClinicIndicators.recentFrom(census, rules), oldestCohort, youngestCohortTo, census);
        CountedElsewhere applied = list.map(this::apply).map(f -> f.apply(Set.copyOf(loaded.ids())))
                .orElse(CountedElsewhere.unavailable());
        List<ClientTreatment> clients = new ArrayList<>();
        List<ClientId> countedIds = new ArrayList<>();
        List<ClientTreatment> leftOut = new ArrayList<>();
        for (int i = 0; i < loaded.clients().size(); i++) {
            boolean out = applied.leftOut().contains(loaded.ids().get(i));
            (out ? leftOut : clients).add(loaded.clients().get(i));
            if (!out) {
                countedIds.add(loaded.ids().get(i));
            }
        }
        List<ReportCell> cells = cells(clients, month);
        List<MonthlyContribution.Bound> bounds = new ArrayList<>();
        if (leftOut.size() >= rules.minCell()) {
            bounds.add(new MonthlyContribution.Bound(ReportMeasure.IND11_NUMERATOR,
                    indicators.coverage(leftOut, census).onTreatment().total()));
            bounds.add(new MonthlyContribution.Bound(ReportMeasure.IND12_DAYS,
                    indicators.personDays(leftOut, from, to).totalDays()));
            bounds.add(new MonthlyContribution.Bound(ReportMeasure.IND13_RETAINED,
                    indicators.retention(leftOut, cohortFrom, cohortTo, census).at(RETENTION_MONTH).retained()));
            bounds.add(new MonthlyContribution.Bound(ReportMeasure.IND14_NUMERATOR,
                    indicators.doseAdequacy(leftOut, census).adequate().total()));
        }
        boolean belowMinCell = !leftOut.isEmpty() && leftOut.size() < rules.minCell();
        return new Frozen(new MonthlyContribution(month, version, census, region, clients.size(),
                loaded.withoutConsent(), cells, applied.status(), leftOut.size(), bounds, belowMinCell,
                withoutCheck(clients, countedIds, month),
                TreatmentDemandPart.of(demand.yearToDate(census))), applied);
    }

    /**
     * The month's cells over some clients: IND.11 at the census date, IND.12 over the month, IND.13 for the cohort of
     * each point of the retention curve (the one that started that many months before), IND.14 at the census date.
     */
    private List<ReportCell> cells(List<ClientTreatment> clients, YearMonth month) {
        LocalDate census = month.atEndOfMonth();
        List<ReportCell> cells = new ArrayList<>();
        Coverage coverage = indicators.coverage(clients, census);
        add(cells, ReportMeasure.IND11_NUMERATOR, coverage.onTreatment().counts());
        add(cells, ReportMeasure.IND11_DENOMINATOR, coverage.inContact().counts());
        indicators.personDays(clients, month.atDay(1), month.plusMonths(1).atDay(1)).days().forEach((s, days) ->
                cells.add(new ReportCell(ReportMeasure.IND12_DAYS, s.sex(), s.age(), s.substance(), days)));
        for (ReportMeasure.RetentionPoint point : ReportMeasure.RETENTION_POINTS) {
            YearMonth cohort = month.minusMonths(point.month());
            retention(cells, clients, point, cohort.atDay(1), cohort.plusMonths(1).atDay(1), census);
        }
        DoseAdequacy adequacy = indicators.doseAdequacy(clients, census);
        add(cells, ReportMeasure.IND14_NUMERATOR, adequacy.adequate().counts());
        add(cells, ReportMeasure.IND14_DENOMINATOR, adequacy.eligible().counts());
        return cells;
    }

    /**
     * N of the national range (docs/indicators.md, "Error bounds"): for each bounded measure, its count over the
     * counted clients without the {@code DUPLICATE_CHECK} consent, computed exactly as the cells are.
     */
    private List<MonthlyContribution.Bound> withoutCheck(List<ClientTreatment> clients, List<ClientId> ids,
            YearMonth month) {
        Set<ClientId> checked = consents.givenAmong(ids, Purpose.DUPLICATE_CHECK);
        List<ClientTreatment> unchecked = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            if (!checked.contains(ids.get(i))) {
                unchecked.add(clients.get(i));
            }
        }
        List<ReportCell> cells = cells(unchecked, month);
        return MonthlyContribution.BOUNDED.stream().map(m -> new MonthlyContribution.Bound(m, cells.stream()
                .filter(c -> c.measure() == m).mapToLong(ReportCell::count).sum())).toList();
    }

    /**
     * The safeguards for the hub's list, once the counted clients are known: only references this clinic holds, whose
     * client's {@code DUPLICATE_CHECK} consent is in force; the whole list refused beyond the configured share or
     * below min-cell.
     */
    private java.util.function.Function<Set<ClientId>, CountedElsewhere> apply(CountedElsewhere.HubList list) {
        Map<String, ClientId> held = references.clientsOf(list.references());
        Set<ClientId> consenting = consents.givenAmong(held.values(), Purpose.DUPLICATE_CHECK);
        return counted -> CountedElsewhere.apply(list, held, consenting, counted, maxExcludedShare, rules.minCell());
    }

    private static void add(List<ReportCell> cells, ReportMeasure measure, Map<Stratum, Integer> counts) {
        counts.forEach((s, n) -> cells.add(new ReportCell(measure, s.sex(), s.age(), s.substance(), n)));
    }

    /**
     * IND.13 by stratum: the clients are grouped by sex, age band at the cohort's first day and the medicine of
     * their first episode starting in the cohort's month, and each group's retention is computed by
     * {@link Indicators#retention} (which alone decides who belongs to the cohort).
     */
    private void retention(List<ReportCell> cells, List<ClientTreatment> clients, ReportMeasure.RetentionPoint at,
            LocalDate from, LocalDate to, LocalDate asOf) {
        Map<Stratum, List<ClientTreatment>> groups = new TreeMap<>(clients.stream()
                .filter(c -> firstStart(c, from, to).isPresent())
                .collect(Collectors.groupingBy(c -> new Stratum(c.sex(), AgeBand.of(c.birth(), from),
                        firstStart(c, from, to).get(), c.region()))));
        groups.forEach((s, group) -> {
            Retention r = indicators.retention(group, from, to, asOf);
            if (r.cohort() > 0) {
                Retention.Point point = r.at(at.month());
                cells.add(new ReportCell(at.cohort(), s.sex(), s.age(), s.substance(), r.cohort()));
                cells.add(new ReportCell(at.observable(), s.sex(), s.age(), s.substance(), point.observable()));
                cells.add(new ReportCell(at.retained(), s.sex(), s.age(), s.substance(), point.retained()));
            }
        });
    }

    private static Optional<Substance> firstStart(ClientTreatment client, LocalDate from, LocalDate to) {
        return client.episodes().stream().filter(e -> !e.start().isBefore(from) && e.start().isBefore(to))
                .findFirst().map(e -> e.medicine().substance());
    }
}
