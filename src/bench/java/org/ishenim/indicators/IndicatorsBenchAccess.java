package org.ishenim.indicators;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.ishenim.medicines.Substance;
import org.ishenim.web.Utc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

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
                ClinicIndicators.recentFrom(census, rules), cohort.atDay(1), cohort.plusMonths(1).atDay(1), census);
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
     * Stores {@code sites} synthetic monthly reports for {@code month} on a hub, each through
     * {@link HubMonthlyReports#receive} as the hub's API stores them (registering the sites first), and returns the work
     * to time: {@link NationalIndicators#of}, the national combination itself (the stored reports read back, added up
     * by region and nationally, every table through {@link Suppression}, regions rolled up until each table can be
     * protected, the coverage range). The reports are consistent (a numerator never above its denominator), with
     * sites of 20 to 620 clients in {@code regions} regions; site {@code i} is in region {@code i % regions}.
     */
    public static Supplier<String> nationalCombination(ApplicationContext hub, YearMonth month, int sites, int regions,
            long seed) {
        JdbcClient db = hub.getBean(JdbcClient.class);
        HubMonthlyReports reports = hub.getBean(HubMonthlyReports.class);
        Random random = new Random(seed);
        for (int s = 0; s < sites; s++) {
            String site = String.format("site-%03d", s);
            db.sql("""
                    INSERT INTO hub_site (code, name, token_sha256, created_at, created_by, token_issued_at)
                    VALUES (:code, 'Bench clinic', :hash, :at, 'bench', :at)
                    """).param("code", site).param("hash", String.format("%064x", s))
                    .param("at", Utc.of(java.time.Instant.parse("2026-01-01T00:00:00Z"))).update();
            reports.receive(site, report(month, "region-" + (s % regions), random));
        }
        NationalIndicators national = hub.getBean(NationalIndicators.class);
        return () -> {
            NationalIndicators.Result r = national.of(month);
            long suppressed = r.tables().values().stream().mapToLong(t -> t.log().size()).sum();
            return String.format("sites=%d rows=%s regional=%s rolled_up=%d suppression_decisions=%d "
                    + "IND11_national=%s", r.sitesReporting(), r.rows().size(), r.regional(), r.rolledUp().size(),
                    suppressed, r.entry(ReportMeasure.IND11_NUMERATOR, null,
                            org.ishenim.indicators.exchange.Disaggregation.TOTAL).text());
        };
    }

    /** One site's report: every measure by sex, age band (and medicine), each numerator within its denominator. */
    private static MonthlyContribution report(YearMonth month, String region, Random random) {
        int clients = 20 + random.nextInt(600);
        List<ReportCell> cells = new ArrayList<>();
        long counted = 0;
        for (Sex sex : Sex.values()) {
            long sexShare = sex == Sex.M ? 75 : sex == Sex.F ? 22 : 3;
            for (AgeBand age : AgeBand.values()) {
                long share = sexShare * (age == AgeBand.UNDER_25 ? 15 : 85) / 100;
                long inContact = Math.max(0, clients * share / 100 + random.nextInt(5) - 2);
                counted += inContact;
                cells.add(new ReportCell(ReportMeasure.IND11_DENOMINATOR, sex, age, null, inContact));
                long onTreatment = inContact * (60 + random.nextInt(35)) / 100;
                for (Substance medicine : Substance.values()) {
                    long n = medicine == Substance.METHADONE ? onTreatment * 4 / 5 : onTreatment - onTreatment * 4 / 5;
                    long cohort = random.nextInt((int) Math.max(1, n / 20 + 1));
                    long retained = cohort == 0 ? 0 : random.nextInt((int) cohort + 1);
                    long eligible = n * (70 + random.nextInt(25)) / 100;
                    long adequate = eligible * (50 + random.nextInt(45)) / 100;
                    cells.add(new ReportCell(ReportMeasure.IND11_NUMERATOR, sex, age, medicine, n));
                    cells.add(new ReportCell(ReportMeasure.IND12_DAYS, sex, age, medicine, n * month.lengthOfMonth()));
                    cells.add(new ReportCell(ReportMeasure.IND13_COHORT, sex, age, medicine, cohort));
                    cells.add(new ReportCell(ReportMeasure.IND13_OBSERVABLE, sex, age, medicine, cohort));
                    cells.add(new ReportCell(ReportMeasure.IND13_RETAINED, sex, age, medicine, retained));
                    cells.add(new ReportCell(ReportMeasure.IND14_DENOMINATOR, sex, age, medicine, eligible));
                    cells.add(new ReportCell(ReportMeasure.IND14_NUMERATOR, sex, age, medicine, adequate));
                }
            }
        }
        return Contributions.withoutExclusions(month, 1, month.atEndOfMonth(), region, Math.toIntExact(counted),
                Math.toIntExact(counted / 7), cells);
    }
}
