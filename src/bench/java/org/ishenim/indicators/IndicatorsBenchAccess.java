package org.ishenim.indicators;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.ishenim.medicines.Substance;
import org.springframework.context.ApplicationContext;

/**
 * Bench-only access to the indicators module's package-private services (org.ishenim.bench.indicators runs the
 * benchmark): the same calls the manager's page and the monthly freeze make. Not main code.
 */
public final class IndicatorsBenchAccess {

    private IndicatorsBenchAccess() {
    }

    /** The manager's page: {@link ClinicIndicators#report} with the page's defaults; a one-line summary. */
    public static String managersPage(ApplicationContext context, YearMonth month) {
        YearMonth cohort = month.minusMonths(6);
        ClinicReport r = context.getBean(ClinicIndicators.class).report(month, month.atEndOfMonth(), cohort, cohort);
        return String.format("counted=%d without_consent=%d IND11=%d/%d IND12_days=%d IND13_cohort=%d retained_6m=%d/%d "
                + "IND14=%d/%d (induction %d, reducing %d)", r.counted(), r.withoutConsent(),
                r.coverage().onTreatment().total(), r.coverage().inContact().total(), r.personTime().totalDays(),
                r.retention().cohort(), r.retention().at(6).retained(), r.retention().at(6).observable(),
                r.adequacy().adequate().total(), r.adequacy().eligible().total(), r.adequacy().inInduction(),
                r.adequacy().reducing());
    }

    /** The database read alone, as the manager's page makes it ({@link ClinicTreatments#load}); a summary. */
    public static String treatmentsRead(ApplicationContext context, YearMonth month) {
        IndicatorRules rules = context.getBean(IndicatorRules.class);
        YearMonth cohort = month.minusMonths(6);
        LocalDate census = month.atEndOfMonth();
        LocalDate first = cohort.atDay(1).isBefore(census.minusDays(rules.maxGapDays())) ? cohort.atDay(1)
                : census.minusDays(rules.maxGapDays());
        var loaded = context.getBean(ClinicTreatments.class).load(first.minusDays(ClinicIndicators.DOSE_LOOKBACK_DAYS),
                census);
        return String.format("clients=%d doses=%d", loaded.clients().size(),
                loaded.clients().stream().mapToInt(c -> c.doses().size()).sum());
    }

    /** The monthly freeze's computation: {@link MonthlyReports#contribution} (nothing stored); a summary. */
    public static String monthlyContribution(ApplicationContext context, YearMonth month) {
        MonthlyContribution c = context.getBean(MonthlyReports.class).contribution(month, 1, java.util.Optional.empty())
                .report();
        return String.format("cells=%d counted=%d without_consent=%d", c.cells().size(), c.counted(),
                c.withoutConsent());
    }

    /**
     * {@code sites} synthetic monthly reports (generated now, not timed), and the work to time: adding their cells up
     * by region and nationally, and {@link Suppression#protect} of every measure's region × (sex, age band) table and
     * national sex × age band table at min-cell 11. The national combination with de-duplication is not in this
     * branch; this is the existing pure code only.
     */
    public static Supplier<String> combination(int sites, int regions, long seed) {
        Random random = new Random(seed);
        List<MonthlyContribution> reports = new ArrayList<>();
        YearMonth month = YearMonth.of(2026, 11);
        for (int s = 0; s < sites; s++) {
            int clients = 20 + random.nextInt(600);
            List<ReportCell> cells = new ArrayList<>();
            for (ReportMeasure measure : ReportMeasure.values()) {
                for (Sex sex : Sex.values()) {
                    for (AgeBand age : AgeBand.values()) {
                        for (Substance medicine : measure.byMedicine() ? Substance.values() : new Substance[] { null }) {
                            long share = sex == Sex.M ? 70 : sex == Sex.F ? 25 : 2;
                            long n = random.nextInt((int) Math.max(1, clients * share / 100 / 3));
                            cells.add(new ReportCell(measure, sex, age, medicine,
                                    measure == ReportMeasure.IND12_DAYS ? n * 28 : n));
                        }
                    }
                }
            }
            reports.add(Contributions.withoutExclusions(month, 1, month.atEndOfMonth(), "region-" + (s % regions), clients,
                    clients / 7, cells));
        }
        return () -> combine(reports, regions);
    }

    private static String combine(List<MonthlyContribution> reports, int regions) {
        Map<String, Map<String, Long>> byRegion = new TreeMap<>();
        Map<String, Long> national = new TreeMap<>();
        for (MonthlyContribution report : reports) {
            Map<String, Long> region = byRegion.computeIfAbsent(report.region(), k -> new TreeMap<>());
            for (ReportCell cell : report.cells()) {
                region.merge(cell.key(), cell.count(), Long::sum);
                national.merge(cell.key(), cell.count(), Long::sum);
            }
        }
        List<String> rowLabels = new ArrayList<>(byRegion.keySet());
        List<String> columns = new ArrayList<>();
        for (Sex sex : Sex.values()) {
            for (AgeBand age : AgeBand.values()) {
                columns.add(sex + "/" + age);
            }
        }
        int tables = 0;
        int suppressed = 0;
        int higher = 0;
        for (ReportMeasure measure : ReportMeasure.values()) {
            if (measure == ReportMeasure.IND12_DAYS) {
                continue; // person-days are not counts of people: not suppressed by the cell rule
            }
            int[][] counts = new int[rowLabels.size()][columns.size()];
            int[][] nationalCounts = new int[Sex.values().length][AgeBand.values().length];
            for (int i = 0; i < rowLabels.size(); i++) {
                Map<String, Long> region = byRegion.get(rowLabels.get(i));
                for (Sex sex : Sex.values()) {
                    for (AgeBand age : AgeBand.values()) {
                        long sum = 0;
                        for (Substance medicine : measure.byMedicine() ? Substance.values() : new Substance[] { null }) {
                            String key = new ReportCell(measure, sex, age, medicine, 0).key();
                            sum += region.getOrDefault(key, 0L);
                        }
                        counts[i][sex.ordinal() * AgeBand.values().length + age.ordinal()] = Math.toIntExact(sum);
                        nationalCounts[sex.ordinal()][age.ordinal()] += Math.toIntExact(sum);
                    }
                }
            }
            for (ProtectedTable t : List.of(
                    Suppression.protect(new CountTable(rowLabels, columns, counts), 11),
                    Suppression.protect(new CountTable(List.of(Sex.values()).stream().map(Enum::name).toList(),
                            List.of(AgeBand.values()).stream().map(Enum::name).toList(), nationalCounts), 11))) {
                tables++;
                suppressed += t.log().size();
                higher += t.needsHigherLevel() ? 1 : 0;
            }
        }
        return String.format("reports=%d regions=%d national_cells=%d tables=%d suppressed_entries=%d "
                + "tables_needing_higher_level=%d", reports.size(), regions, national.size(), tables, suppressed, higher);
    }
}
