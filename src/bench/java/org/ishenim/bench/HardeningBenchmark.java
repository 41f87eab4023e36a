package org.ishenim.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.ishenim.linkage.Candidate;
import org.ishenim.linkage.ClkEncoder;
import org.ishenim.linkage.ClkSet;
import org.ishenim.linkage.EncodingConfiguration;
import org.ishenim.linkage.LinkageSchema;
import org.ishenim.linkage.Matcher;
import org.ishenim.linkage.cli.Evaluation;
import org.ishenim.linkage.cli.Quality;

/**
 * Not a test: the quality side of the hardening frontier (issue 14). For each encoding configuration
 * ({@link EncodingConfiguration}, exactly as clinics apply it), the pairwise F1 on translit-dev v2 with the clinic
 * schema at the best threshold and at the configuration's own threshold, and the FEBRL4 recall at precision at least
 * 0.99 with the FEBRL schema under the same hardening. The birth-year salt reads each record's own year of birth.
 * The privacy side is {@code bench/cryptanalysis.sh}.
 *
 * <pre>bench/hardening.sh [configuration ids...]   (default: all)</pre>
 */
public final class HardeningBenchmark {

    private static final byte[] TRANSLIT_SECRET = "translit-dev test secret".getBytes(StandardCharsets.UTF_8);
    private static final byte[] FEBRL_SECRET = "febrl test secret".getBytes(StandardCharsets.UTF_8);
    private static final Pattern FEBRL_ID = Pattern.compile("rec-(\\d+)-(org|dup-\\d+)");
    private static final double TRANSLIT_GOAL = 0.98;
    private static final double FEBRL_GOAL = 0.97;
    private static final double FEBRL_PRECISION = 0.99;

    private HardeningBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path resources = Path.of("src/test/resources/linkage");
        List<Map<String, String>> translitA = withYear(Evaluation.readRecords(resources.resolve("translit-dev/a.csv")));
        List<Map<String, String>> translitB = withYear(Evaluation.readRecords(resources.resolve("translit-dev/b.csv")));
        List<Map<String, String>> febrlA = withYear(Evaluation.readRecords(resources.resolve("febrl/dataset4a.csv")));
        List<Map<String, String>> febrlB = withYear(Evaluation.readRecords(resources.resolve("febrl/dataset4b.csv")));
        String clinic = LinkageSchema.text(LinkageSchema.CLINIC);
        String febrl = Files.readString(resources.resolve("febrl_schema_v3_final.json"), StandardCharsets.UTF_8);
        List<Option> options = args.length == 0
                ? java.util.Arrays.stream(EncodingConfiguration.values()).map(Option::of).toList()
                : java.util.Arrays.stream(args).map(Option::parse).toList();
        List<Double> grid = new ArrayList<>();
        for (int t = 1000; t <= 1960; t += 5) { // 0.500 to 0.980: diffused non-matches lie near 0.5
            grid.add(t / 2000.0);
        }
        int threads = Runtime.getRuntime().availableProcessors();
        System.out.println("| configuration | bits | translit F1 best (threshold) | default threshold | translit F1 at default"
                + " (P / R) | FEBRL4 recall at P >= 0.99 (threshold) | goals |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Option option : options) {
            long t0 = System.nanoTime();
            LinkageSchema clinicSchema = LinkageSchema.parse(option.apply().apply(clinic));
            List<Double> thresholds = new ArrayList<>(grid);
            if (!thresholds.contains(option.threshold())) {
                thresholds.add(option.threshold());
            }
            List<Quality> translit = evaluate(clinicSchema, TRANSLIT_SECRET, translitA, translitB,
                    r -> r.get("local_id"), thresholds, threads, false);
            Quality best = translit.stream().max((x, y) -> Double.compare(x.f1(), y.f1())).orElseThrow();
            Quality atDefault = translit.stream().filter(q -> q.threshold() == option.threshold()).findFirst()
                    .orElseThrow();
            List<Quality> febrlQuality = evaluate(LinkageSchema.parse(option.apply().apply(febrl)), FEBRL_SECRET, febrlA,
                    febrlB, HardeningBenchmark::febrlId, grid, threads, false);
            Quality febrlBest = bestRecall(febrlQuality);
            double febrlRecall = febrlBest == null ? 0 : febrlBest.recall();
            boolean meets = atDefault.f1() >= TRANSLIT_GOAL && febrlRecall >= FEBRL_GOAL;
            System.out.printf(Locale.ROOT, "| `%s` | %d | %.3f (%.3f) | %.2f | %.3f (%.3f / %.3f) | %s | %s |%n",
                    option.id(), clinicSchema.length(), best.f1(), best.threshold(), option.threshold(),
                    atDefault.f1(), atDefault.precision(), atDefault.recall(), recallText(febrlBest), meets ? "met" : "**not met**");
            System.err.printf(Locale.ROOT, "%s took %.0f s%n", option.id(), (System.nanoTime() - t0) / 1e9);
        }
    }

    /**
     * A configuration to measure: a named one, or an unnamed keyed diffusion {@code diffusion=TxL@threshold} (for
     * exploring the frontier before naming a configuration).
     */
    private record Option(String id, Function<String, String> apply, double threshold) {

        static Option of(EncodingConfiguration configuration) {
            return new Option(configuration.id(), configuration::apply, configuration.threshold());
        }

        static Option parse(String text) {
            var m = Pattern.compile("diffusion=(\\d+)x(\\d+)@(0\\.\\d+)").matcher(text);
            if (!m.matches()) {
                return of(EncodingConfiguration.named(text));
            }
            String hardening = "[{\"type\":\"diffusion\",\"taps\":" + m.group(1) + ",\"length\":" + m.group(2)
                    + "}]";
            return new Option(text, schema -> withHardening(schema, hardening), Double.parseDouble(m.group(3)));
        }

        private static String withHardening(String schema, String hardening) {
            var json = tools.jackson.databind.json.JsonMapper.builder().build();
            var root = (tools.jackson.databind.node.ObjectNode) json.readTree(schema);
            ((tools.jackson.databind.node.ObjectNode) root.get("clkConfig")).set("hardening", json.readTree(hardening));
            return json.writeValueAsString(root);
        }
    }

    private static Quality bestRecall(List<Quality> qualities) {
        return qualities.stream().filter(q -> q.precision() >= FEBRL_PRECISION)
                .max((x, y) -> Double.compare(x.recall(), y.recall())).orElse(null);
    }

    private static String recallText(Quality q) {
        return q == null ? "none" : String.format(Locale.ROOT, "%.3f (%.4f)", q.recall(), q.threshold());
    }

    /**
     * Every pair at or above the lowest threshold, scored against the ground truth at each threshold; with
     * {@code greedy}, first reduced one-to-one at each threshold (anonlink's greedy solver).
     */
    static List<Quality> evaluate(LinkageSchema schema, byte[] secret, List<Map<String, String>> a,
            List<Map<String, String>> b, Function<Map<String, String>, String> truth, List<Double> thresholds,
            int threads, boolean greedy) {
        ClkEncoder encoder = new ClkEncoder(schema, secret);
        ClkSet clksA = ClkSet.of(encoder.encodeAll(a));
        ClkSet clksB = ClkSet.of(encoder.encodeAll(b));
        List<String> idsA = a.stream().map(truth).toList();
        List<String> idsB = b.stream().map(truth).toList();
        Map<String, Integer> countA = new HashMap<>();
        idsA.forEach(id -> countA.merge(id, 1, Integer::sum));
        long trueMatches = idsB.stream().mapToLong(id -> countA.getOrDefault(id, 0)).sum();
        double lowest = thresholds.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        List<Candidate> pairs = new Matcher(threads).allPairs(clksA, clksB, lowest);
        List<Quality> result = new ArrayList<>();
        for (double t : thresholds) {
            long tp = 0;
            long fp = 0;
            List<Candidate> kept = greedy
                    ? Matcher.greedyOneToOne(pairs.stream().filter(c -> c.similarity() >= t).toList()) : pairs;
            for (Candidate c : kept) {
                if (c.similarity() >= t) {
                    if (idsA.get(c.indexA()).equals(idsB.get(c.indexB()))) {
                        tp++;
                    } else {
                        fp++;
                    }
                }
            }
            result.add(new Quality(t, tp, fp, trueMatches));
        }
        return result;
    }

    /** Each record's own year of birth under the salt column, as a clinic passes its client's recorded year. */
    static List<Map<String, String>> withYear(List<Map<String, String>> records) {
        return records.stream().map(r -> {
            Map<String, String> copy = new HashMap<>(r);
            String d = r.getOrDefault("date_of_birth", "").strip();
            copy.put(EncodingConfiguration.SALT_COLUMN,
                    d.length() >= 4 && d.substring(0, 4).chars().allMatch(Character::isDigit) ? d.substring(0, 4) : "");
            return copy;
        }).toList();
    }

    private static String febrlId(Map<String, String> record) {
        var m = FEBRL_ID.matcher(record.getOrDefault("rec_id", ""));
        if (!m.matches()) {
            throw new IllegalArgumentException("a FEBRL record id is not rec-N-org or rec-N-dup-K");
        }
        return m.group(1);
    }
}
