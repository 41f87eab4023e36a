package org.ishenim.duplicates;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.ishenim.linkage.Candidate;
import org.ishenim.linkage.Clk;
import org.ishenim.linkage.ClkEncoder;
import org.ishenim.linkage.ClkSet;
import org.ishenim.linkage.LinkageSchema;
import org.ishenim.linkage.Matcher;
import org.ishenim.linkage.cli.Evaluation;

/**
 * Not a test: the effect of the optional birth-year salt ({@code ishenim.linkage.salt=birth-year}) on linkage
 * quality, pairwise over all candidate pairs (no one-to-one solving, as the hub works), on translit-dev with the
 * clinic schema and on FEBRL4 with the shared FEBRL schema.
 *
 * <pre>./mvnw -q -o test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.ishenim.duplicates.SaltEffectBenchmark</pre>
 * or run {@code main} from the IDE. Paths default to {@code src/test/resources/linkage/translit-dev} and
 * {@code src/test/resources/linkage/febrl}.
 */
public final class SaltEffectBenchmark {

    private static final byte[] SECRET = "salt-effect-benchmark-secret".getBytes(StandardCharsets.UTF_8);
    private static final Pattern FEBRL_ID = Pattern.compile("rec-(\\d+)-(org|dup-\\d+)");

    public static void main(String[] args) throws Exception {
        Path translit = Path.of(args.length > 0 ? args[0] : "src/test/resources/linkage/translit-dev");
        Path febrl = Path.of(args.length > 1 ? args[1] : "src/test/resources/linkage/febrl");
        System.out.println("dataset,salt,threshold,precision,recall,f1,true_positives,false_positives,true_matches");
        run("translit-dev", load("clinic"), translit.resolve("a.csv"), translit.resolve("b.csv"),
                r -> r.get("local_id"), r -> year(r.get("date_of_birth")), List.of(0.80, 0.85, 0.90));
        if (febrl.resolve("dataset4a.csv").toFile().exists()) {
            run("febrl4", load("src/test/resources/linkage/febrl_schema_v3_final.json"),
                    febrl.resolve("dataset4a.csv"), febrl.resolve("dataset4b.csv"), r -> {
                        var m = FEBRL_ID.matcher(r.getOrDefault("rec_id", ""));
                        return m.matches() ? m.group(1) : "?";
                    }, r -> year(r.get("date_of_birth")), List.of(0.80, 0.85, 0.90));
        }
    }

    static String year(String date) {
        String d = date == null ? "" : date.strip();
        return d.length() >= 4 && d.substring(0, 4).chars().allMatch(Character::isDigit) ? d.substring(0, 4) : "";
    }

    static void run(String name, LinkageSchema schema, Path a, Path b, Function<Map<String, String>, String> truth,
            Function<Map<String, String>, String> salt, List<Double> thresholds) throws Exception {
        var recordsA = Evaluation.readRecords(a);
        var recordsB = Evaluation.readRecords(b);
        List<String> idsA = recordsA.stream().map(truth).toList();
        List<String> idsB = recordsB.stream().map(truth).toList();
        Map<String, Integer> countA = new HashMap<>();
        idsA.forEach(id -> countA.merge(id, 1, Integer::sum));
        long trueMatches = idsB.stream().mapToLong(id -> countA.getOrDefault(id, 0)).sum();
        for (boolean salted : new boolean[] {false, true}) {
            List<Clk> clksA = encode(schema, recordsA, salted ? salt : null);
            List<Clk> clksB = encode(schema, recordsB, salted ? salt : null);
            // (salted: the engine's recordSalt on a birth_year column, exactly as ClinicEncoder configures it)
            List<Candidate> pairs = Matcher.onAllCores().allPairs(ClkSet.of(clksA), ClkSet.of(clksB),
                    thresholds.get(0));
            for (double t : thresholds) {
                long tp = 0;
                long fp = 0;
                for (Candidate c : pairs) {
                    if (c.similarity() >= t) {
                        if (idsA.get(c.indexA()).equals(idsB.get(c.indexB()))) {
                            tp++;
                        } else {
                            fp++;
                        }
                    }
                }
                double p = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
                double r = (double) tp / trueMatches;
                System.out.println(String.format(Locale.ROOT, "%s,%s,%.2f,%.3f,%.3f,%.3f,%d,%d,%d", name,
                        salted ? "birth-year" : "none", t, p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), tp, fp, trueMatches));
            }
        }
    }

    static List<Clk> encode(LinkageSchema schema, List<Map<String, String>> records,
            Function<Map<String, String>, String> salt) throws Exception {
        if (salt == null) {
            return new ClkEncoder(schema, SECRET).encodeAll(records);
        }
        LinkageSchema salted = LinkageSchema.parse(ClinicEncoder.withBirthYearSalt(json(schema)));
        List<Map<String, String>> withYear = new ArrayList<>(records.size());
        for (var r : records) {
            Map<String, String> copy = new HashMap<>(r);
            copy.put(ClinicEncoder.SALT_COLUMN, salt.apply(r));
            withYear.add(copy);
        }
        return new ClkEncoder(salted, SECRET).encodeAll(withYear);
    }

    private static final Map<LinkageSchema, String> SOURCES = new java.util.IdentityHashMap<>();

    static LinkageSchema load(String nameOrPath) throws Exception {
        String text = ClinicEncoder.schemaText(nameOrPath);
        LinkageSchema schema = LinkageSchema.parse(text);
        SOURCES.put(schema, text);
        return schema;
    }

    static String json(LinkageSchema schema) {
        return SOURCES.get(schema);
    }
}
