package org.ishenim.linkage.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ishenim.linkage.Candidate;
import org.ishenim.linkage.ClkSet;
import org.ishenim.linkage.LinkageSchema;
import org.ishenim.linkage.cli.Evaluation;
import org.ishenim.linkage.cli.Quality;
import org.ishenim.linkage.match.ClkStore;
import org.ishenim.linkage.match.DiceScan;
import org.ishenim.linkage.match.ParallelScan;

/**
 * The linkage benchmark (a program, not a test). Run with
 * {@code bench/linkage.sh [--scale N] [--skip-scale] [--skip-quality]}.
 * <ol>
 * <li>Speed: Dice comparisons per second at threshold 0.7, 20,000 x 20,000 random 1024-bit CLKs (anonlink's
 * setup), on 1 then 2 threads, with the exact early exit (column layout, and row-major) and without it (all 16
 * words of every pair), against the "popcnt" figure of {@code bench/dice_limit.c}.</li>
 * <li>Quality: FEBRL4 precision, recall and F1 for thresholds 0.70 to 0.95 with the shared FEBRL schema.</li>
 * <li>Scale: N x N synthetic encodings with LSH blocking: wall time, and recall against full comparison on a
 * sample of queries.</li>
 * </ol>
 */
public final class DiceBench {

    private static final int WORDS = 16;

    private DiceBench() {
    }

    public static void main(String[] args) throws Exception {
        int scale = 1_000_000;
        boolean skipScale = false;
        boolean skipQuality = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--scale" -> scale = Integer.parseInt(args[++i]);
                case "--skip-scale" -> skipScale = true;
                case "--skip-quality" -> skipQuality = true;
                default -> throw new IllegalArgumentException("usage: [--scale N] [--skip-scale] [--skip-quality]");
            }
        }
        Path data = dataDir();
        System.out.printf("# Ishenim linkage benchmark, %s, %d cores, %s%n", OffsetDateTime.now(ZoneOffset.UTC),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.version"));
        speed(Path.of("bench/dice_limit.c").toAbsolutePath());
        if (!skipQuality) {
            quality(data);
        }
        if (!skipScale) {
            scale(scale);
        }
    }

    private static final List<List<String>> C_BUILDS = List.of(List.of("-O3", "-march=native"),
            List.of("-O3", "-march=native", "-fno-tree-vectorize"));
    private static final String C_ARGS = "20000 20000";
    private static final int ROUNDS = 3;

    /**
     * Speed, in {@link #ROUNDS} rounds. Each round runs, one after the other, on 1 and 2 threads, 3 runs each: the
     * scan with the exact early exit over the column layout ({@code DiceScan.scanColumns}, SIMD popcount where C2
     * vectorises it), the same early exit over the row-major words with scalar popcnt ({@code scanRows}), and the
     * row-major loop counting all 16 words of every pair ({@code scanFull}); then {@code dice_limit.c} as specified
     * ({@code gcc -O3 -march=native}) and once more with {@code -fno-tree-vectorize}. On CPUs with AVX-512 VPOPCNTDQ
     * gcc auto-vectorises the "scalar" loop, so only the second build measures scalar popcnt. The C program runs
     * 20,000 queries against 20,000 records 3 times, so each of its samples is the same 4e8 comparisons as one Java
     * run, and each contender gets the same number of samples. The best and the median of each are printed: the
     * machine is shared, and interleaving gives every contender the same quiet moments. "Comparisons" are all pairs
     * in the popcount-bound range, each decided exactly (here all 4e8 pairs).
     */
    private static void speed(Path cSource) throws IOException, InterruptedException {
        int n = 20_000;
        ClkStore a = ClkStore.of(random(n, 0.5, 1), WORDS);
        ClkStore b = ClkStore.of(random(n, 0.5, 2), WORDS);
        ClkStore warmA = ClkStore.of(random(2_000, 0.5, 3), WORDS);
        DiceScan.Loop[] loops = DiceScan.Loop.values();
        for (int i = 0; i < 3; i++) {
            for (DiceScan.Loop loop : loops) {
                new ParallelScan(1, loop).allPairs(warmA, b, 0.7);
            }
        }
        List<Path> binaries = compileC(cSource);
        System.out.println("\n## Speed: 20000 x 20000 random 1024-bit CLKs, threshold 0.7, " + ROUNDS
                + " interleaved rounds of 3 runs each; DiceScan.scan uses " + DiceScan.Loop.detected()
                + " on this JVM");
        List<List<Double>> rates = new ArrayList<>();
        for (int i = 0; i < loops.length * 2; i++) {
            rates.add(new ArrayList<>());
        }
        List<List<Double>> cRates = new ArrayList<>();
        for (int c = 0; c < C_BUILDS.size(); c++) {
            cRates.add(new ArrayList<>());
        }
        for (int round = 1; round <= ROUNDS; round++) {
            for (int threads = 1; threads <= 2; threads++) {
                for (int mode = 0; mode < loops.length; mode++) {
                    for (int rep = 0; rep < 3; rep++) {
                        long start = System.nanoTime();
                        ParallelScan.Result result = new ParallelScan(threads, loops[mode]).allPairs(a, b, 0.7);
                        double seconds = (System.nanoTime() - start) / 1e9;
                        double rate = result.comparisons() / seconds / 1e6;
                        rates.get(mode * 2 + threads - 1).add(rate);
                        System.out.printf(Locale.ROOT, "round %d  Java threads=%d %-8s %.2f s  %.1f M "
                                + "comparisons/s  (%d comparisons, %d pairs >= 0.7)%n", round, threads, loops[mode],
                                seconds, rate, result.comparisons(), result.pairs().size());
                    }
                }
            }
            for (int c = 0; c < binaries.size(); c++) {
                if (binaries.get(c) == null) {
                    continue;
                }
                List<String> run = new ArrayList<>(List.of(binaries.get(c).toString()));
                run.addAll(List.of(C_ARGS.split(" ")));
                String output = exec(run);
                Matcher m = Pattern.compile("popcnt: ([0-9.]+) M cmp/s").matcher(output);
                while (m.find()) {
                    cRates.get(c).add(Double.parseDouble(m.group(1)));
                }
                for (String line : output.split("\n")) {
                    if (line.startsWith("n=")) {
                        System.out.printf("round %d  C %s: %s%n", round, String.join(" ", C_BUILDS.get(c)), line);
                    }
                }
            }
        }
        System.out.println();
        for (int mode = 0; mode < loops.length; mode++) {
            List<Double> one = rates.get(mode * 2);
            List<Double> two = rates.get(mode * 2 + 1);
            System.out.printf(Locale.ROOT, "Java %-8s 1 thread: best %.1f, median %.1f M/s; 2 threads: best %.1f, "
                    + "median %.1f M/s (medians x%.2f)%n", loops[mode], max(one), median(one), max(two), median(two),
                    median(two) / median(one));
        }
        for (int c = 0; c < binaries.size(); c++) {
            List<Double> samples = cRates.get(c);
            if (samples.isEmpty()) {
                continue;
            }
            System.out.printf(Locale.ROOT, "C gcc %s 'popcnt': best %.1f, median %.1f M/s. Java / C (median / median):",
                    String.join(" ", C_BUILDS.get(c)), max(samples), median(samples));
            for (int mode = 0; mode < loops.length; mode++) {
                System.out.printf(Locale.ROOT, " %s 1 thread %.2f, 2 threads %.2f;", loops[mode],
                        median(rates.get(mode * 2)) / median(samples), median(rates.get(mode * 2 + 1))
                                / median(samples));
            }
            System.out.println();
        }
    }

    private static double max(List<Double> samples) {
        return samples.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private static double median(List<Double> samples) {
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return 0;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** The two C builds of dice_limit.c (null where gcc or the source is missing). */
    private static List<Path> compileC(Path source) throws IOException, InterruptedException {
        List<Path> binaries = new ArrayList<>();
        for (List<String> flags : C_BUILDS) {
            if (!Files.exists(source)) {
                System.out.println("\n## C baseline: dice_limit.c not found; skipped");
                binaries.add(null);
                continue;
            }
            System.out.println("\n## C baseline: gcc " + String.join(" ", flags) + " " + source
                    + "; ./dice_limit " + C_ARGS);
            Path binary = Files.createTempDirectory("dice-limit").resolve("dice_limit");
            List<String> command = new ArrayList<>(List.of("gcc"));
            command.addAll(flags);
            command.addAll(List.of("-o", binary.toString(), source.toString()));
            String compile = exec(command);
            if (!Files.exists(binary)) {
                System.out.println("gcc failed: " + compile);
                binaries.add(null);
                continue;
            }
            binaries.add(binary);
        }
        return binaries;
    }

    private static void quality(Path data) throws IOException {
        System.out.println("\n## Quality: FEBRL4 (5000 x 5000), shared FEBRL schema, all pairs (no solving)");
        List<Double> thresholds = new ArrayList<>();
        for (int t = 70; t <= 95; t++) {
            thresholds.add(t / 100.0);
        }
        byte[] secret = "ishenim evaluation secret".getBytes(StandardCharsets.UTF_8);
        Path schemaFile = data.resolve("febrl_schema_v3_final.json"); // the repository's copies lie flat
        if (!Files.exists(schemaFile)) {
            schemaFile = data.resolve("clkhash-vectors/febrl_schema_v3_final.json");
        }
        String schema = Files.readString(schemaFile);
        Path a = data.resolve("febrl/dataset4a.csv");
        Path b = data.resolve("febrl/dataset4b.csv");
        List<Quality> plain = new Evaluation(LinkageSchema.parse(schema), secret, 2).febrl(a, b, thresholds);
        List<Quality> greedy = new Evaluation(LinkageSchema.parse(schema), secret, 2, true).febrl(a, b, thresholds);
        String normalised = schema;
        for (String name : List.of("given_name", "surname")) {
            normalised = normalised.replaceFirst("\"identifier\"\\s*:\\s*\"" + name + "\"\\s*,",
                    "\"identifier\": \"" + name + "\", \"normalise\": \"name\",");
        }
        List<Quality> norm = new Evaluation(LinkageSchema.parse(normalised), secret, 2).febrl(a, b, thresholds);
        System.out.println("threshold | all pairs P R F1 | greedy 1:1 P R F1 | names normalised, all pairs P R F1");
        for (int i = 0; i < thresholds.size(); i++) {
            System.out.printf(Locale.ROOT, "%.2f | %.3f %.3f %.3f | %.3f %.3f %.3f | %.3f %.3f %.3f%n",
                    thresholds.get(i), plain.get(i).precision(), plain.get(i).recall(), plain.get(i).f1(),
                    greedy.get(i).precision(), greedy.get(i).recall(), greedy.get(i).f1(), norm.get(i).precision(),
                    norm.get(i).recall(), norm.get(i).f1());
        }
    }

    private static void scale(int n) {
        System.out.printf("%n## Scale: %d x %d synthetic encodings, LSH blocking 64 bands x 20 bits, threshold 0.8%n",
                n, n);
        long[] a = random(n, 0.35, 10);
        long[] b = random(n, 0.35, 11);
        SplittableRandom random = new SplittableRandom(12);
        int copies = n / 10;
        for (int i = 0; i < copies; i++) {
            int target = random.nextInt(n);
            int source = random.nextInt(n);
            for (int w = 0; w < WORDS; w++) {
                long word = a[source * WORDS + w];
                long drop = sparse(random, 0.08);
                long add = sparse(random, 0.03);
                b[target * WORDS + w] = word & ~drop | add;
            }
        }
        long start = System.nanoTime();
        ClkSet setA = ClkSet.ofWords(a, WORDS);
        ClkSet setB = ClkSet.ofWords(b, WORDS);
        org.ishenim.linkage.Matcher matcher = new org.ishenim.linkage.Matcher(2);
        List<Candidate> blocked = matcher.blockedPairs(setA, setB, 0.8, 64, 20);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "blocked: %d pairs >= 0.8 in %.1f s wall (2 threads, including layout)%n",
                blocked.size(), seconds);

        int sample = Math.min(2_000, n);
        long[] sampleWords = new long[sample * WORDS];
        int[] sampleRows = new int[sample];
        for (int s = 0; s < sample; s++) {
            sampleRows[s] = random.nextInt(n);
            System.arraycopy(b, sampleRows[s] * WORDS, sampleWords, s * WORDS, WORDS);
        }
        start = System.nanoTime();
        List<Candidate> full = matcher.allPairs(ClkSet.ofWords(sampleWords, WORDS), setA, 0.8);
        double fullSeconds = (System.nanoTime() - start) / 1e9;
        Set<Long> blockedKeys = new HashSet<>();
        blocked.forEach(c -> blockedKeys.add((long) c.indexB() << 32 | c.indexA()));
        long found = full.stream().filter(c -> blockedKeys.contains((long) sampleRows[c.indexA()] << 32 | c.indexB()))
                .count();
        System.out.printf(Locale.ROOT, "full comparison of %d sampled B records against all %d A records: %d pairs "
                + "in %.1f s; blocking found %d of them: recall %.4f%n", sample, n, full.size(), fullSeconds, found,
                full.isEmpty() ? 1.0 : (double) found / full.size());
        System.out.printf(Locale.ROOT, "estimated full %d x %d without blocking: %.0f s on 2 threads%n", n, n,
                fullSeconds * n / sample);
    }

    private static long sparse(SplittableRandom random, double p) {
        long word = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (random.nextDouble() < p) {
                word |= 1L << bit;
            }
        }
        return word;
    }

    /** n random CLKs, each bit set with probability {@code density}. */
    private static long[] random(int n, double density, long seed) {
        long[] words = new long[n * WORDS];
        if (density == 0.5) {
            Random random = new Random(seed);
            for (int i = 0; i < words.length; i++) {
                words[i] = random.nextLong();
            }
            return words;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < words.length; i++) {
            words[i] = sparse(random, density);
        }
        return words;
    }

    private static String exec(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.append(line).append('\n');
            }
        }
        process.waitFor();
        return out.toString();
    }

    private static Path dataDir() {
        Path copies = Path.of("src/test/resources/linkage");
        if (Files.isDirectory(copies)) {
            return copies.toAbsolutePath().normalize();
        }
        throw new IllegalStateException("test data not found: run from the repository root");
    }
}
