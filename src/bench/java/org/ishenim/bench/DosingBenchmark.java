package org.ishenim.bench;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.ishenim.testing.Databases;

/**
 * The dosing benchmark (not a test): the server jar on PostgreSQL and on H2, 32 concurrent HTTP clients
 * recording doses for different clients (POST /api/v1/dispensings, each a full audited transaction with its
 * ledger line), then the same database's raw rate of single-row JDBC insert-and-commit from 32 threads.
 * Prints doses/s, p50 and p99 latency, our rate as a ratio to the raw one, and the CPU time each dose cost
 * in the server JVM, in PostgreSQL and in the load generator.
 *
 * <p>The server runs as its own JVM ({@code target/ishenim.jar} when it exists), as in production; the load
 * generator uses one kept-alive socket per client thread ({@link Wire}), so it costs little CPU. Before the
 * measured doses, the server is warmed up by the enrolments and prescriptions and by {@code warmup} doses.
 *
 * <p>Run: {@code bench/dosing.sh [h2|pg|both] [doses, default 3000] [warm-up doses, default four times as many]}
 */
public final class DosingBenchmark {

    static final int THREADS = 32;
    static final String PASSWORD = "demo";

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "both";
        int doses = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 4 * doses;
        List<String> results = new ArrayList<>();
        if (!which.equals("h2")) {
            String url = Databases.newPostgresDatabase();
            results.add(run("PostgreSQL (embedded, zonky)", url, "postgres", "postgres", doses, warmup, url));
        }
        if (!which.equals("pg")) {
            var dir = Files.createTempDirectory("ishenim-bench");
            String options = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
            // The server holds its H2 file open, so the raw rate is measured on a second file in the same folder.
            results.add(run("H2 (file, WRITE_DELAY=0)", "jdbc:h2:file:" + dir + "/bench" + options, "ishenim", "",
                    doses, warmup, "jdbc:h2:file:" + dir + "/raw" + options));
        }
        System.out.println();
        results.forEach(System.out::println);
        System.exit(0);
    }

    static String run(String name, String url, String user, String password, int doses, int warmup, String rawUrl)
            throws Exception {
        var dir = Files.createTempDirectory("ishenim-bench-data");
        int port = 19000 + (int) (Math.random() * 2000);
        Process server = startServer(url, user, password, dir, port);
        try {
            CrashSafety.waitUp(port);
            String nurse = Wire.basic("nurse", PASSWORD);
            String doctor = Wire.basic("doctor", PASSWORD);
            try (var wire = new Wire("localhost", port)) {
                expect(wire.post("/api/v1/stock/receipts", Wire.basic("pharmacist", PASSWORD), null, """
                        {"site":"main","medicine":"METHADONE_ORAL_10MG_ML","amountMg":"100000000","supplier":"bench","batch":"B"}"""), 201);
            }
            int total = doses + warmup;
            String[] clients = new String[total];
            long t0 = System.nanoTime();
            parallel(port, total, (wire, i) -> {
                String body = expect(wire.post("/api/v1/clients", doctor, null, """
                        {"sex":"%s","birthYear":%d,"motherFirstName":"%s","fatherFirstName":"%s","alias":"bench %d",
                         "identityConsent":false,"consents":["TREATMENT"]}""".formatted(i % 2 == 0 ? "M" : "F", 1960 + i % 40,
                        name(i, "ra"), name(i / 676, "ek"), i)), 201);
                clients[i] = body.replaceAll("(?s).*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1");
                expect(wire.post("/api/v1/prescriptions", doctor, null, """
                        {"clientId":"%s","medicine":"METHADONE_ORAL_10MG_ML","dailyDoseMg":"30"}""".formatted(clients[i])), 201);
            });
            System.out.printf("%s: %d clients enrolled and prescribed in %.1f s; %d warm-up doses%n", name, total,
                    (System.nanoTime() - t0) / 1e9, warmup);
            parallel(port, warmup, (wire, i) -> dose(wire, nurse, clients[i]));
            System.out.printf("JIT compiler queue drained after %.1f s idle%n", CpuTimes.awaitCompilerIdle(server.pid()));
            long[] latencies = new long[doses];
            long[] starts = new long[doses];
            String jfr = System.getenv("BENCH_JFR");
            String floorJfr = System.getenv("BENCH_JFR_FLOOR");
            jcmdJfr(server.pid(), jfr, "JFR.start", "settings=profile"); // the measured doses only
            var cpu = new CpuTimes(server.pid());
            long start = System.nanoTime();
            long born = server.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
            long windowFrom = System.currentTimeMillis() - born;
            parallel(port, doses, (wire, i) -> {
                long s = System.nanoTime();
                dose(wire, nurse, clients[warmup + i]);
                latencies[i] = System.nanoTime() - s;
                starts[i] = s - start;
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            var used = cpu.since();
            System.out.println("server CPU by thread over the measured doses (server uptime " + windowFrom + "-"
                    + (System.currentTimeMillis() - born) + " ms): " + cpu.threadBreakdown());
            jcmdJfr(server.pid(), jfr, "JFR.dump");
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            double load = os.getSystemLoadAverage();
            writeTimeline(System.getenv("BENCH_TIMELINE"), starts, latencies);
            Arrays.sort(latencies);
            double rate = doses / seconds;
            double p50 = latencies[doses / 2] / 1e6;
            double p99 = latencies[(int) (doses * 0.99)] / 1e6;
            // The framework's floors, each warmed up first: an authenticated GET with one small query (HTTP,
            // security, JSON, one transaction), and a static file (HTTP and the filters only).
            jcmdJfr(server.pid(), floorJfr, "JFR.start", "settings=profile");
            double[] apiFloor = floor(server.pid(), port, "/api/v1/stock/sites", nurse, doses);
            jcmdJfr(server.pid(), floorJfr, "JFR.dump");
            double[] staticFloor = floor(server.pid(), port, "/css/ishenim.css", null, doses);
            server.destroy();
            server.waitFor();
            double raw = rawInsertRate(rawUrl, user, password, 5);
            double hot = hotRowRate(rawUrl, user, password, 5);
            return String.format(Locale.ROOT, "%-30s doses: %d in %.1f s = %.0f doses/s, p50 %.1f ms, p99 %.1f ms (p90 %.1f, p95 %.1f, max %.1f) | raw JDBC"
                    + " insert+commit (32 threads): %.0f rows/s | ratio %.3f | raw insert + one shared balance-row update + commit (the ceiling of one balance row): %.0f/s (%.3f of the raw rate)"
                    + " | CPU per dose: server JVM %.2f ms, database %.2f ms, load generator %.2f ms | for comparison, an"
                    + " authenticated GET /api/v1/stock/sites: %.0f requests/s (%.3f of the raw rate), server JVM %.2f ms"
                    + " each; a static file: %.0f requests/s (%.3f of the raw rate), server JVM %.2f ms each | load"
                    + " average %.1f on %d cores",
                    name, doses, seconds, rate, p50, p99, latencies[(int) (doses * 0.90)] / 1e6,
                    latencies[(int) (doses * 0.95)] / 1e6, latencies[doses - 1] / 1e6, raw, rate / raw, hot, hot / raw, used[0] / doses, used[1] / doses,
                    used[2] / doses, apiFloor[0], apiFloor[0] / raw, apiFloor[1], staticFloor[0], staticFloor[0] / raw,
                    staticFloor[1], load, os.getAvailableProcessors());
        } finally {
            server.destroyForcibly();
        }
    }

    /** Requests/s and server CPU ms per request of {@code n} GETs from 32 clients, after 4n to warm up. */
    static double[] floor(long pid, int port, String path, String authorization, int n) throws Exception {
        parallel(port, 4 * n, (wire, i) -> expect(wire.get(path, authorization), 200));
        var cpu = new CpuTimes(pid);
        long start = System.nanoTime();
        parallel(port, n, (wire, i) -> expect(wire.get(path, authorization), 200));
        double rate = n / ((System.nanoTime() - start) / 1e9);
        return new double[] {rate, cpu.since()[0] / n};
    }

    /** Writes each measured dose's start (ms from the first) and latency (ms) as CSV; nothing when file is null. */
    static void writeTimeline(String file, long[] starts, long[] latencies) throws java.io.IOException {
        if (file == null) {
            return;
        }
        var out = new StringBuilder("start_ms,latency_ms\n");
        for (int i = 0; i < starts.length; i++) {
            out.append(String.format(Locale.ROOT, "%.2f,%.2f%n", starts[i] / 1e6, latencies[i] / 1e6));
        }
        Files.writeString(java.nio.file.Path.of(file), out);
    }

    /** Runs a JFR {@code jcmd} command against the server, naming {@code file}; nothing when file is null. */
    static void jcmdJfr(long pid, String file, String... command) throws Exception {
        if (file == null) {
            return;
        }
        List<String> cmd = new ArrayList<>(List.of(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd")
                .toString(), Long.toString(pid)));
        cmd.addAll(List.of(command));
        cmd.add("filename=" + file);
        new ProcessBuilder(cmd).inheritIO().start().waitFor();
    }

    /**
     * The server as a child JVM: the built jar when there is one, else the test class path. {@code BENCH_JVM_ARGS}
     * (e.g. "-XX:+UseSerialGC") and {@code BENCH_SERVER_ARGS} (e.g. "--ishenim.web.max-active-requests=8") add
     * options for experiments.
     */
    static Process startServer(String url, String user, String password, java.nio.file.Path dir, int port)
            throws java.io.IOException {
        List<String> jvm = new ArrayList<>(List.of("-Xmx1g"));
        jvm.addAll(ChildJvm.fromEnvironment("BENCH_JVM_ARGS"));
        List<String> args = new ArrayList<>(List.of("--server.port=" + port));
        args.addAll(ChildJvm.database(url, user, password, dir));
        args.addAll(List.of("--ishenim.oat.absence.cron=-", "--spring.profiles.active=demo", "--ishenim.demo.clients=0",
                "--logging.level.root=WARN", "--spring.main.banner-mode=off"));
        args.addAll(ChildJvm.fromEnvironment("BENCH_SERVER_ARGS"));
        System.out.println("server: " + (Files.exists(ChildJvm.JAR) ? "java -jar " + ChildJvm.JAR : "class path") + " on "
                + url.replaceAll(";.*", ""));
        return new ProcessBuilder(ChildJvm.ishenim(true, jvm, args)).redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile()).start();
    }

    /** CPU seconds (as ms) used by the server JVM, the PostgreSQL processes and this JVM since construction. */
    static final class CpuTimes {
        private final long server;
        private final double[] start;

        CpuTimes(long server) throws java.io.IOException {
            this.server = server;
            this.start = now();
            this.threadsAtStart = threads();
        }

        private final java.util.Map<String, Double> threadsAtStart;

        /**
         * Waits (up to 60 s) until the server's JIT compiler threads use less than 5% of a core: during the
         * warm-up they compete with 32 request threads for two cores and fall behind; a server that has run for
         * a while has caught up. Returns the seconds waited.
         */
        static double awaitCompilerIdle(long server) throws Exception {
            var cpu = new CpuTimes(server);
            long start = System.nanoTime();
            for (int i = 0; i < 60; i++) {
                double before = cpu.compiler();
                Thread.sleep(1000);
                if (cpu.compiler() - before < 50) {
                    break;
                }
            }
            return (System.nanoTime() - start) / 1e9;
        }

        private double compiler() {
            return threads().entrySet().stream().filter(e -> e.getKey().contains("Compiler"))
                    .mapToDouble(java.util.Map.Entry::getValue).sum();
        }

        /** Server CPU ms by thread kind (request threads, JIT compiler, GC...) since construction. */
        String threadBreakdown() {
            var now = threads();
            var out = new StringBuilder();
            now.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue() - threadsAtStart.getOrDefault(b.getKey(), 0.0),
                    a.getValue() - threadsAtStart.getOrDefault(a.getKey(), 0.0))).limit(6).forEach(e -> out.append(String.format(
                    Locale.ROOT, "%s %.0f ms; ", e.getKey(), e.getValue() - threadsAtStart.getOrDefault(e.getKey(), 0.0))));
            return out.toString();
        }

        private java.util.Map<String, Double> threads() {
            var byKind = new java.util.HashMap<String, Double>();
            var tasks = java.nio.file.Path.of("/proc", Long.toString(server), "task").toFile().listFiles();
            for (var task : tasks == null ? new java.io.File[0] : tasks) {
                try {
                    String text = Files.readString(task.toPath().resolve("stat"));
                    String name = text.substring(text.indexOf('(') + 1, text.lastIndexOf(')')).replaceAll("[0-9#-]+", "N");
                    byKind.merge(name, ticks(text), Double::sum);
                } catch (java.io.IOException e) {
                    // the thread ended
                }
            }
            return byKind;
        }

        double[] since() throws java.io.IOException {
            double[] end = now();
            return new double[] {end[0] - start[0], end[1] - start[1], end[2] - start[2]};
        }

        private double[] now() throws java.io.IOException {
            double postgres = 0;
            for (var p : ProcessHandle.allProcesses().toList()) {
                var stat = java.nio.file.Path.of("/proc", Long.toString(p.pid()), "stat");
                try {
                    String text = Files.readString(stat);
                    if (text.contains("(postgres)")) {
                        postgres += ticks(text);
                    }
                } catch (java.io.IOException e) {
                    // the process ended
                }
            }
            double self = ticks(Files.readString(java.nio.file.Path.of("/proc/self/stat")));
            double srv = ticks(Files.readString(java.nio.file.Path.of("/proc", Long.toString(server), "stat")));
            return new double[] {srv, postgres, self};
        }

        /** utime + stime of a /proc stat line, in ms (100 ticks per second on Linux). */
        private static double ticks(String stat) {
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0;
        }
    }

    /** Distinct parents' initials per client, so that concurrent enrolments do not compete for one UIC. */
    static String name(int i, String tail) {
        String l = "abcdefghijklmnopqrstuvwxyz";
        return Character.toUpperCase(l.charAt(i % 26)) + "" + l.charAt((i / 26) % 26) + tail;
    }

    static void dose(Wire wire, String nurse, String client) throws java.io.IOException {
        expect(wire.post("/api/v1/dispensings", nurse, UUID.randomUUID().toString(), """
                {"clientId":"%s","doseMg":"30","observed":true}""".formatted(client)), 201);
    }

    static String expect(Wire.Response r, int status) {
        if (r.status() != status) {
            throw new IllegalStateException("answered " + r.status() + ": " + r.body());
        }
        return r.body();
    }

    /** 32 threads, each on its own connection, insert one row and commit, for {@code seconds}. */
    static double rawInsertRate(String url, String user, String password, int seconds) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.createStatement().execute("CREATE TABLE bench_raw (id BIGINT PRIMARY KEY, v VARCHAR(40))");
        }
        var ids = new AtomicLong();
        return perConnectionRate(url, user, password, seconds, c -> {
            PreparedStatement ps = c.prepareStatement("INSERT INTO bench_raw (id, v) VALUES (?, ?)");
            return () -> {
                ps.setLong(1, ids.incrementAndGet());
                ps.setString(2, "x");
                ps.executeUpdate();
            };
        });
    }

    /**
     * The ceiling of any design that keeps one balance row per site and medicine: 32 threads each insert a row
     * (as a dose inserts its ledger line), then update the same balance row and commit. The row lock is held
     * only from the update to the commit, the least a balance that may never go negative can hold it; every
     * dose at the site does at least this, so no dosing rate can exceed this rate.
     */
    static double hotRowRate(String url, String user, String password, int seconds) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.createStatement().execute("CREATE TABLE bench_balance (id INT PRIMARY KEY, mg BIGINT)");
            c.createStatement().execute("INSERT INTO bench_balance VALUES (1, 0)");
            c.createStatement().execute(
                    "CREATE TABLE bench_line (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, mg BIGINT)");
        }
        return perConnectionRate(url, user, password, seconds, c -> {
            var insert = c.prepareStatement("INSERT INTO bench_line (mg) VALUES (1)");
            var update = c.prepareStatement("UPDATE bench_balance SET mg = mg + 1 WHERE id = 1");
            return () -> {
                insert.executeUpdate();
                update.executeUpdate();
            };
        });
    }

    /** One unit of work in a transaction; the harness commits after it. */
    interface Transaction {
        void run() throws Exception;
    }

    /** Prepares a connection's statements and returns the transaction to repeat on it. */
    interface PerConnection {
        Transaction prepare(Connection c) throws Exception;
    }

    /**
     * {@link #THREADS} threads, each on its own connection, repeat a transaction and commit it for
     * {@code seconds}; returns commits per second.
     */
    static double perConnectionRate(String url, String user, String password, int seconds, PerConnection work)
            throws Exception {
        var count = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        var done = new CountDownLatch(THREADS);
        for (int t = 0; t < THREADS; t++) {
            new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url, user, password)) {
                    c.setAutoCommit(false);
                    Transaction tx = work.prepare(c);
                    while (System.nanoTime() < end) {
                        tx.run();
                        c.commit();
                        count.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        return count.get() / (double) seconds;
    }

    interface Task {
        void run(Wire wire, int i) throws Exception;
    }

    /** {@link #THREADS} threads, each with its own kept-alive connection, share {@code n} tasks. */
    static void parallel(int port, int n, Task task) throws InterruptedException {
        var next = new AtomicInteger();
        var errors = new ConcurrentLinkedQueue<Throwable>();
        var done = new CountDownLatch(THREADS);
        for (int t = 0; t < THREADS; t++) {
            new Thread(() -> {
                try (var wire = new Wire("localhost", port)) {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        task.run(wire, i);
                    }
                } catch (Throwable e) {
                    errors.add(e);
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        if (!errors.isEmpty()) {
            throw new IllegalStateException(errors.size() + " failures, first: " + errors.peek(), errors.peek());
        }
    }
}
