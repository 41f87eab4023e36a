package org.ishenim.indicators;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.ishenim.IshenimApplication;
import org.ishenim.medicines.Substance;
import org.ishenim.web.Utc;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The national page's trends (docs/indicators.md, "Trends"): a hub on an H2 file with {@code sites} synthetic sites'
 * reports for each of twelve months, then {@link NationalTrends#upTo} (twelve reads of the stored reports and twelve
 * combinations with suppression), best of three, then each month's combination once (H2 caches the result of a query
 * repeated on unchanged tables, so a month read twice in a row is not a fair figure).
 * <pre>bench/national-trends.sh [sites, default 100] [regions, default 7]</pre>
 */
public final class NationalTrendsBenchmark {

    static final YearMonth LAST = YearMonth.of(2026, 11);

    private NationalTrendsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int sites = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int regions = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path dir = Files.createTempDirectory("ishenim-trends-bench");
        String url = "jdbc:h2:file:" + dir + "/bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(IshenimApplication.class)
                .web(WebApplicationType.SERVLET)
                .run("--ishenim.role=hub", "--server.port=0", "--ishenim.data-dir=" + dir,
                        "--ishenim.master-key.generate=true", "--spring.datasource.url=" + url,
                        "--spring.datasource.username=ishenim", "--spring.datasource.password=",
                        "--logging.level.root=WARN")) {
            JdbcClient db = context.getBean(JdbcClient.class);
            HubMonthlyReports reports = context.getBean(HubMonthlyReports.class);
            Random random = new Random(13);
            long t0 = System.nanoTime();
            for (int s = 0; s < sites; s++) {
                String site = "site-" + s;
                db.sql("""
                        INSERT INTO hub_site (code, name, token_sha256, created_at, created_by, token_issued_at)
                        VALUES (:code, 'Clinic', :token, :at, 'bench', :at)
                        """).param("code", site).param("token", UUID.randomUUID().toString().replace("-", ""))
                        .param("at", Utc.of(Instant.parse("2024-01-01T00:00:00Z"))).update();
                int clients = 20 + random.nextInt(600);
                for (int i = 0; i < 12; i++) {
                    YearMonth month = LAST.minusMonths(i);
                    reports.receive(site, report(month, "region-" + (s % regions), clients, random));
                }
            }
            System.out.printf(Locale.ROOT, "load: %d sites x 12 months stored in %.1f s%n", sites,
                    (System.nanoTime() - t0) / 1e9);
            NationalTrends trends = context.getBean(NationalTrends.class);
            NationalIndicators national = context.getBean(NationalIndicators.class);
            trends.upTo(LAST, null); // warm-up
            double best = Double.MAX_VALUE;
            for (int run = 0; run < 3; run++) {
                long a = System.nanoTime();
                NationalTrends.View view = trends.upTo(LAST, null);
                best = Math.min(best, (System.nanoTime() - a) / 1e9);
                System.out.printf(Locale.ROOT, "run %d: %d months, last month's numerator %s%n", run + 1,
                        view.months().size(), view.months().get(11).numerator());
            }
            StringBuilder each = new StringBuilder();
            for (int i = 11; i >= 0; i--) {
                long c = System.nanoTime();
                NationalIndicators.Result r = national.of(LAST.minusMonths(i));
                each.append(String.format(Locale.ROOT, " %s %.3f s (%d rows)", r.month(), (System.nanoTime() - c) / 1e9,
                        r.rows().size()));
            }
            System.out.println("each month's combination:" + each);
            System.out.printf(Locale.ROOT, "trends (12 months, %d sites, %d regions), best of 3: %.3f s (%d cores, load "
                    + "average %.1f)%n", sites, regions, best,
                    Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        System.exit(0);
    }

    private static MonthlyContribution report(YearMonth month, String region, int clients, Random random) {
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
        LocalDate census = month.atEndOfMonth();
        return Contributions.withoutExclusions(month, 1, census, region, clients, clients / 7, cells);
    }
}
