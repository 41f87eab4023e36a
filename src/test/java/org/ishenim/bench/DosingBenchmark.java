package org.ishenim.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.ishenim.IshenimApplication;
import org.ishenim.staff.StaffAccounts;
import org.ishenim.testing.Databases;
import org.ishenim.web.Roles;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The dosing benchmark (not a test): the server on PostgreSQL and on H2, 32 concurrent HTTP clients
 * recording doses for different clients (POST /api/v1/dispensings, each a full audited transaction with its
 * ledger line), then the same database's raw rate of single-row JDBC insert-and-commit from 32 threads.
 * Prints doses/s, p50 and p99 latency and our rate as a ratio to the raw one.
 *
 * <p>Run: {@code bench/dosing.sh [h2|pg|both] [doses]}
 */
public final class DosingBenchmark {

    static final int THREADS = 32;
    static final String PASSWORD = "bench-password-1";

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "both";
        int doses = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        List<String> results = new ArrayList<>();
        if (!which.equals("h2")) {
            String url = Databases.newPostgresDatabase();
            results.add(run("PostgreSQL (embedded, zonky)", url, "postgres", "postgres", doses));
        }
        if (!which.equals("pg")) {
            var dir = Files.createTempDirectory("ishenim-bench");
            String url = "jdbc:h2:file:" + dir + "/bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
            results.add(run("H2 (file, WRITE_DELAY=0)", url, "ishenim", "", doses));
        }
        System.out.println();
        results.forEach(System.out::println);
        System.exit(0);
    }

    static String run(String name, String url, String user, String password, int doses) throws Exception {
        var dir = Files.createTempDirectory("ishenim-bench-data");
        var app = new SpringApplication(IshenimApplication.class);
        ConfigurableApplicationContext context = app.run("--server.port=0", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
                "--ishenim.data-dir=" + dir, "--ishenim.master-key.generate=true", "--ishenim.oat.absence.cron=-",
                "--logging.level.root=WARN", "--spring.main.banner-mode=off");
        try {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            var staff = context.getBean(StaffAccounts.class);
            staff.create("bench-nurse", Roles.NURSE, PASSWORD, true);
            staff.create("bench-doctor", Roles.DOCTOR, PASSWORD, true);
            staff.create("bench-pharmacist", Roles.PHARMACIST, PASSWORD, true);
            var http = new Http(port);
            http.post("bench-pharmacist", "/api/v1/stock/receipts", """
                    {"site":"main","medicine":"METHADONE_ORAL_10MG_ML","amountMg":"100000000","supplier":"bench","batch":"B"}""", null, 201);
            int warmup = 300;
            int total = doses + warmup;
            String[] clients = new String[total];
            long t0 = System.nanoTime();
            parallel(total, i -> {
                String body = http.post("bench-doctor", "/api/v1/clients", """
                        {"sex":"%s","birthYear":%d,"motherFirstName":"%s","fatherFirstName":"%s","alias":"bench %d",
                         "identityConsent":false,"consents":["TREATMENT"]}""".formatted(i % 2 == 0 ? "M" : "F", 1960 + i % 40,
                        name(i, "ra"), name(i / 676, "ek"), i),
                        null, 201);
                clients[i] = body.replaceAll("(?s).*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1");
                http.post("bench-doctor", "/api/v1/prescriptions", """
                        {"clientId":"%s","medicine":"METHADONE_ORAL_10MG_ML","dailyDoseMg":"30"}""".formatted(clients[i]), null, 201);
            });
            System.out.printf("%s: %d clients enrolled and prescribed in %.1f s%n", name, total,
                    (System.nanoTime() - t0) / 1e9);
            parallel(warmup, i -> dose(http, clients[i]));
            long[] latencies = new long[doses];
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long start = System.nanoTime();
            parallel(doses, i -> {
                long s = System.nanoTime();
                dose(http, clients[warmup + i]);
                latencies[i] = System.nanoTime() - s;
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuPerDose = (os.getProcessCpuTime() - cpu0) / 1e6 / doses;
            double load = os.getSystemLoadAverage();
            Arrays.sort(latencies);
            double rate = doses / seconds;
            double p50 = latencies[doses / 2] / 1e6;
            double p99 = latencies[(int) (doses * 0.99)] / 1e6;
            double raw = rawInsertRate(url, user, password, 5);
            double hot = hotRowRate(url, user, password, 5);
            return String.format("%-30s doses: %d in %.1f s = %.0f doses/s, p50 %.1f ms, p99 %.1f ms | raw JDBC insert+commit"
                    + " (32 threads): %.0f rows/s | ratio %.2f | raw hot-row lock+insert+update+commit (the audit_head"
                    + " pattern): %.0f/s | JVM CPU per dose (server + HTTP clients%s): %.1f ms | load average %.1f on %d cores",
                    name, doses, seconds, rate, p50, p99, raw, rate / raw, hot, url.startsWith("jdbc:h2") ? " + H2" : "",
                    cpuPerDose, load, os.getAvailableProcessors());
        } finally {
            context.close();
        }
    }

    /** Distinct parents' initials per client, so that concurrent enrolments do not compete for one UIC. */
    static String name(int i, String tail) {
        String l = "abcdefghijklmnopqrstuvwxyz";
        return Character.toUpperCase(l.charAt(i % 26)) + "" + l.charAt((i / 26) % 26) + tail;
    }

    static void dose(Http http, String client) {
        http.post("bench-nurse", "/api/v1/dispensings", """
                {"clientId":"%s","doseMg":"30","observed":true}""".formatted(client), UUID.randomUUID().toString(), 201);
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
     * The ceiling any design with one global lock row has: 32 threads each lock the same row
     * ({@code SELECT ... FOR UPDATE}), insert a row, update the locked row and commit, as every audited
     * transaction does with {@code audit_head}.
     */
    static double hotRowRate(String url, String user, String password, int seconds) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.createStatement().execute("CREATE TABLE bench_head (id INT PRIMARY KEY, seq BIGINT)");
            c.createStatement().execute("INSERT INTO bench_head VALUES (1, 0)");
            c.createStatement().execute("CREATE TABLE bench_chain (seq BIGINT PRIMARY KEY, v VARCHAR(64))");
        }
        return perConnectionRate(url, user, password, seconds, c -> {
            var lock = c.prepareStatement("SELECT seq FROM bench_head WHERE id = 1 FOR UPDATE");
            var insert = c.prepareStatement("INSERT INTO bench_chain (seq, v) VALUES (?, 'x')");
            var update = c.prepareStatement("UPDATE bench_head SET seq = ? WHERE id = 1");
            return () -> {
                long seq;
                try (var rs = lock.executeQuery()) {
                    rs.next();
                    seq = rs.getLong(1) + 1;
                }
                insert.setLong(1, seq);
                insert.executeUpdate();
                update.setLong(1, seq);
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
        void run(int i) throws Exception;
    }

    static void parallel(int n, Task task) throws InterruptedException {
        var next = new AtomicInteger();
        var errors = new ConcurrentLinkedQueue<Throwable>();
        var done = new CountDownLatch(THREADS);
        for (int t = 0; t < THREADS; t++) {
            new Thread(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        task.run(i);
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

    static final class Http {
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final String base;

        Http(int port) {
            base = "http://localhost:" + port;
        }

        String post(String user, String path, String json, String key, int expected) {
            var b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(json));
            if (key != null) {
                b.header("Idempotency-Key", key);
            }
            try {
                var r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != expected) {
                    throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
                }
                return r.body();
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
