package org.ishenim.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ishenim.testing.Databases;

/**
 * Crash safety (not a test; {@code bench/crash-safety.sh}). Starts the server as a child JVM on a database,
 * with the demo clinic, puts it under a concurrent dosing load, kills it with SIGKILL, restarts it, and
 * checks that every dose it acknowledged exists with its ledger line and audit entry, that every ledger
 * balances, and that {@code audit verify} passes. Run on PostgreSQL (embedded) and on H2 (file).
 */
public final class CrashSafety {

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final Pattern PROPOSED = Pattern.compile("\"clientId\"\\s*:\\s*\"([0-9a-f-]{36})\"[^{}]*?\"proposed\"\\s*:\\s*([0-9.]+)");

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "both";
        List<String> results = new ArrayList<>();
        if (!which.equals("h2")) {
            String url = Databases.newPostgresDatabase();
            results.add(run("PostgreSQL", url, "postgres", "postgres"));
        }
        if (!which.equals("pg")) {
            Path dir = Files.createTempDirectory("ishenim-crash-h2");
            String url = "jdbc:h2:file:" + dir + "/crash;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
            results.add(run("H2", url, "ishenim", ""));
        }
        System.out.println();
        results.forEach(System.out::println);
        System.exit(results.stream().allMatch(r -> r.contains("PASS")) ? 0 : 1);
    }

    static String run(String name, String url, String user, String password) throws Exception {
        Path data = Files.createTempDirectory("ishenim-crash-data");
        int port = 18000 + (int) (Math.random() * 2000);
        Process server = start(url, user, password, data, port, "demo");
        waitUp(port);
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String queue = send(http, port, "nurse", "GET", "/api/v1/dosing/queue", null, null).body();
        Map<String, String> due = new ConcurrentHashMap<>();
        Matcher m = PROPOSED.matcher(queue);
        while (m.find()) {
            due.put(m.group(1), m.group(2));
        }
        List<String> clients = new ArrayList<>(due.keySet());
        System.out.printf("%s: %d clients due; dosing with 16 threads, then SIGKILL%n", name, clients.size());
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        var next = new AtomicInteger();
        var stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            var th = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < clients.size() && !stop.get(); i = next.getAndIncrement()) {
                    String c = clients.get(i);
                    try {
                        var r = send(http, port, "nurse", "POST", "/api/v1/dispensings",
                                "{\"clientId\":\"" + c + "\",\"doseMg\":\"" + plain(due.get(c)) + "\"}", UUID.randomUUID().toString());
                        if (r.statusCode() == 201) {
                            Matcher id = ID.matcher(r.body());
                            if (id.find()) {
                                acknowledged.put(id.group(1), c);
                            }
                        }
                    } catch (Exception e) {
                        // the server was killed mid-request: this dose was not acknowledged
                    }
                }
            });
            th.start();
            threads.add(th);
        }
        while (acknowledged.size() < Math.min(60, clients.size() / 3)) {
            Thread.sleep(20);
        }
        server.destroyForcibly(); // SIGKILL on Linux
        server.waitFor();
        stop.set(true);
        for (Thread th : threads) {
            th.join();
        }
        int acked = acknowledged.size();
        System.out.printf("%s: killed with %d doses acknowledged; restarting%n", name, acked);
        Process again = start(url, user, password, data, port, "demo");
        waitUp(port);
        String after = send(http, port, "nurse", "GET", "/api/v1/dosing/queue", null, null).body();
        again.destroy();
        again.waitFor();

        List<String> failures = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            for (var e : acknowledged.entrySet()) {
                UUID id = UUID.fromString(e.getKey());
                if (count(c, "SELECT COUNT(*) FROM dispensing WHERE id = ?", id) != 1) {
                    failures.add("dispensing missing " + id);
                }
                if (count(c, "SELECT COUNT(*) FROM stock_entry WHERE dispensing_id = ?", id) != 1) {
                    failures.add("ledger line missing " + id);
                }
                if (count(c, "SELECT (SELECT COUNT(*) FROM audit_entry WHERE action = 'dose.dispense' AND client_id = ?)"
                        + " + (SELECT COUNT(*) FROM audit_pending WHERE action = 'dose.dispense' AND client_id = ?)",
                        UUID.fromString(e.getValue())) < 1) {
                    failures.add("audit entry missing " + id);
                }
            }
            long dispensings = count(c, "SELECT COUNT(*) FROM dispensing", null);
            long ledger = count(c, "SELECT COUNT(*) FROM stock_entry WHERE kind = 'DISPENSING'", null);
            long audited = count(c, "SELECT (SELECT COUNT(*) FROM audit_entry WHERE action = 'dose.dispense')"
                    + " + (SELECT COUNT(*) FROM audit_pending WHERE action = 'dose.dispense')", null);
            if (dispensings != ledger || dispensings != audited) {
                failures.add("dispensings " + dispensings + ", ledger lines " + ledger + ", audit entries " + audited);
            }
            try (ResultSet rs = c.createStatement().executeQuery("""
                    SELECT b.site_code, b.medicine, b.balance_mg,
                           (SELECT COALESCE(SUM(e.delta_mg), 0) FROM stock_entry e WHERE e.site_code = b.site_code AND e.medicine = b.medicine),
                           (SELECT e.balance_after_mg FROM stock_entry e WHERE e.id = (SELECT MAX(x.id) FROM stock_entry x
                                WHERE x.site_code = b.site_code AND x.medicine = b.medicine))
                    FROM stock_balance b""")) {
                while (rs.next()) {
                    var balance = rs.getBigDecimal(3);
                    if (balance.compareTo(rs.getBigDecimal(4)) != 0
                            || (rs.getBigDecimal(5) != null && balance.compareTo(rs.getBigDecimal(5)) != 0) || balance.signum() < 0) {
                        failures.add("ledger does not balance: " + rs.getString(1) + " " + rs.getString(2));
                    }
                }
            }
        }
        int verify = audit(url, user, password, data);
        if (verify != 0) {
            failures.add("audit verify exit code " + verify);
        }
        if (!after.contains("\"status\"")) {
            failures.add("restarted server did not answer the queue");
        }
        return String.format("%-10s %s: %d acknowledged doses before SIGKILL; all present with ledger and audit entries: %s; "
                + "ledgers balance; audit verify exit %d%s", name, failures.isEmpty() ? "PASS" : "FAIL", acked,
                failures.isEmpty() ? "yes" : "no", verify, failures.isEmpty() ? "" : " " + failures.subList(0, Math.min(5, failures.size())));
    }

    static long count(Connection c, String sql, UUID param) throws Exception {
        try (var ps = c.prepareStatement(sql)) {
            for (int i = 1; param != null && i <= ps.getParameterMetaData().getParameterCount(); i++) {
                ps.setObject(i, param);
            }
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static String plain(String n) {
        return new java.math.BigDecimal(n).stripTrailingZeros().toPlainString();
    }

    static Process start(String url, String user, String password, Path data, int port, String profile) throws Exception {
        List<String> args = new ArrayList<>(List.of("--server.port=" + port));
        args.addAll(ChildJvm.database(url, user, password, data));
        args.addAll(List.of("--ishenim.demo.clients=300", "--logging.level.root=WARN"));
        if (profile != null) {
            args.add("--spring.profiles.active=" + profile);
        }
        return new ProcessBuilder(ChildJvm.ishenim(false, List.of("-Xmx512m"), args)).redirectErrorStream(true)
                .redirectOutput(data.resolve("server.log").toFile()).start();
    }

    static int audit(String url, String user, String password, Path data) throws Exception {
        List<String> args = new ArrayList<>(List.of("audit", "verify"));
        args.addAll(ChildJvm.database(url, user, password, data));
        var p = new ProcessBuilder(ChildJvm.ishenim(false, List.of(), args)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        System.out.print(out.lines().filter(l -> l.startsWith("valid") || l.startsWith("entries") || l.startsWith("first")
                || l.startsWith("reason")).map(l -> "  audit verify: " + l + "\n").reduce("", String::concat));
        return code;
    }

    static void waitUp(int port) throws Exception {
        var http = HttpClient.newHttpClient();
        long end = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < end) {
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (Exception e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("server did not start");
    }

    static HttpResponse<String> send(HttpClient http, int port, String user, String method, String path, String json, String key)
            throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
