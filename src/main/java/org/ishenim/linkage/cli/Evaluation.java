package org.ishenim.linkage.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ishenim.linkage.Candidate;
import org.ishenim.linkage.Clk;
import org.ishenim.linkage.ClkEncoder;
import org.ishenim.linkage.ClkSet;
import org.ishenim.linkage.LinkageSchema;

/**
 * Encodes two files with one schema and secret, finds every pair at or above the lowest threshold, and scores
 * pairs against ground truth: a shared {@code local_id} (translit-dev) or a shared FEBRL record number
 * ({@code rec-N-org} / {@code rec-N-dup-0}).
 */
public final class Evaluation {

    private static final Pattern FEBRL_ID = Pattern.compile("rec-(\\d+)-(org|dup-\\d+)");

    private final LinkageSchema schema;
    private final byte[] secret;
    private final int threads;
    private final boolean greedy;

    public Evaluation(LinkageSchema schema, byte[] secret, int threads) {
        this(schema, secret, threads, false);
    }

    /** With {@code greedy}, pairs are first reduced one-to-one per threshold, as anonlink's solver does. */
    public Evaluation(LinkageSchema schema, byte[] secret, int threads, boolean greedy) {
        this.schema = schema;
        this.secret = secret.clone();
        this.threads = threads;
        this.greedy = greedy;
    }

    /** Records of a CSV file with a header; values trimmed (FEBRL separates fields with ", "). */
    public static List<Map<String, String>> readRecords(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, CSVFormat.DEFAULT.builder().setHeader()
                        .setSkipHeaderRecord(true).setTrim(true).setIgnoreSurroundingSpaces(true).get())) {
            List<String> header = parser.getHeaderNames();
            List<Map<String, String>> records = new ArrayList<>();
            for (CSVRecord line : parser) {
                Map<String, String> record = new HashMap<>();
                for (int c = 0; c < header.size() && c < line.size(); c++) {
                    record.put(header.get(c), line.get(c));
                }
                records.add(record);
            }
            return records;
        }
    }

    public List<Quality> translit(Path a, Path b, List<Double> thresholds) throws IOException {
        return evaluate(a, b, thresholds, r -> r.get("local_id"));
    }

    public List<Quality> febrl(Path a, Path b, List<Double> thresholds) throws IOException {
        return evaluate(a, b, thresholds, r -> {
            Matcher m = FEBRL_ID.matcher(r.getOrDefault("rec_id", ""));
            if (!m.matches()) {
                throw new IllegalArgumentException("a FEBRL record id is not rec-N-org or rec-N-dup-K");
            }
            return m.group(1);
        });
    }

    private List<Quality> evaluate(Path a, Path b, List<Double> thresholds,
            Function<Map<String, String>, String> truth) throws IOException {
        List<Map<String, String>> recordsA = readRecords(a);
        List<Map<String, String>> recordsB = readRecords(b);
        ClkEncoder encoder = new ClkEncoder(schema, secret);
        List<Clk> clksA = encoder.encodeAll(recordsA);
        List<Clk> clksB = encoder.encodeAll(recordsB);
        List<String> idsA = recordsA.stream().map(truth).toList();
        List<String> idsB = recordsB.stream().map(truth).toList();
        Map<String, Integer> countA = new HashMap<>();
        idsA.forEach(id -> countA.merge(id, 1, Integer::sum));
        long trueMatches = idsB.stream().mapToLong(id -> countA.getOrDefault(id, 0)).sum();
        double lowest = thresholds.stream().mapToDouble(Double::doubleValue).min().orElse(0.8);
        List<Candidate> candidates = new org.ishenim.linkage.Matcher(threads)
                .allPairs(ClkSet.of(clksA), ClkSet.of(clksB), lowest);
        return thresholds.stream().map(t -> Quality.at(t, greedy ? solved(candidates, t) : candidates, idsA, idsB,
                trueMatches)).toList();
    }

    private static List<Candidate> solved(List<Candidate> candidates, double threshold) {
        return org.ishenim.linkage.Matcher.greedyOneToOne(
                candidates.stream().filter(c -> c.similarity() >= threshold).toList());
    }
}
