package org.ishenim.bench.indicators;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.sql.DataSource;
import org.ishenim.IshenimApplication;
import org.ishenim.indicators.IndicatorsBenchAccess;
import org.ishenim.linkage.Clk;
import org.ishenim.linkage.ClkSet;
import org.ishenim.linkage.ConfiguredEncoding;
import org.ishenim.linkage.EncodingConfiguration;
import org.ishenim.linkage.LinkageSchema;
import org.ishenim.linkage.Matcher;
import org.ishenim.testing.Databases;
import org.ishenim.testing.SyntheticClks;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The indicators benchmark (issue 13; a program, not a test). Clinic: a synthetic clinic ({@link SyntheticClinic},
 * default 5,000 clients, two years of daily doses) loaded with batched inserts into the real schema after Flyway,
 * then a month's indicators timed through the manager's page path ({@code ClinicIndicators.report}) and the monthly
 * freeze's computation ({@code MonthlyReports.contribution}): the {@code ClinicTreatments} read and
 * {@code Indicators}. Hub: a hub started on the same kind of database, 100 sites' synthetic monthly reports stored
 * through {@code HubMonthlyReports.receive}, then the national combination timed ({@code NationalIndicators.of}: the
 * stored reports read back, added up by region and nationally, every table through {@code Suppression}, the roll-up
 * of regions that cannot be protected, the coverage range); and the national unique-client count (the hub's
 * LSH-blocked clusters) over 100,000 encodings ({@link SyntheticClks}, 10% near-duplicates) at the configuration's
 * own threshold. Prints a Markdown table.
 *
 * <pre>bench/indicators.sh [h2|pg] [clients, default 5000; 0 skips the clinic] [encodings, default 100000; 0 skips
 * the de-duplication] [configuration]</pre>
 * With {@code -Dbench.h2-dir=DIR} (H2 only) the clinic's database is kept in {@code DIR}, and a later run on it skips
 * the load (Flyway runs any new migration on it first, timed in the start-up line).
 */
public final class IndicatorsBenchmark {

    static final YearMonth MONTH = YearMonth.of(2026, 11);
    static final LocalDate FIRST = MONTH.plusMonths(1).atDay(1).minusYears(2);
    static final LocalDate LAST = MONTH.atEndOfMonth();
    static final double TARGET_S = 10;
    static final int SITES = 100;
    static final int REGIONS = 7;

    private IndicatorsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "h2";
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int encodings = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        EncodingConfiguration configuration = args.length > 3 ? EncodingConfiguration.named(args[3])
                : EncodingConfiguration.DEFAULT;
        List<String[]> rows = new ArrayList<>();
        System.out.printf(Locale.ROOT, "date=%s cores=%d load_average=%.1f%n", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), loadAverage());
        if (clients > 0) {
            clinic(database, clients, rows);
        }
        hub(database, encodings, configuration, rows);
        System.out.println();
        System.out.printf("Indicators benchmark, %s, %s (%d cores, load average %.1f)%n%n", LocalDate.now(),
                database.equals("pg") ? "PostgreSQL (embedded)" : "H2 (file)", Runtime.getRuntime().availableProcessors(),
                loadAverage());
        System.out.println("| figure | measured | target | met? |");
        System.out.println("|---|---|---|---|");
        rows.forEach(r -> System.out.printf("| %s | %s | %s | %s |%n", r[0], r[1], r[2], r[3]));
        System.exit(0);
    }

    /**
     * Starts the application with the role on a new database: an embedded PostgreSQL, or an H2 file in {@code dir}
     * (which may already hold one: Flyway then only runs the migrations it has not).
     */
    private static ConfigurableApplicationContext start(String role, String database, Path dir) throws Exception {
        String url;
        String user;
        String password;
        if (database.equals("pg")) {
            url = Databases.newPostgresDatabase();
            url += (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
            user = "postgres";
            password = "postgres";
        } else if (database.equals("h2")) {
            url = "jdbc:h2:file:" + dir + "/bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
            user = "ishenim";
            password = "";
        } else {
            throw new IllegalArgumentException("h2 or pg");
        }
        return new SpringApplicationBuilder(IshenimApplication.class)
                .web(WebApplicationType.SERVLET)
                .run("--ishenim.role=" + role, "--server.port=0", "--ishenim.data-dir=" + dir,
                        "--ishenim.master-key.generate=true", "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
                        "--ishenim.oat.absence.cron=-", "--ishenim.indicators.report-schedule=-",
                        "--logging.level.root=WARN");
    }

    private static void clinic(String database, int clients, List<String[]> rows) throws Exception {
        // -Dbench.h2-dir=DIR keeps the H2 clinic there, and a later run on it skips the (long) load
        String kept = System.getProperty("bench.h2-dir");
        Path dir = kept != null && database.equals("h2") ? Files.createDirectories(Path.of(kept))
                : Files.createTempDirectory("ishenim-indicators-bench");
        boolean reused = Files.exists(dir.resolve("bench.mv.db"));
        long started = System.nanoTime();
        try (ConfigurableApplicationContext context = start("clinic", database, dir)) {
            System.out.printf(Locale.ROOT, "clinic started (Flyway included) in %.1f s%n",
                    (System.nanoTime() - started) / 1e9);
            long t0 = System.nanoTime();
            ClinicLoader loader = new ClinicLoader(context.getBean(DataSource.class));
            try (loader) {
                if (!reused) {
                    new SyntheticClinic(FIRST, LAST, 13).generate(clients, loader);
                } else {
                    System.out.println("reusing the H2 clinic in " + dir + " (not loaded again)");
                }
            }
            double load = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "load: %d clients, %d dispensings, %d dose days (%s to %s) in %.1f s%n",
                    loader.clients, loader.dispensings, loader.doseDays, FIRST, LAST, load);
            System.out.printf(Locale.ROOT, "load by table (s): client %.1f, consent %.1f, prescription %.1f, version %.1f, "
                    + "dispensing %.1f, dose_day %.1f, commits %.1f%n", loader.nanos[0] / 1e9, loader.nanos[1] / 1e9,
                    loader.nanos[2] / 1e9, loader.nanos[3] / 1e9, loader.nanos[4] / 1e9, loader.nanos[5] / 1e9,
                    loader.nanos[6] / 1e9);
            if (!reused) {
                rows.add(new String[] { String.format(Locale.ROOT, "clinic load, %,d clients, %,d dose days (not "
                        + "timed against a target)", clients, loader.doseDays), seconds(load), "–", "–" });
            }
            // a first run warms the JIT and the database's caches; the figures are the next three
            System.out.println("warm-up (page): " + IndicatorsBenchAccess.managersPage(context, MONTH));
            double[] page = { Double.MAX_VALUE, 0 };
            double[] read = { Double.MAX_VALUE, 0 };
            double[] freeze = { Double.MAX_VALUE, 0 };
            for (int run = 0; run < 3; run++) {
                String summary = timed(page, () -> IndicatorsBenchAccess.managersPage(context, MONTH));
                String loaded = timed(read, () -> IndicatorsBenchAccess.treatmentsRead(context, MONTH));
                String cells = timed(freeze, () -> IndicatorsBenchAccess.monthlyContribution(context, MONTH));
                System.out.printf(Locale.ROOT, "run %d: page %s; read alone %s; freeze computation %s; "
                        + "load average %.1f%n", run + 1, summary, loaded, cells, loadAverage());
            }
            System.out.printf(Locale.ROOT, "best of 3, wall (CPU of this process): page %.2f s (%.2f s), read alone "
                    + "%.2f s (%.2f s), freeze computation %.2f s (%.2f s)%n", page[0], page[1], read[0], read[1],
                    freeze[0], freeze[1]);
            rows.add(new String[] { "clinic, a month's indicators, manager's page (ClinicTreatments read + Indicators), "
                    + "best of 3", seconds(page[0]) + cpu(page[1]), "< 10 s", page[0] < TARGET_S ? "yes" : "**no**" });
            rows.add(new String[] { "of which the ClinicTreatments read alone", seconds(read[0]) + cpu(read[1]), "–",
                    "–" });
            rows.add(new String[] { "clinic, a month's report, freeze computation (MonthlyReports.contribution, "
                    + "nothing stored), best of 3", seconds(freeze[0]) + cpu(freeze[1]), "< 10 s",
                    freeze[0] < TARGET_S ? "yes" : "**no**" });
        } finally {
            if (kept == null) {
                delete(dir);
            }
        }
    }

    /** The H2 file and data directory are gigabytes: removed after the run. */
    private static void delete(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void hub(String database, int encodings, EncodingConfiguration configuration, List<String[]> rows)
            throws Exception {
        Path dir = Files.createTempDirectory("ishenim-indicators-hub-bench");
        double combine = Double.MAX_VALUE;
        double combineCpu = 0;
        try (ConfigurableApplicationContext hub = start("hub", database, dir)) {
            long t0 = System.nanoTime();
            var combination = IndicatorsBenchAccess.nationalCombination(hub, MONTH, SITES, REGIONS, 13);
            System.out.printf(Locale.ROOT, "hub: %d reports received and stored in %.1f s%n", SITES,
                    (System.nanoTime() - t0) / 1e9);
            System.out.println("warm-up (national combination): " + combination.get());
            double[] best = { Double.MAX_VALUE, 0 };
            for (int run = 0; run < 3; run++) {
                System.out.printf(Locale.ROOT, "run %d: national combination %s; load average %.1f%n", run + 1,
                        timed(best, combination::get), loadAverage());
            }
            combine = best[0];
            combineCpu = best[1];
        } finally {
            delete(dir);
        }
        rows.add(new String[] { String.format(Locale.ROOT, "hub, national combination of %d sites' stored reports in %d "
                + "regions (NationalIndicators.of: read, add up, suppress, roll up), best of 3", SITES, REGIONS),
                seconds(combine) + cpu(combineCpu), "–", "–" });
        if (encodings == 0) {
            return;
        }
        int bits = ConfiguredEncoding.of(LinkageSchema.CLINIC, configuration).bits();
        boolean diffused = configuration.shape() == EncodingConfiguration.Shape.DIFFUSED;
        double threshold = configuration.threshold();
        Random random = new Random(encodings);
        List<Clk> clks = new ArrayList<>(encodings);
        int originals = encodings - encodings / 10;
        for (int i = 0; i < originals; i++) {
            clks.add(SyntheticClks.random(bits, diffused, random));
        }
        while (clks.size() < encodings) {
            clks.add(SyntheticClks.nearCopy(clks.get(random.nextInt(originals)), threshold + 0.02, random));
        }
        Matcher matcher = Matcher.onAllCores();
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        ClkSet set = ClkSet.of(clks);
        var clusters = matcher.clusters(set, threshold);
        double dedup = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpuNanos() - cpu0) / 1e9;
        System.out.printf(Locale.ROOT, "hub de-duplication: configuration=%s bits=%d threshold=%.2f encodings=%d "
                + "clusters=%d (expected %d) in %.1f s wall, %.1f s CPU, load average %.1f%n", configuration.id(), bits,
                threshold, encodings, clusters.clusters(), originals, dedup, cpu, loadAverage());
        rows.add(new String[] { String.format(Locale.ROOT, "hub, unique-client clusters over %,d encodings (%s)",
                encodings, configuration.id()), seconds(dedup) + String.format(Locale.ROOT, " (%.1f s CPU)", cpu),
                "–", "–" });
        double hub = combine + dedup;
        rows.add(new String[] { "hub total: combination + de-duplication", seconds(hub), "< 10 s",
                hub < TARGET_S ? "yes" : "**no**" });
    }

    /** Runs {@code work}, keeping in {@code best} the lowest wall time and that run's CPU time, in seconds. */
    private static String timed(double[] best, java.util.function.Supplier<String> work) {
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        String result = work.get();
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpuNanos() - cpu0) / 1e9;
        if (wall < best[0]) {
            best[0] = wall;
            best[1] = cpu;
        }
        return String.format(Locale.ROOT, "%.2f s wall, %.2f s CPU (%s)", wall, cpu, result);
    }

    private static String cpu(double s) {
        return String.format(Locale.ROOT, " (%.2f s CPU)", s);
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.2f s", s);
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
