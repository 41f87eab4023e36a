package org.ishenim.bench.cryptanalysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import org.ishenim.linkage.normalise.NameFolding;
import org.ishenim.linkage.schema.Comparison;

/**
 * Similarity-graph matching after Vidanage, Ranbaduge, Christen and Schnell ("A graph matching attack on
 * privacy-preserving record linkage", CIKM 2020). The attacker has no plaintext of the encoded people, so the
 * plaintext graph is built over a public name list: records drawn from the frequency table (sex, given name,
 * family name), with q-gram (bigram) Dice similarities over the publicly normalised names. The encoded graph
 * holds the encodings with their Dice similarities. Each node gets structural features that do not depend on
 * the similarity scale (each graph's similarities are read as quantiles of that graph's own distribution):
 * its top-k neighbour similarities, its degree at several quantile thresholds, and its neighbours' mean degree.
 * Nodes are matched by feature nearest neighbours and a greedy one-to-one assignment; an encoding takes the
 * names of its plaintext match. With a record salt the attack runs inside each universe ({@link Universes}).
 * Graphs are capped at {@value #MAX_NODES} nodes per universe; encodings left out get the most common names.
 */
final class GraphMatchingAttack implements Attack {

    static final int MAX_NODES = 20_000;
    private static final int[] TOP = {1, 2, 3, 5, 10, 20, 50};
    private static final double[] LEVELS = {0.95, 0.98, 0.99, 0.995, 0.999};
    private static final int FEATURES = TOP.length + LEVELS.length + 1;

    @Override
    public String name() {
        return "graph matching";
    }

    @Override
    public Guesses run(AttackerView view, FrequencyTable table) {
        long[][] records = view.words();
        PublicSchema schema = view.schema();
        Random random = new Random(2020);
        String[] given = new String[records.length];
        String[] family = new String[records.length];
        String majorSex = table.maleShare() >= 0.5 ? "M" : "F";
        Arrays.fill(given, table.given(majorSex).get(0).name());
        Arrays.fill(family, table.family().get(0).name());
        for (int[] universe : Universes.split(records, schema)) {
            if (universe.length < 20) {
                continue;
            }
            int[] nodes = sample(universe, random);
            Plain plain = new Plain(table, nodes.length, random);
            double[][] encodedFeatures = features(nodes.length,
                    (a, b) -> dice(records[nodes[a]], records[nodes[b]]), random);
            double[][] plainFeatures = features(nodes.length, plain::similarity, random);
            int[] match = match(encodedFeatures, plainFeatures);
            for (int i = 0; i < nodes.length; i++) {
                if (match[i] >= 0) {
                    given[nodes[i]] = plain.given[match[i]];
                    family[nodes[i]] = plain.family[match[i]];
                }
            }
        }
        return new Guesses(given, family);
    }

    private static int[] sample(int[] universe, Random random) {
        int[] copy = universe.clone();
        for (int i = copy.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = copy[i];
            copy[i] = copy[j];
            copy[j] = t;
        }
        return Arrays.copyOf(copy, Math.min(copy.length, MAX_NODES));
    }

    private static double dice(long[] a, long[] b) {
        int common = 0;
        int total = 0;
        for (int w = 0; w < a.length; w++) {
            common += Long.bitCount(a[w] & b[w]);
            total += Long.bitCount(a[w]) + Long.bitCount(b[w]);
        }
        return total == 0 ? 0 : 2.0 * common / total;
    }

    interface Similarity {
        double of(int a, int b);
    }

    /** Structural node features on one graph, on a quantile scale of that graph's own similarities. */
    private static double[][] features(int n, Similarity sim, Random random) {
        int samples = Math.min(1_000_000, n * (n - 1) / 2);
        double[] distribution = new double[samples];
        for (int s = 0; s < samples; s++) {
            int a = random.nextInt(n);
            int b = random.nextInt(n - 1);
            distribution[s] = sim.of(a, b >= a ? b + 1 : b);
        }
        Arrays.sort(distribution);
        double[] thresholds = new double[LEVELS.length];
        for (int l = 0; l < LEVELS.length; l++) {
            thresholds[l] = distribution[(int) Math.min(samples - 1, LEVELS[l] * samples)];
        }
        double[][] f = new double[n][FEATURES];
        int[][] neighbours = new int[n][];
        IntStream.range(0, n).parallel().forEach(a -> {
            int top = Math.min(50, n - 1);
            double[] best = new double[top];
            int[] bestIndex = new int[top];
            Arrays.fill(best, -1);
            int[] degree = new int[LEVELS.length];
            for (int b = 0; b < n; b++) {
                if (b == a) {
                    continue;
                }
                double s = sim.of(a, b);
                for (int l = 0; l < LEVELS.length; l++) {
                    if (s > thresholds[l]) {
                        degree[l]++;
                    }
                }
                if (s > best[top - 1]) {
                    int k = top - 1;
                    while (k > 0 && best[k - 1] < s) {
                        best[k] = best[k - 1];
                        bestIndex[k] = bestIndex[k - 1];
                        k--;
                    }
                    best[k] = s;
                    bestIndex[k] = b;
                }
            }
            for (int t = 0; t < TOP.length; t++) {
                double s = best[Math.min(TOP[t], top) - 1];
                f[a][t] = quantile(distribution, s);
            }
            for (int l = 0; l < LEVELS.length; l++) {
                f[a][TOP.length + l] = Math.log1p(degree[l]);
            }
            neighbours[a] = Arrays.copyOf(bestIndex, Math.min(5, top));
        });
        int level = TOP.length + 2;
        for (int a = 0; a < n; a++) {
            double sum = 0;
            for (int b : neighbours[a]) {
                sum += f[b][level];
            }
            f[a][FEATURES - 1] = sum / Math.max(1, neighbours[a].length);
        }
        standardise(f);
        return f;
    }

    private static double quantile(double[] sorted, double value) {
        int i = Arrays.binarySearch(sorted, value);
        return (i >= 0 ? i : -i - 1) / (double) sorted.length;
    }

    private static void standardise(double[][] f) {
        int n = f.length;
        for (int k = 0; k < FEATURES; k++) {
            double mean = 0;
            for (double[] row : f) {
                mean += row[k];
            }
            mean /= n;
            double var = 0;
            for (double[] row : f) {
                var += (row[k] - mean) * (row[k] - mean);
            }
            double sd = Math.sqrt(var / n);
            for (double[] row : f) {
                row[k] = sd == 0 ? 0 : (row[k] - mean) / sd;
            }
        }
    }

    /** Nearest plaintext nodes by feature distance, then greedy one-to-one by distance. */
    private static int[] match(double[][] encoded, double[][] plain) {
        int n = encoded.length;
        int k = Math.min(10, plain.length);
        double[][] candidates = new double[n * k][];
        IntStream.range(0, n).parallel().forEach(a -> {
            double[] best = new double[k];
            int[] idx = new int[k];
            Arrays.fill(best, Double.MAX_VALUE);
            for (int b = 0; b < plain.length; b++) {
                double d = 0;
                for (int j = 0; j < FEATURES && d < best[k - 1]; j++) {
                    double x = encoded[a][j] - plain[b][j];
                    d += x * x;
                }
                if (d < best[k - 1]) {
                    int m = k - 1;
                    while (m > 0 && best[m - 1] > d) {
                        best[m] = best[m - 1];
                        idx[m] = idx[m - 1];
                        m--;
                    }
                    best[m] = d;
                    idx[m] = b;
                }
            }
            for (int m = 0; m < k; m++) {
                candidates[a * k + m] = new double[] {best[m], a, idx[m]};
            }
        });
        Arrays.sort(candidates, (x, y) -> Double.compare(x[0], y[0]));
        int[] match = new int[n];
        Arrays.fill(match, -1);
        boolean[] used = new boolean[plain.length];
        for (double[] c : candidates) {
            int a = (int) c[1];
            int b = (int) c[2];
            if (match[a] < 0 && !used[b]) {
                match[a] = b;
                used[b] = true;
            }
        }
        return match;
    }

    /** The attacker's plaintext graph: records drawn from the frequency table, compared by bigram Dice. */
    private static final class Plain {

        final String[] given;
        final String[] family;
        private final int[] givenId;
        private final int[] familyId;
        private final int[] sex;
        private final int[][] givenCommon;
        private final int[][] familyCommon;
        private final int[] givenSize;
        private final int[] familySize;

        Plain(FrequencyTable table, int n, Random random) {
            List<FrequencyTable.GivenName> names = table.given();
            List<FrequencyTable.FamilyName> families = table.family();
            List<List<String>> gTokens = new ArrayList<>();
            names.forEach(g -> gTokens.add(bigrams(NameFolding.fold(g.name()))));
            List<List<String>> fTokens = new ArrayList<>();
            families.forEach(f -> fTokens.add(bigrams(NameFolding.foldSurname(f.name()))));
            givenCommon = common(gTokens);
            familyCommon = common(fTokens);
            givenSize = gTokens.stream().mapToInt(List::size).toArray();
            familySize = fTokens.stream().mapToInt(List::size).toArray();
            double[] gCum = cumulative(names.stream().mapToDouble(FrequencyTable.GivenName::share).toArray());
            double[] fCum = cumulative(families.stream().mapToDouble(FrequencyTable.FamilyName::share).toArray());
            given = new String[n];
            family = new String[n];
            givenId = new int[n];
            familyId = new int[n];
            sex = new int[n];
            for (int i = 0; i < n; i++) {
                givenId[i] = draw(gCum, random);
                familyId[i] = draw(fCum, random);
                given[i] = names.get(givenId[i]).name();
                family[i] = families.get(familyId[i]).name();
                sex[i] = names.get(givenId[i]).sex().equals("M") ? 0 : 1;
            }
        }

        double similarity(int a, int b) {
            int ga = givenId[a];
            int gb = givenId[b];
            int fa = familyId[a];
            int fb = familyId[b];
            int common = givenCommon[ga][gb] + familyCommon[fa][fb] + (sex[a] == sex[b] ? 1 : 0);
            int total = givenSize[ga] + givenSize[gb] + familySize[fa] + familySize[fb] + 2;
            return 2.0 * common / total;
        }

        private static List<String> bigrams(String folded) {
            return new ArrayList<>(new java.util.LinkedHashSet<>(new Comparison.Ngram(2, false).tokenize(folded)));
        }

        private static int[][] common(List<List<String>> tokens) {
            int m = tokens.size();
            int[][] c = new int[m][m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    List<String> a = tokens.get(i);
                    int k = 0;
                    for (String t : tokens.get(j)) {
                        if (a.contains(t)) {
                            k++;
                        }
                    }
                    c[i][j] = k;
                }
            }
            return c;
        }

        private static double[] cumulative(double[] shares) {
            double[] c = new double[shares.length];
            double s = 0;
            for (int i = 0; i < shares.length; i++) {
                s += shares[i];
                c[i] = s;
            }
            return c;
        }

        private static int draw(double[] cumulative, Random random) {
            double u = random.nextDouble() * cumulative[cumulative.length - 1];
            int i = Arrays.binarySearch(cumulative, u);
            return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
        }
    }
}
