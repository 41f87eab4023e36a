package org.ishenim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar's database commands against a real H2 file database, as an operator runs them:
 * {@code admin create} (password on standard input) and {@code audit verify}.
 */
class CommandsTest {

    @TempDir Path dir;

    int run(String stdin, ByteArrayOutputStream out, String... args) {
        InputStream oldIn = System.in;
        PrintStream oldOut = System.out;
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            String[] all = new String[args.length + 2];
            System.arraycopy(args, 0, all, 0, args.length);
            all[args.length] = "--ishenim.data-dir=" + dir;
            all[args.length + 1] = "--ishenim.master-key.generate=true";
            return IshenimApplication.runCommand(all);
        } finally {
            System.setIn(oldIn);
            System.setOut(oldOut);
        }
    }

    @Test
    void anAdminIsCreatedWithThePasswordFromStandardInput() throws Exception {
        var out = new ByteArrayOutputStream();
        assertThat(run("a-long-password\n", out, "admin", "create", "--username", "root")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("root").doesNotContain("a-long-password");
        String hash;
        try (var c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("ishenim") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "ishenim", "");
             var rs = c.createStatement().executeQuery("SELECT password_hash, role FROM staff_user WHERE username = 'root'")) {
            assertThat(rs.next()).isTrue();
            hash = rs.getString(1);
            assertThat(rs.getString(2)).isEqualTo("ADMIN");
        }
        assertThat(hash).startsWith("{argon2}").doesNotContain("a-long-password");
        assertThat(run("another-password\n", new ByteArrayOutputStream(), "admin", "create", "--username", "root")).isEqualTo(2);
        assertThat(run("short\n", new ByteArrayOutputStream(), "admin", "create", "--username", "other")).isEqualTo(2);
    }

    @Test
    void auditVerifyNeedsNoMasterKey() {
        var out = new ByteArrayOutputStream();
        InputStream oldIn = System.in;
        PrintStream oldOut = System.out;
        try {
            System.setIn(new ByteArrayInputStream(new byte[0]));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(IshenimApplication.runCommand(new String[] {"audit", "verify", "--ishenim.data-dir=" + dir}))
                    .isZero();
        } finally {
            System.setIn(oldIn);
            System.setOut(oldOut);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("valid: true");
    }

    @Test
    void auditVerifyReportsTheChainAndNamesTheFirstBadEntry() throws Exception {
        var app = new org.springframework.boot.SpringApplication(IshenimApplication.class);
        app.setWebApplicationType(org.springframework.boot.WebApplicationType.NONE);
        try (var context = app.run("--ishenim.data-dir=" + dir, "--ishenim.master-key.generate=true")) {
            org.ishenim.testing.Acting.as("nurse", "NURSE");
            var records = context.getBean(org.ishenim.clients.ClientRecords.class);
            var client = records.enrol(new org.ishenim.clients.Enrolment(org.ishenim.clients.Sex.M, 1980, "Aigul", "Bakyt",
                    "cli", null, false, java.util.Set.of()));
            records.view(client.id());
            records.view(client.id());
        } finally {
            org.ishenim.testing.Acting.nobody();
        }
        var out = new ByteArrayOutputStream();
        assertThat(run("", out, "audit", "verify")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("valid: true").contains("entries: 3").contains("head: ");

        String url = "jdbc:h2:file:" + dir.resolve("ishenim") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (var c = DriverManager.getConnection(url, "ishenim", "")) {
            c.createStatement().executeUpdate("UPDATE audit_entry SET purpose = 'edited' WHERE seq = 2");
        }
        var broken = new ByteArrayOutputStream();
        assertThat(run("", broken, "audit", "verify")).isEqualTo(1);
        assertThat(broken.toString(StandardCharsets.UTF_8)).contains("valid: false").contains("first bad sequence number: 2");
    }

    @Test
    void aCommandThatCannotStartExitsWith2NotWithTheTamperedCode() {
        var out = new ByteArrayOutputStream();
        int code = run("", out, "audit", "verify", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere",
                "--spring.datasource.hikari.connection-timeout=1000", "--spring.datasource.hikari.initialization-fail-timeout=1");
        assertThat(code).isEqualTo(2);
    }
}
