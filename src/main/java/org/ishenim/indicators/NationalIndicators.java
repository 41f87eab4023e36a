package org.ishenim.indicators;

import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ishenim.hub.ClusterCount;
import org.ishenim.hub.ClusterCounts;
import org.ishenim.indicators.HubMonthlyReports.StoredReport;
import org.ishenim.indicators.ProtectedTable.Shown;
import org.ishenim.indicators.exchange.Cell;
import org.ishenim.indicators.exchange.Disaggregation;
import org.ishenim.indicators.exchange.Indicator;
import org.ishenim.indicators.exchange.IndicatorSet;
import org.ishenim.indicators.exchange.IndicatorValue;
import org.ishenim.indicators.exchange.ReportingPeriod;
import org.ishenim.web.HubOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The hub's national combination (docs/indicators.md, "The national page"): the latest version of every site's
 * report for a month, added up into national and regional tables by sex × age band, and every table through
 * {@link Suppression} before anything leaves the hub.
 * <p>
 * Each measure is <b>one</b> table: a row per published region (the column totals are the national cells, the row
 * totals the regions' totals, the grand total the national total), so a suppressed regional cell cannot be solved
 * from the national one, nor the other way round. A region whose total, or all of whose non-zero cells, end up
 * suppressed in any measure is rolled up into "other regions"; when that row cannot be protected either, the smallest
 * published region joins it; when no more than one row would be left, only the national figures are published. Every
 * suppression decision of the published tables is logged (labels, never a value).
 */
@Service
@HubOnly
class NationalIndicators {

    /** The row label of the clients of regions that are not published on their own (or of all, national only). */
    static final String OTHER_REGIONS = "*";
    /** The row label of the sites that report no region (a clinic without {@code ishenim.indicators.region}). */
    static final String NO_REGION = "?";

    /** The measures published, in the order of the page. */
    static final List<ReportMeasure> PUBLISHED = List.of(ReportMeasure.IND11_NUMERATOR,
            ReportMeasure.IND11_DENOMINATOR, ReportMeasure.IND12_DAYS, ReportMeasure.IND13_RETAINED,
            ReportMeasure.IND13_OBSERVABLE, ReportMeasure.IND14_NUMERATOR, ReportMeasure.IND14_DENOMINATOR);

    /** The columns of the consent table. */
    static final List<String> CONSENT_COLUMNS = List.of("counted", "withoutConsent");

    private static final Logger log = LoggerFactory.getLogger(NationalIndicators.class);

    private final HubMonthlyReports reports;
    private final ClusterCounts clusters;
    private final int minCell;
    private final String nationalOrgUnit;

    NationalIndicators(HubMonthlyReports reports, ClusterCounts clusters,
            @Value("${ishenim.indicators.min-cell:11}") int minCell,
            @Value("${ishenim.indicators.national-org-unit:KG}") String nationalOrgUnit) {
        this.reports = reports;
        this.clusters = clusters;
        this.minCell = minCell;
        this.nationalOrgUnit = nationalOrgUnit;
    }

    /**
     * A month's published tables. {@code rows} are the published row labels (regions, {@link #OTHER_REGIONS});
     * {@code regional} is false when only the national figures are published. Nothing here holds an unsuppressed
     * value below national level.
     */
    record Result(YearMonth month, String nationalOrgUnit, int sitesReporting, List<String> rows, boolean regional,
            Map<ReportMeasure, ProtectedTable> tables, ProtectedTable consent, Optional<NationalRange> coverageRange,
            List<String> rolledUp, RangeTerms rangeTerms, List<CurvePoint> retentionCurve) {

        /** A measure's entry for a row (or {@code null} for the national row) and a disaggregation. */
        Shown entry(ReportMeasure measure, String row, Disaggregation disaggregation) {
            ProtectedTable t = tables.get(measure);
            return t.entry(rowIndex(t, row), columnIndex(t, disaggregation));
        }

        /** A consent figure ({@code counted} or {@code withoutConsent}) for a row, or the nation ({@code null}). */
        Shown consent(String row, String column) {
            return consent.entry(rowIndex(consent, row), consent.columns().indexOf(column));
        }

        private static int rowIndex(ProtectedTable t, String row) {
            int i = row == null ? t.rows().size() : t.rows().indexOf(row);
            if (i < 0) {
                throw new IllegalArgumentException("No such row.");
            }
            return i;
        }

        private static int columnIndex(ProtectedTable t, Disaggregation d) {
            return d.isTotal() ? t.columns().size() : t.columns().indexOf(label(d));
        }

        /** The published indicator sets: the nation, then each published region (not "other regions"). */
        List<IndicatorSet> indicatorSets() {
            return indicatorSets(ReportingPeriod.month(month));
        }

        /** The same, over another period (a year's combination: {@link NationalIndicators#ofYear}). */
        List<IndicatorSet> indicatorSets(ReportingPeriod period) {
            List<IndicatorSet> sets = new ArrayList<>();
            sets.add(set(nationalOrgUnit, null, period));
            if (regional) {
                for (String row : rows) {
                    if (!row.equals(OTHER_REGIONS) && !row.equals(NO_REGION)) {
                        sets.add(set(row, row, period));
                    }
                }
            }
            return sets;
        }

        private IndicatorSet set(String orgUnit, String row, ReportingPeriod period) {
            List<IndicatorValue> values = new ArrayList<>();
            List<Disaggregation> all = new ArrayList<>(Disaggregation.cells());
            all.add(Disaggregation.TOTAL);
            for (Disaggregation d : all) {
                values.add(IndicatorValue.of(Indicator.IND_11, d, cell(ReportMeasure.IND11_NUMERATOR, row, d),
                        cell(ReportMeasure.IND11_DENOMINATOR, row, d)));
                values.add(IndicatorValue.of(Indicator.IND_12, d, cell(ReportMeasure.IND12_DAYS, row, d), null));
                values.add(IndicatorValue.of(Indicator.IND_13, d, cell(ReportMeasure.IND13_RETAINED, row, d),
                        cell(ReportMeasure.IND13_OBSERVABLE, row, d)));
                values.add(IndicatorValue.of(Indicator.IND_14, d, cell(ReportMeasure.IND14_NUMERATOR, row, d),
                        cell(ReportMeasure.IND14_DENOMINATOR, row, d)));
            }
            return new IndicatorSet(period, orgUnit, values);
        }

        private Cell cell(ReportMeasure measure, String row, Disaggregation d) {
            Shown shown = entry(measure, row, d);
            return shown.suppressed() ? Cell.SUPPRESSED : Cell.of(shown.count().getAsLong());
        }
    }

    /**
     * The national coverage range's terms (docs/indicators.md, "Error bounds"), for the page's notes: U (the national
     * IND.11 numerator less N: the clients with both consents; absent when the numerator is suppressed), B (the sites' bounds), N (the clients on treatment without the
     * duplicate-check consent, over the sites that reported it; {@code sitesWithoutN} sites sent reports made before
     * N existed) and the hub's last cluster count (ρ from its references and clusters, K its clusters across sites;
     * absent when the hub has not counted since it started).
     */
    record RangeTerms(Optional<Long> deduplicated, long countedElsewhereBound, long withoutCheck, int sitesWithoutN,
            Optional<ClusterCount> clusters) {
    }

    /**
     * A point of the national retention curve: the cohort that started {@code month} months before the report's
     * month, its clients retained and observable at that point, each a national total through disclosure control.
     */
    record CurvePoint(int month, Shown retained, Shown observable) {
    }

    /** The column label of a sex × age cell, e.g. {@code F <25}. */
    static String label(Disaggregation d) {
        return d.label();
    }

    /** A month's published tables, with the hub's last cluster count (never a new one) for the range. */
    Result of(YearMonth month) {
        return combine(month, reports.storedFor(month), minCell, nationalOrgUnit, clusters.last());
    }

    /**
     * A calendar year's published tables, for a yearly data set such as WHO's {@code HIV_AGG_PREV_YEARLY}
     * (docs/indicators.md, "A year for DHIS2"): {@link #yearly} of the year's stored reports, combined and protected as
     * one month's are, with the hub's last cluster count. Its indicator sets are taken with
     * {@code indicatorSets(ReportingPeriod.year(year))}.
     */
    Result ofYear(Year year) {
        Map<YearMonth, List<StoredReport>> months = new TreeMap<>();
        for (int m = 1; m <= 12; m++) {
            months.put(year.atMonth(m), reports.storedFor(year.atMonth(m)));
        }
        return combine(year.atMonth(12), yearly(year, months), minCell, nationalOrgUnit, clusters.last());
    }

    /**
     * Each site's year, as one stored report: the site's December report (IND.11 and IND.14 are taken on the census
     * date, December 31, and so are its consent figures, bound and N), with IND.12's person-days and IND.13's cohorts
     * added up over every month of the year that the site reported. Months hold disjoint days, and each month's
     * report holds the cohort that started six months before it (three, nine and twelve for the curve), so the sums
     * are the person-days of the year and the cohorts that started in the twelve months before the year's last six.
     * A site without a December report is not in the year: it has no census.
     */
    static List<StoredReport> yearly(Year year, Map<YearMonth, List<StoredReport>> byMonth) {
        List<StoredReport> sites = new ArrayList<>();
        for (StoredReport december : byMonth.getOrDefault(year.atMonth(12), List.of())) {
            Map<String, ReportCell> cells = new TreeMap<>();
            for (ReportCell c : december.cells()) {
                if (!summedOverTheYear(c.measure())) {
                    cells.put(c.key(), c);
                }
            }
            for (Map.Entry<YearMonth, List<StoredReport>> month : byMonth.entrySet()) {
                if (!Year.from(month.getKey()).equals(year)) {
                    continue;
                }
                for (StoredReport r : month.getValue()) {
                    if (!r.site().equals(december.site())) {
                        continue;
                    }
                    for (ReportCell c : r.cells()) {
                        if (summedOverTheYear(c.measure())) {
                            cells.merge(c.key(), c, (a, b) -> new ReportCell(a.measure(), a.sex(), a.age(),
                                    a.medicine(), a.count() + b.count()));
                        }
                    }
                }
            }
            sites.add(new StoredReport(december.site(), december.region(), december.version(), december.counted(),
                    december.withoutConsent(), List.copyOf(cells.values()), december.coverageBound(),
                    december.boundBelowMinCell(), december.withoutCheck()));
        }
        return sites;
    }

    private static boolean summedOverTheYear(ReportMeasure measure) {
        return measure.indicator().equals("IND12") || measure.indicator().equals("IND13");
    }

    /** The combination without a cluster count (ρ and K unknown). */
    static Result combine(YearMonth month, List<StoredReport> stored, int minCell, String nationalOrgUnit) {
        return combine(month, stored, minCell, nationalOrgUnit, Optional.empty());
    }

    /** The combination itself, pure: the stored reports of one month and a cluster count in, the published tables out. */
    static Result combine(YearMonth month, List<StoredReport> stored, int minCell, String nationalOrgUnit,
            Optional<ClusterCount> clusters) {
        Set<String> regions = new TreeSet<>();
        for (StoredReport r : stored) {
            regions.add(regionOf(r));
        }
        Set<String> shown = new TreeSet<>(regions);
        List<String> rolledUp = new ArrayList<>();
        while (true) {
            boolean regional = shown.size() + (rolledUp.isEmpty() ? 0 : 1) > 1;
            List<String> rows = regional ? rowsOf(shown, !rolledUp.isEmpty()) : List.of(OTHER_REGIONS);
            Map<ReportMeasure, CountTable> counts = new EnumMap<>(ReportMeasure.class);
            for (ReportMeasure measure : PUBLISHED) {
                counts.put(measure, table(measure, rows, stored, regional));
            }
            CountTable consentCounts = consentTable(rows, stored, regional);
            Set<String> failing = new TreeSet<>();
            if (regional) {
                // first, the rows too small to publish at all: a total from 1 to min-cell - 1 in any table
                List<CountTable> all = new ArrayList<>(counts.values());
                all.add(consentCounts);
                for (CountTable t : all) {
                    for (int i = 0; i < rows.size(); i++) {
                        long total = t.entry(i, t.columnCount());
                        if (total >= 1 && total < minCell) {
                            failing.add(rows.get(i));
                        }
                    }
                }
            }
            Map<ReportMeasure, ProtectedTable> tables = new EnumMap<>(ReportMeasure.class);
            ProtectedTable consent = null;
            if (failing.isEmpty()) {
                counts.forEach((measure, t) -> tables.put(measure, Suppression.protect(t, minCell)));
                consent = Suppression.protect(consentCounts, minCell);
                if (!regional) {
                    return result(month, nationalOrgUnit, stored, minCell, rows, false, tables, consent,
                            rolledUp(regions, shown), clusters);
                }
                // then the rows that protection leaves with nothing: a suppressed total, or (in an indicator's
                // table) every non-zero cell suppressed
                for (ProtectedTable t : tables.values()) {
                    for (int i = 0; i < rows.size(); i++) {
                        if (rowFails(t, i)) {
                            failing.add(rows.get(i));
                        }
                    }
                }
                for (int i = 0; i < rows.size(); i++) {
                    if (consent.entry(i, consent.columns().size()).suppressed()) {
                        failing.add(rows.get(i));
                    }
                }
                // (the consent table may publish its totals only: its "higher level" mark is not a failure)
                boolean higher = tables.values().stream().anyMatch(ProtectedTable::needsHigherLevel);
                if (failing.isEmpty() && !higher) {
                    return result(month, nationalOrgUnit, stored, minCell, rows, true, tables, consent,
                            rolledUp(regions, shown), clusters);
                }
            }
            failing.remove(OTHER_REGIONS);
            if (failing.isEmpty()) {
                // "other regions" (or the table as a whole) cannot be protected: the smallest region joins it
                String smallest = shown.stream().min(Comparator.comparingLong(
                        (String region) -> counted(stored, region)).thenComparing(Comparator.naturalOrder()))
                        .orElseThrow();
                failing.add(smallest);
            }
            shown.removeAll(failing);
            rolledUp.addAll(failing);
        }
    }

    private static List<String> rolledUp(Set<String> regions, Set<String> shown) {
        return regions.stream().filter(r -> !shown.contains(r)).toList();
    }

    private static Result result(YearMonth month, String nationalOrgUnit, List<StoredReport> stored, int minCell,
            List<String> rows,
            boolean regional, Map<ReportMeasure, ProtectedTable> tables, ProtectedTable consent,
            List<String> rolledUp, Optional<ClusterCount> clusters) {
        tables.forEach((measure, t) -> logDecisions(month, measure.indicator() + "/" + measure.measure(), t));
        logDecisions(month, "CONSENT", consent);
        Result partial = new Result(month, nationalOrgUnit, stored.size(), rows, regional, tables, consent,
                Optional.empty(), regional ? rolledUp : List.of(), null, List.of());
        Shown total = partial.entry(ReportMeasure.IND11_NUMERATOR, null, Disaggregation.TOTAL);
        RangeTerms terms = rangeTerms(stored, minCell, total, clusters);
        Optional<NationalRange> range = terms.deduplicated().map(u -> NationalRange.of(u, terms.countedElsewhereBound(),
                terms.withoutCheck(), clusters.map(ClusterCount::references).orElse(0),
                clusters.map(ClusterCount::clusters).orElse(0), clusters.map(ClusterCount::multiSiteClusters).orElse(0)));
        return new Result(month, nationalOrgUnit, stored.size(), rows, regional, tables, consent, range,
                partial.rolledUp(), terms, retentionCurve(month, stored, minCell, partial));
    }

    /**
     * U, B and N from the sites' reports and the hub's cluster count. A site that left out fewer than min-cell clients
     * counts min-cell − 1 in B; a site whose report does not say N adds nothing to it and is counted in
     * {@code sitesWithoutN} (the page says so).
     */
    private static RangeTerms rangeTerms(List<StoredReport> stored, int minCell, Shown total,
            Optional<ClusterCount> clusters) {
        long bound = stored.stream().mapToLong(r -> r.coverageBound(minCell)).sum();
        long withoutCheck = stored.stream().mapToLong(r -> r.coverageWithoutCheck().orElse(0L)).sum();
        int unknown = (int) stored.stream().filter(r -> r.coverageWithoutCheck().isEmpty()).count();
        // U counts the clients with both consents: the numerator less N (a site that did not say N: all of its own)
        return new RangeTerms(total.suppressed() ? Optional.empty()
                : Optional.of(total.count().getAsLong() - withoutCheck), bound, withoutCheck, unknown, clusters);
    }

    /**
     * The national retention curve at 3, 6, 9 and 12 months: the 6-month point is IND.13's national total (already
     * protected with its regions); each other point is its own cohort's national table by sex × age band, protected
     * alone (it is published as its national totals only).
     */
    private static List<CurvePoint> retentionCurve(YearMonth month, List<StoredReport> stored, int minCell,
            Result published) {
        List<CurvePoint> curve = new ArrayList<>();
        for (ReportMeasure.RetentionPoint point : ReportMeasure.RETENTION_POINTS) {
            if (published.tables().containsKey(point.retained())) {
                curve.add(new CurvePoint(point.month(), published.entry(point.retained(), null, Disaggregation.TOTAL),
                        published.entry(point.observable(), null, Disaggregation.TOTAL)));
            } else {
                curve.add(new CurvePoint(point.month(), nationalTotal(month, point.retained(), stored, minCell),
                        nationalTotal(month, point.observable(), stored, minCell)));
            }
        }
        return curve;
    }

    /** A measure's national total, from its national table by sex × age band through disclosure control. */
    private static Shown nationalTotal(YearMonth month, ReportMeasure measure, List<StoredReport> stored,
            int minCell) {
        List<String> rows = List.of(OTHER_REGIONS);
        ProtectedTable t = Suppression.protect(table(measure, rows, stored, false), minCell);
        logDecisions(month, measure.indicator() + "/" + measure.measure(), t);
        return t.entry(rows.size(), t.columns().size());
    }

    /**
     * The decisions last logged, by month and table (the most recent {@value #LOGGED_TABLES}): a page viewed again, a
     * download, or a month combined again for the trends logs nothing new. A changed report changes the decisions,
     * which are then logged again.
     */
    private static final Map<String, List<SuppressionDecision>> LOGGED = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<SuppressionDecision>> eldest) {
                    return size() > LOGGED_TABLES;
                }
            });
    static final int LOGGED_TABLES = 2_000;

    private static void logDecisions(YearMonth month, String table, ProtectedTable t) {
        if (t.log().equals(LOGGED.put(month + " " + table, List.copyOf(t.log())))) {
            return;
        }
        for (SuppressionDecision d : t.log()) {
            log.info("national indicators {} {}: suppressed [{}] x [{}], {}{}", month, table, d.rowLabel(),
                    d.columnLabel(), d.reason(), d.protectsRow() == null ? ""
                            : " protecting [" + d.protectsRow() + "] x [" + d.protectsColumn() + "]");
        }
    }

    /** A row whose total is suppressed, or all of whose non-zero cells are, cannot be published at its level. */
    private static boolean rowFails(ProtectedTable t, int row) {
        int columns = t.columns().size();
        if (t.entry(row, columns).suppressed()) {
            return true;
        }
        boolean nonZero = false;
        boolean published = false;
        for (int j = 0; j < columns; j++) {
            Shown s = t.entry(row, j);
            if (s.suppressed()) {
                nonZero = true;
            } else if (s.count().getAsLong() > 0) {
                nonZero = true;
                published = true;
            }
        }
        return nonZero && !published;
    }

    private static List<String> rowsOf(Set<String> shown, boolean other) {
        List<String> rows = new ArrayList<>(shown);
        if (other) {
            rows.add(OTHER_REGIONS);
        }
        return rows;
    }

    private static String regionOf(StoredReport r) {
        return r.region().isEmpty() ? NO_REGION : r.region();
    }

    private static String rowOf(StoredReport r, List<String> rows, boolean regional) {
        String region = regionOf(r);
        return regional && rows.contains(region) ? region : OTHER_REGIONS;
    }

    private static long counted(List<StoredReport> stored, String region) {
        return stored.stream().filter(r -> regionOf(r).equals(region)).mapToLong(StoredReport::counted).sum();
    }

    /** One measure's table: a row per published region, a column per sex × age cell, summed over medicines. */
    static CountTable table(ReportMeasure measure, List<String> rows, List<StoredReport> stored, boolean regional) {
        List<Disaggregation> cells = Disaggregation.cells();
        Map<String, Integer> columnOf = new LinkedHashMap<>();
        for (int j = 0; j < cells.size(); j++) {
            columnOf.put(cells.get(j).sex().name() + "/" + cells.get(j).age().name(), j);
        }
        long[][] sums = new long[rows.size()][cells.size()];
        for (StoredReport r : stored) {
            int i = rows.indexOf(rowOf(r, rows, regional));
            for (ReportCell c : r.cells()) {
                if (c.measure() == measure) {
                    sums[i][columnOf.get(c.sex().name() + "/" + c.age().name())] += c.count();
                }
            }
        }
        return new CountTable(rows, cells.stream().map(NationalIndicators::label).toList(), toInt(sums));
    }

    private static CountTable consentTable(List<String> rows, List<StoredReport> stored, boolean regional) {
        long[][] sums = new long[rows.size()][2];
        for (StoredReport r : stored) {
            int i = rows.indexOf(rowOf(r, rows, regional));
            sums[i][0] += r.counted();
            sums[i][1] += r.withoutConsent();
        }
        return new CountTable(rows, CONSENT_COLUMNS, toInt(sums));
    }

    private static int[][] toInt(long[][] sums) {
        int[][] counts = new int[sums.length][];
        for (int i = 0; i < sums.length; i++) {
            counts[i] = new int[sums[i].length];
            for (int j = 0; j < sums[i].length; j++) {
                counts[i][j] = Math.toIntExact(sums[i][j]);
            }
        }
        return counts;
    }
}
