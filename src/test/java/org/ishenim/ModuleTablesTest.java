package org.ishenim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No module's SQL names another module's table: a module reads another's data through that module's API (a batched
 * call where it reads many rows), so each table has one module that knows its columns. Each table is declared here
 * with its owner; a table added to a migration without an owner fails {@link #everyTableHasOneOwner}.
 *
 * <p>What counts as SQL: a Java string literal or text block (comments are skipped), or a template's text, in which
 * a table's name follows {@code FROM}, {@code JOIN}, {@code INTO}, {@code UPDATE}, {@code TABLE} or a comma of a
 * {@code FROM} list (SQL keywords are in capitals, as everywhere in the code). Column names such as
 * {@code client_id} are not table names. The migrations themselves (foreign keys across modules) are not checked.
 */
class ModuleTablesTest {

    static final Path JAVA = Path.of("src/main/java/org/ishenim");
    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** Each module's tables: the only module whose SQL may name them. */
    static final Map<String, Set<String>> TABLES = Map.ofEntries(
            Map.entry("audit", Set.of("audit_entry", "audit_head", "audit_pending")),
            Map.entry("staff", Set.of("staff_user")),
            Map.entry("clients", Set.of("client", "client_key", "client_identity", "consent", "shred_key",
                    "shred_key_rotation")),
            Map.entry("stock", Set.of("site", "stock_balance", "stock_entry", "stock_signoff")),
            Map.entry("prescriptions", Set.of("prescription", "prescription_version")),
            Map.entry("dosing", Set.of("dispensing", "dose_day", "bottle_return", "absence", "absence_reason",
                    "oat_job_state", "idempotency_key")),
            Map.entry("duplicates", Set.of("duplicate_check", "duplicate_candidate", "duplicate_outbox")),
            Map.entry("hub", Set.of("hub_site", "hub_encoding", "hub_encoding_configuration")),
            Map.entry("indicators", Set.of("monthly_report", "monthly_report_cell", "monthly_report_bound",
                    "monthly_report_exclusion", "hub_monthly_report", "hub_monthly_report_cell",
                    "hub_monthly_report_bound", "hub_population_estimate", "hub_population_estimate_history",
                    "monthly_report_tdi", "monthly_report_tdi_cell", "hub_monthly_report_tdi",
                    "hub_monthly_report_tdi_cell", "monthly_report_without_check",
                    "hub_monthly_report_without_check")),
            // Spring Modulith's Event Publication Registry: written through its API only, by any module
            Map.entry("(event publication registry)", Set.of("event_publication")),
            Map.entry("reform", Set.of("reform_import", "reform_sentence", "reform_registry", "reform_oat",
                    "reform_recommendation", "reform_provision", "reform_provision_correction", "reform_status_change",
                    "reform_visit", "reform_meeting", "reform_commitment", "reform_commitment_change")),
            Map.entry("intake", Set.of("treatment_entry")));

    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)");
    private static final Pattern TABLE_AFTER = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+(\\w+)");
    private static final Pattern FROM_LIST = Pattern.compile("\\bFROM\\s+\\w+(?:\\s+(?:AS\\s+)?\\w+)?((?:\\s*,\\s*\\w+(?:\\s+(?:AS\\s+)?\\w+)?)+)");
    private static final Pattern SQL_STRING = Pattern.compile("'[^']*'");
    private static final Pattern LISTED = Pattern.compile(",\\s*(\\w+)");

    @Test
    void everyTableHasOneOwner() throws IOException {
        Set<String> created = new TreeSet<>();
        for (Path sql : files(MIGRATIONS, ".sql")) {
            Matcher m = CREATE_TABLE.matcher(Files.readString(sql, StandardCharsets.UTF_8));
            while (m.find()) {
                created.add(m.group(1).toLowerCase());
            }
        }
        List<String> owned = TABLES.values().stream().flatMap(Set::stream).sorted().toList();
        assertThat(owned).as("a table declared by two modules").doesNotHaveDuplicates();
        assertThat(new TreeSet<>(owned)).as("the tables of the migrations, each with its owning module in TABLES")
                .isEqualTo(created);
    }

    @Test
    void noModuleNamesAnotherModulesTableInSql() throws IOException {
        List<String> crossings = new ArrayList<>();
        for (Path file : files(JAVA, ".java")) {
            if (read(file).contains(" implements JavaMigration")) {
                continue; // a Flyway migration runs before any module exists, like the SQL migrations (not checked)
            }
            String module = moduleOf(JAVA.relativize(file));
            crossings.addAll(crossings(JAVA.relativize(file).toString(), module, literals(read(file))));
        }
        for (Path file : files(TEMPLATES, ".html")) {
            String module = moduleOf(TEMPLATES.relativize(file));
            crossings.addAll(crossings("templates/" + TEMPLATES.relativize(file), module, List.of(new Text(1, read(file)))));
        }
        assertThat(crossings).as("SQL naming another module's table: read it through that module's API instead")
                .isEmpty();
    }

    @Test
    void findsATableOfAnotherModuleInALiteralOrTextBlockButNotInACommentOrAColumn() {
        String source = """
                /** Reads FROM client, as a comment may say. */
                class X {
                    String a = "SELECT client_id, consent_id FROM dose_day WHERE client_id = :c";
                    String b = \"""
                            SELECT d.* FROM dispensing d
                            JOIN client c ON c.id = d.client_id
                            \""";
                    String c = "SELECT 1 FROM dose_day t, prescription p WHERE \\"x\\" = 'FROM site'";
                    char q = '"';
                    String d = "INSERT INTO consent (id) VALUES (:id)"; // UPDATE stock_entry
                }
                """;
        assertThat(crossings("X.java", "dosing", literals(source))).containsExactly(
                "X.java:4 names table client of clients", "X.java:8 names table prescription of prescriptions",
                "X.java:10 names table consent of clients");
    }

    /** A text that may hold SQL and the line it starts on. */
    record Text(int line, String text) {
    }

    /** Each table of another module that the texts name in SQL, as "file:line names table t of owner". */
    static List<String> crossings(String file, String module, List<Text> texts) {
        List<String> found = new ArrayList<>();
        for (Text text : texts) {
            for (String table : tablesNamed(text.text())) {
                String owner = ownerOf(table);
                if (owner != null && !owner.equals(module)) {
                    found.add(file + ":" + text.line() + " names table " + table + " of " + owner);
                }
            }
        }
        return found;
    }

    /** The names that SQL in the text uses as tables, in order of appearance. */
    static List<String> tablesNamed(String sql) {
        List<String> names = new ArrayList<>();
        String text = SQL_STRING.matcher(sql).replaceAll("''");
        Matcher after = TABLE_AFTER.matcher(text);
        while (after.find()) {
            names.add(after.group(1));
        }
        Matcher list = FROM_LIST.matcher(text);
        while (list.find()) {
            Matcher listed = LISTED.matcher(list.group(1));
            while (listed.find()) {
                names.add(listed.group(1));
            }
        }
        return names;
    }

    static String ownerOf(String table) {
        return TABLES.entrySet().stream().filter(e -> e.getValue().contains(table)).map(Map.Entry::getKey).findFirst()
                .orElse(null);
    }

    /** The contents of the string literals and text blocks of Java source, comments and char literals skipped. */
    static List<Text> literals(String java) {
        List<Text> literals = new ArrayList<>();
        int i = 0;
        int n = java.length();
        while (i < n) {
            if (java.startsWith("//", i)) {
                i = lineEnd(java, i);
            } else if (java.startsWith("/*", i)) {
                int end = java.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (java.startsWith("\"\"\"", i)) {
                int end = java.indexOf("\"\"\"", i + 3);
                while (end > 0 && java.charAt(end - 1) == '\\') {
                    end = java.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? n : end;
                literals.add(new Text(line(java, i), java.substring(i + 3, end)));
                i = Math.min(n, end + 3);
            } else if (java.charAt(i) == '"' || java.charAt(i) == '\'') {
                char quote = java.charAt(i);
                StringBuilder literal = new StringBuilder();
                int j = i + 1;
                while (j < n && java.charAt(j) != quote) {
                    if (java.charAt(j) == '\\' && j + 1 < n) {
                        literal.append(java.charAt(j + 1));
                        j += 2;
                    } else {
                        literal.append(java.charAt(j++));
                    }
                }
                if (quote == '"') {
                    literals.add(new Text(line(java, i), literal.toString()));
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    private static int line(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    private static int lineEnd(String text, int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end;
    }

    /** The module a file belongs to: its first directory; a file at the top belongs to no module. */
    private static String moduleOf(Path relative) {
        return relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().collect(Collectors.toList());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
