package org.ishenim.linkage.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ishenim.linkage.Candidate;
import org.ishenim.linkage.Clk;
import org.ishenim.linkage.ClkEncoder;
import org.ishenim.linkage.ClkSet;
import org.ishenim.linkage.LinkageSchema;
import org.ishenim.linkage.Matcher;
import org.ishenim.linkage.cli.Evaluation;

/**
 * Split-half check of a translit-dev schema (a program, not a test): site B's even rows and odd rows are scored
 * separately against all of site A, pooled over several secrets, for thresholds 0.80 to 0.90. The threshold chosen
 * on one half is reported on the other. Usage, from the repository root after {@code ./mvnw -q test-compile}:
 * <pre>java -cp target/test-classes:target/classes:CLASSPATH org.ishenim.linkage.bench.ClinicSplitHalves
 *     [SCHEMA.json|clinic] [SECRETS] [DATA_DIR]</pre>
 * Defaults: the clinic schema, 7 secrets, {@code src/test/resources/linkage/translit-dev}.
 */
public final class ClinicSplitHalves {

    private ClinicSplitHalves() {
    }

    public static void main(String[] args) throws Exception {
        LinkageSchema schema = LinkageSchema.named(args.length > 0 ? args[0] : LinkageSchema.CLINIC);
        int secrets = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path data = Path.of(args.length > 2 ? args[2] : "src/test/resources/linkage/translit-dev");
        List<Map<String, String>> a = Evaluation.readRecords(data.resolve("a.csv"));
        List<Map<String, String>> b = Evaluation.readRecords(data.resolve("b.csv"));
        Set<String> idsA = new HashSet<>();
        a.forEach(r -> idsA.add(r.get("local_id")));
        int[] trueMatches = new int[2];
        for (int j = 0; j < b.size(); j++) {
            if (idsA.contains(b.get(j).get("local_id"))) {
                trueMatches[j % 2] += secrets;
            }
        }
        int steps = 11;
        long[][] tp = new long[steps][2];
        long[][] fp = new long[steps][2];
        Matcher matcher = Matcher.onAllCores();
        for (int s = 1; s <= secrets; s++) {
            ClkEncoder encoder = new ClkEncoder(schema, ("split-half secret " + s).getBytes(StandardCharsets.UTF_8));
            List<Clk> clksA = encoder.encodeAll(a);
            List<Clk> clksB = encoder.encodeAll(b);
            for (Candidate c : matcher.allPairs(ClkSet.of(clksA), ClkSet.of(clksB), 0.80)) {
                int half = c.indexB() % 2;
                boolean same = a.get(c.indexA()).get("local_id").equals(b.get(c.indexB()).get("local_id"));
                for (int t = 0; t < steps; t++) {
                    if (c.similarity() >= threshold(t) - 1e-9) {
                        (same ? tp : fp)[t][half]++;
                    }
                }
            }
        }
        System.out.printf("translit-dev split halves, %d secrets pooled%n", secrets);
        System.out.println("threshold,f1_even,f1_odd,precision,recall,f1");
        int bestEven = 0;
        int bestOdd = 0;
        for (int t = 0; t < steps; t++) {
            double even = f1(tp[t][0], fp[t][0], trueMatches[0]);
            double odd = f1(tp[t][1], fp[t][1], trueMatches[1]);
            long tpAll = tp[t][0] + tp[t][1];
            long fpAll = fp[t][0] + fp[t][1];
            int all = trueMatches[0] + trueMatches[1];
            System.out.printf("%.2f,%.4f,%.4f,%.4f,%.4f,%.4f%n", threshold(t), even, odd,
                    tpAll / (double) (tpAll + fpAll), tpAll / (double) all, f1(tpAll, fpAll, all));
            bestEven = even > f1(tp[bestEven][0], fp[bestEven][0], trueMatches[0]) ? t : bestEven;
            bestOdd = odd > f1(tp[bestOdd][1], fp[bestOdd][1], trueMatches[1]) ? t : bestOdd;
        }
        double onOdd = f1(tp[bestEven][1], fp[bestEven][1], trueMatches[1]);
        double onEven = f1(tp[bestOdd][0], fp[bestOdd][0], trueMatches[0]);
        System.out.printf("chosen on even rows: %.2f -> odd rows F1 %.4f%n", threshold(bestEven), onOdd);
        System.out.printf("chosen on odd rows: %.2f -> even rows F1 %.4f%n", threshold(bestOdd), onEven);
        System.out.printf("split-half F1 %.4f%n", (onOdd + onEven) / 2);
    }

    private static double threshold(int step) {
        return 0.80 + step / 100.0;
    }

    private static double f1(long tp, long fp, long trueMatches) {
        double precision = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
        double recall = tp / (double) trueMatches;
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
}
