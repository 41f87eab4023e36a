package org.ishenim.indicators;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ishenim.medicines.Substance;
import org.ishenim.audit.AuditLog;
import org.ishenim.audit.Outcome;
import org.ishenim.web.HubOnly;
import org.ishenim.web.Utc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hub's store of the sites' monthly reports: one per site and month, the latest version. The same version sent
 * again is recognised (by its digest) and changes nothing; a higher version replaces the stored one, cells and all,
 * never adds to it; a lower version, or a different report under the stored version, is refused. Every receipt and
 * refusal is audited ({@code report.monthly.receive}). The per-site cells are read only by the national combination
 * ({@link #storedFor}), which suppresses before anything leaves the hub; no route returns them.
 */
@Service
@HubOnly
class HubMonthlyReports {

    enum Receipt {
        /** The first report of the site for the month. */
        STORED,
        /** The stored version, sent again: nothing changed. */
        UNCHANGED,
        /** A higher version replaced the stored one. */
        REPLACED,
        /** Refused: a higher version is stored. */
        SUPERSEDED,
        /** Refused: a different report is stored under the same version. */
        CONFLICT
    }

    /** What became of a report, and the version the hub now holds for the site and month. */
    record Received(Receipt receipt, int storedVersion) {
        boolean refused() {
            return receipt == Receipt.SUPERSEDED || receipt == Receipt.CONFLICT;
        }
    }

    private record Stored(int version, String digest) {
    }

    private final JdbcClient db;
    private final AuditLog audit;
    private final Clock clock;

    HubMonthlyReports(JdbcClient db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    Received receive(String site, MonthlyContribution report) {
        String month = report.month().toString();
        String digest = report.digest();
        Optional<Stored> stored = db.sql("""
                SELECT version, digest FROM hub_monthly_report WHERE site_code = :site AND report_month = :m FOR UPDATE
                """).param("site", site).param("m", month)
                .query((rs, n) -> new Stored(rs.getInt(1), rs.getString(2))).optional();
        Received received;
        if (stored.isEmpty()) {
            insert(site, report, digest);
            received = new Received(Receipt.STORED, report.version());
        } else if (stored.get().version() > report.version()) {
            received = new Received(Receipt.SUPERSEDED, stored.get().version());
        } else if (stored.get().version() == report.version()) {
            received = new Received(stored.get().digest().equals(digest) ? Receipt.UNCHANGED : Receipt.CONFLICT,
                    report.version());
        } else {
            db.sql("DELETE FROM hub_monthly_report_cell WHERE site_code = :site AND report_month = :m")
                    .param("site", site).param("m", month).update();
            db.sql("DELETE FROM hub_monthly_report_bound WHERE site_code = :site AND report_month = :m")
                    .param("site", site).param("m", month).update();
            HubTreatmentDemand.delete(db, site, month);
            db.sql("DELETE FROM hub_monthly_report_without_check WHERE site_code = :site AND report_month = :m")
                    .param("site", site).param("m", month).update();
            db.sql("DELETE FROM hub_monthly_report WHERE site_code = :site AND report_month = :m")
                    .param("site", site).param("m", month).update();
            insert(site, report, digest);
            received = new Received(Receipt.REPLACED, report.version());
        }
        audit.record("report.monthly.receive", null, site + " " + month + " v" + report.version() + " "
                + received.receipt(), received.refused() ? Outcome.DENIED : Outcome.SUCCESS);
        return received;
    }

    /**
     * The latest stored version of every site's report for a month, with its cells: for the hub's national
     * combination only ({@link NationalIndicators}), which publishes nothing it has not suppressed.
     */
    @Transactional(readOnly = true)
    List<StoredReport> storedFor(YearMonth month) {
        String m = month.toString();
        Map<String, List<ReportCell>> cells = new HashMap<>();
        db.sql("""
                SELECT site_code, indicator, measure, sex, age_band, medicine, cell_count
                FROM hub_monthly_report_cell WHERE report_month = :m
                """).param("m", m).query((rs, n) -> {
                    ReportMeasure measure = ReportMeasure.of(rs.getString(2), rs.getString(3)).orElseThrow();
                    String medicine = rs.getString(6);
                    cells.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ReportCell(measure,
                            Sex.valueOf(rs.getString(4)), AgeBand.valueOf(rs.getString(5)),
                            medicine.isEmpty() ? null : Substance.valueOf(medicine), rs.getLong(7)));
                    return null;
                }).list();
        Map<String, Long> coverageBounds = new HashMap<>();
        db.sql("""
                SELECT site_code, bound_count FROM hub_monthly_report_bound
                WHERE report_month = :m AND indicator = :indicator AND measure = :measure
                """).param("m", m).param("indicator", ReportMeasure.IND11_NUMERATOR.indicator())
                .param("measure", ReportMeasure.IND11_NUMERATOR.measure()).query((rs, n) -> {
                    coverageBounds.put(rs.getString(1), rs.getLong(2));
                    return null;
                }).list();
        Map<String, Map<ReportMeasure, Long>> withoutCheck = withoutCheck(m);
        return db.sql("""
                SELECT site_code, region, version, counted, without_consent, counted_elsewhere, bounds_below_min_cell
                FROM hub_monthly_report
                WHERE report_month = :m ORDER BY site_code
                """).param("m", m).query((rs, n) -> new StoredReport(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getInt(4), rs.getInt(5), cells.getOrDefault(rs.getString(1), List.of()),
                        coverageBounds.getOrDefault(rs.getString(1), 0L),
                        rs.getInt(6) > 0 && rs.getBoolean(7), withoutCheck.getOrDefault(rs.getString(1), Map.of())))
                .list();
    }

    /** Each site's N by measure for the month; a site whose report did not say it has none. */
    private Map<String, Map<ReportMeasure, Long>> withoutCheck(String month) {
        Map<String, Map<ReportMeasure, Long>> bySite = new HashMap<>();
        db.sql("""
                SELECT site_code, indicator, measure, without_check_count FROM hub_monthly_report_without_check
                WHERE report_month = :m
                """).param("m", month).query((rs, n) -> bySite.computeIfAbsent(rs.getString(1),
                        k -> new java.util.EnumMap<>(ReportMeasure.class))
                .put(ReportMeasure.of(rs.getString(2), rs.getString(3)).orElseThrow(), rs.getLong(4))).list();
        return bySite;
    }

    /**
     * One site's stored report for a month: its region, version, consent counts and cells, its IND.11 bound, and its
     * N by bounded measure ({@code withoutCheck}: empty for a report made before N was reported, unknown).
     */
    record StoredReport(String site, String region, int version, int counted, int withoutConsent,
            List<ReportCell> cells, long coverageBound, boolean boundBelowMinCell,
            Map<ReportMeasure, Long> withoutCheck) {
        StoredReport {
            cells = List.copyOf(cells);
            withoutCheck = Map.copyOf(withoutCheck);
        }

        /** A report without "counted elsewhere" clients (no bound figure) nor N. */
        StoredReport(String site, String region, int version, int counted, int withoutConsent,
                List<ReportCell> cells) {
            this(site, region, version, counted, withoutConsent, cells, 0, false);
        }

        /** A report without N (made before it was reported). */
        StoredReport(String site, String region, int version, int counted, int withoutConsent,
                List<ReportCell> cells, long coverageBound, boolean boundBelowMinCell) {
            this(site, region, version, counted, withoutConsent, cells, coverageBound, boundBelowMinCell, Map.of());
        }

        /** This site's N for IND.11 (clients on treatment without the duplicate-check consent), if it reported it. */
        Optional<Long> coverageWithoutCheck() {
            return Optional.ofNullable(withoutCheck.get(ReportMeasure.IND11_NUMERATOR));
        }

        /**
         * This site's part of B for IND.11: its bound figure, or min-cell − 1 when it left out fewer than min-cell
         * clients and so sent none (docs/indicators.md, "Error bounds").
         */
        long coverageBound(int minCell) {
            return boundBelowMinCell ? minCell - 1L : coverageBound;
        }
    }

    /** Records a report refused before it could be read (invalid fields): nothing is stored. */
    void invalid(String site, String month) {
        audit.record("report.monthly.receive", null, site + " " + month + " INVALID", Outcome.DENIED);
    }

    private void insert(String site, MonthlyContribution report, String digest) {
        db.sql("""
                INSERT INTO hub_monthly_report (site_code, report_month, version, census, region, counted,
                                                without_consent, digest, received_at, exclusions, counted_elsewhere,
                                                bounds_below_min_cell)
                VALUES (:site, :m, :v, :census, :region, :counted, :without, :digest, :at, :exclusions, :elsewhere,
                        :below)
                """)
                .param("exclusions", report.exclusions().name()).param("elsewhere", report.countedElsewhere())
                .param("below", report.boundsBelowMinCell())
                .param("site", site).param("m", report.month().toString()).param("v", report.version())
                .param("census", report.census()).param("region", report.region()).param("counted", report.counted())
                .param("without", report.withoutConsent()).param("digest", digest)
                .param("at", Utc.of(clock.instant())).update();
        for (ReportCell cell : report.cells()) {
            db.sql("""
                    INSERT INTO hub_monthly_report_cell (site_code, report_month, indicator, measure, sex, age_band,
                                                         medicine, cell_count)
                    VALUES (:site, :m, :indicator, :measure, :sex, :age, :medicine, :count)
                    """)
                    .param("site", site).param("m", report.month().toString())
                    .param("indicator", cell.measure().indicator()).param("measure", cell.measure().measure())
                    .param("sex", cell.sex().name()).param("age", cell.age().name())
                    .param("medicine", cell.medicine() == null ? "" : cell.medicine().name())
                    .param("count", cell.count()).update();
        }
        HubTreatmentDemand.insert(db, site, report.month().toString(), report.tdi());
        for (MonthlyContribution.Bound n : report.withoutCheck()) {
            db.sql("""
                    INSERT INTO hub_monthly_report_without_check (site_code, report_month, indicator, measure,
                                                                  without_check_count)
                    VALUES (:site, :m, :indicator, :measure, :count)
                    """).param("site", site).param("m", report.month().toString())
                    .param("indicator", n.measure().indicator()).param("measure", n.measure().measure())
                    .param("count", n.count()).update();
        }
        for (MonthlyContribution.Bound bound : report.bounds()) {
            db.sql("""
                    INSERT INTO hub_monthly_report_bound (site_code, report_month, indicator, measure, bound_count)
                    VALUES (:site, :m, :indicator, :measure, :count)
                    """)
                    .param("site", site).param("m", report.month().toString())
                    .param("indicator", bound.measure().indicator()).param("measure", bound.measure().measure())
                    .param("count", bound.count()).update();
        }
    }
}
