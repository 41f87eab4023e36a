package org.ishenim.bench.cryptanalysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A correlation (spectral) attack on diffused encodings, where the attacker knows the taps per output bit and the
 * output length but not which input bits are tapped.
 *
 * <p>Why it can work: output bit j is the XOR of t input bits. If one of its taps lies in a token's positions, the
 * token's holders see that tap set, and the other t - 1 taps (each set with the input fill p, about 0.37 here) leave
 * a bias of (1 - 2p)^(t-1) in the parity. So every output bit that taps a frequent token is set a little more often
 * in that token's holders, all in the same direction: the output bits' correlation matrix carries one low-rank
 * "spike" per frequent token (the sex tokens, frequent given and family names, years), buried in sampling noise of
 * about 1 / sqrt(n) per entry.
 *
 * <ol>
 * <li><b>Spectrum.</b> The top eigenvectors of the standardised output bits' correlation matrix, by subspace
 * iteration over the encodings (the matrix itself is never formed). Random-matrix theory gives the noise edge:
 * without structure, the top eigenvalue of an n-record, L-bit sample is about (1 + sqrt(L / n))^2
 * (Marchenko-Pastur); a token is only visible as an eigenvalue beyond that edge.</li>
 * <li><b>Groups.</b> Each eigenvector beyond the edge projects the records; a token makes the projection bimodal,
 * its holders on one side. The split maximising the between-group variance (Otsu) starts a two-means refinement
 * (direction = difference of the sides' bit means, project, split again), and the smaller side is kept as a
 * token's holders when the two sides end up well separated.</li>
 * <li><b>Alignment.</b> A group about the size of the minority sex names the sex. Every other group takes, one to
 * one and best fit first, the unused name of the frequency table whose expected count is nearest its size. Records in
 * no name group get the most common name of their sex that no group took: knowing who does not hold the most common
 * name is knowledge too.</li>
 * </ol>
 */
final class SpectralAttack implements Attack {

    /** Eigenvectors and subspace iterations (system properties spectral.components, spectral.iterations). */
    private static final int COMPONENTS = Integer.getInteger("spectral.components", 32);
    private static final int ITERATIONS = Integer.getInteger("spectral.iterations", 25);
    /** Two sides this many pooled standard deviations apart are two groups, not one Gaussian cut in two. */
    private static final double SEPARATED = 4.5;
    /** The sex split is larger and its token smaller (15 positions): accepted at a lower separation. */
    private static final double SEX_SEPARATED = 3.5;

    /** What the last run saw, for the report: the top eigenvalues and the noise edge of each universe. */
    private final List<String> diagnostics = new ArrayList<>();

    @Override
    public String name() {
        return "spectral";
    }

    List<String> diagnostics() {
        return diagnostics;
    }

    @Override
    public Guesses run(AttackerView view, FrequencyTable table) {
        diagnostics.clear();
        long[][] records = view.words();
        String[] given = new String[records.length];
        String[] family = new String[records.length];
        for (int[] universe : Universes.split(records, view.schema())) {
            attack(records, universe, view.schema().bits(), table, given, family);
        }
        return new Guesses(given, family);
    }

    private void attack(long[][] all, int[] universe, int bits, FrequencyTable table, String[] given,
            String[] family) {
        int n = universe.length;
        long[][] x = new long[n][];
        for (int i = 0; i < n; i++) {
            x[i] = all[universe[i]];
        }
        double[] mean = new double[bits];
        for (long[] v : x) {
            forEachSet(v, p -> mean[p]++);
        }
        double[] scale = new double[bits];
        for (int p = 0; p < bits; p++) {
            mean[p] /= n;
            double sd = Math.sqrt(mean[p] * (1 - mean[p]));
            scale[p] = sd > 0 ? 1 / sd : 0;
        }
        int k = Math.min(COMPONENTS, bits);
        double[][] v = new double[k][bits];
        Random random = new Random(2023);
        for (double[] row : v) {
            for (int p = 0; p < bits; p++) {
                row[p] = random.nextGaussian();
            }
        }
        orthonormalise(v);
        double[] eigen = new double[k];
        double[][] proj = null;
        for (int iter = 0; iter < ITERATIONS; iter++) {
            proj = project(x, v, mean, scale);
            double[][] next = new double[k][bits];
            double[][] projected = proj;
            IntStream.range(0, k).parallel().forEach(c -> {
                double[] pc = projected[c];
                double[] out = next[c];
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += pc[i];
                }
                for (int i = 0; i < n; i++) {
                    double w = pc[i];
                    forEachSet(x[i], p -> out[p] += w);
                }
                for (int p = 0; p < bits; p++) {
                    out[p] = (out[p] - mean[p] * sum) * scale[p] / n;
                }
            });
            for (int c = 0; c < k; c++) {
                double dot = 0;
                for (int p = 0; p < bits; p++) {
                    dot += next[c][p] * v[c][p];
                }
                eigen[c] = dot;
            }
            v = next;
            orthonormalise(v);
        }
        proj = project(x, v, mean, scale);
        double edge = Math.pow(1 + Math.sqrt((double) bits / n), 2);

        String majorSex = table.maleShare() >= 0.5 ? "M" : "F";
        String minorSex = majorSex.equals("M") ? "F" : "M";
        double minorShare = Math.min(table.maleShare(), 1 - table.maleShare());
        boolean[] minor = new boolean[n];
        boolean sexFound = false;
        List<long[]> groups = new ArrayList<>();
        StringBuilder seen = new StringBuilder();
        for (int c = 0; c < k; c++) {
            seen.append(String.format(Locale.ROOT, " %.2f", eigen[c]));
            if (eigen[c] <= edge) {
                continue;
            }
            Split found = refine(x, proj[c], mean, scale);
            if (found == null || overlapsKnown(found.side(), groups, minor)) {
                continue;
            }
            boolean[] side = found.side();
            int size = 0;
            for (boolean b : side) {
                size += b ? 1 : 0;
            }
            if (!sexFound && Math.abs((double) size / n - minorShare) < 0.2 * minorShare
                    && found.separation() >= SEX_SEPARATED) {
                minor = side;
                sexFound = true;
            } else if (found.separation() >= SEPARATED && size >= Math.max(5, 0.002 * n)) {
                long[] g = new long[(n + 63) >>> 6];
                for (int i = 0; i < n; i++) {
                    if (side[i]) {
                        Bits.add(g, i);
                    }
                }
                groups.add(g);
            }
        }
        diagnostics.add(String.format(Locale.ROOT, "n=%d L=%d noise edge %.2f, top eigenvalues%s; %d name groups",
                n, bits, edge, seen, groups.size()));

        groups.sort((a, b) -> Integer.compare(Bits.count(b), Bits.count(a)));
        List<String[]> candidates = new ArrayList<>(); // {name, kind: M, F (given names) or S (surnames)}
        List<Double> expected = new ArrayList<>();
        for (FrequencyTable.GivenName g : table.given()) {
            candidates.add(new String[] {g.name(), g.sex()});
            expected.add(g.share() * n);
        }
        for (FrequencyTable.FamilyName f : table.family()) {
            candidates.add(new String[] {f.name(), "S"});
            expected.add(f.share() * n);
        }
        Set<Integer> used = new HashSet<>();
        String[] groupGiven = new String[n];
        String[] groupFamily = new String[n];
        // every (group, name) pair by how far the group's size is from the name's expected count, best first
        List<double[]> pairs = new ArrayList<>();
        for (int gi = 0; gi < groups.size(); gi++) {
            long[] g = groups.get(gi);
            int size = Bits.count(g);
            int inMinor = 0;
            for (int i = 0; i < n; i++) {
                inMinor += Bits.has(g, i) && minor[i] ? 1 : 0;
            }
            // with the sex known, a group of one sex is a given name of that sex, a mixed one a family name
            String kind = !sexFound ? null : inMinor >= 0.95 * size ? minorSex : inMinor <= 0.05 * size ? majorSex : "S";
            for (int ci = 0; ci < candidates.size(); ci++) {
                if (kind == null || candidates.get(ci)[1].equals(kind)) {
                    pairs.add(new double[] {Math.abs(Math.log(size / expected.get(ci))), gi, ci});
                }
            }
        }
        pairs.sort((p, q) -> Double.compare(p[0], q[0]));
        boolean[] groupDone = new boolean[groups.size()];
        for (double[] pair : pairs) {
            int gi = (int) pair[1];
            int ci = (int) pair[2];
            if (groupDone[gi] || used.contains(ci)) {
                continue;
            }
            groupDone[gi] = true;
            used.add(ci);
            long[] g = groups.get(gi);
            String[] name = candidates.get(ci);
            for (int i = 0; i < n; i++) {
                if (Bits.has(g, i)) {
                    if (!name[1].equals("S") && groupGiven[i] == null) {
                        groupGiven[i] = name[0];
                    } else if (name[1].equals("S") && groupFamily[i] == null) {
                        groupFamily[i] = name[0];
                    }
                }
            }
        }
        // records in no group: the most common name that no group has taken (of the record's sex for given names)
        Set<String> taken = new HashSet<>();
        for (int ci : used) {
            taken.add(candidates.get(ci)[0]);
        }
        String restMajor = firstFree(table.given(majorSex).stream().map(FrequencyTable.GivenName::name).toList(), taken);
        String restMinor = firstFree(table.given(minorSex).stream().map(FrequencyTable.GivenName::name).toList(), taken);
        String restFamily = firstFree(table.family().stream().map(FrequencyTable.FamilyName::name).toList(), taken);
        for (int i = 0; i < n; i++) {
            given[universe[i]] = groupGiven[i] != null ? groupGiven[i] : minor[i] ? restMinor : restMajor;
            family[universe[i]] = groupFamily[i] != null ? groupFamily[i] : restFamily;
        }
    }

    private static String firstFree(List<String> names, Set<String> taken) {
        return names.stream().filter(name -> !taken.contains(name)).findFirst()
                .orElse(names.isEmpty() ? "" : names.get(0));
    }

    /** The records' standardised projections on each vector: proj[c][i]. */
    private static double[][] project(long[][] x, double[][] v, double[] mean, double[] scale) {
        int k = v.length;
        int bits = mean.length;
        double[][] w = new double[k][bits];
        double[] offset = new double[k];
        for (int c = 0; c < k; c++) {
            for (int p = 0; p < bits; p++) {
                w[c][p] = v[c][p] * scale[p];
                offset[c] += mean[p] * w[c][p];
            }
        }
        double[][] proj = new double[k][x.length];
        IntStream.range(0, x.length).parallel().forEach(i -> {
            long[] row = x[i];
            for (int c = 0; c < k; c++) {
                double[] wc = w[c];
                double[] s = {0};
                forEachSet(row, p -> s[0] += wc[p]);
                proj[c][i] = s[0] - offset[c];
            }
        });
        return proj;
    }

    /**
     * Starts from the Otsu split of an eigenvector's projection and refines it like two-means: the direction becomes
     * the difference of the two sides' bit means (each bit weighted by its inverse variance), the records are
     * projected again and split again. Returns the smaller side once stable, with its separation in pooled standard
     * deviations (a unimodal projection cut anywhere gives about 2.5 to 3).
     */
    private static Split refine(long[][] x, double[] start, double[] mean, double[] scale) {
        int n = x.length;
        int bits = mean.length;
        double[] values = start;
        boolean[] side = null;
        double separation = 0;
        for (int iter = 0; iter < 8; iter++) {
            Split split = split(values);
            boolean[] next = split.side();
            separation = split.separation();
            if (side != null && Arrays.equals(side, next)) {
                break;
            }
            side = next;
            double[] in = new double[bits];
            double[] out = new double[bits];
            int inCount = 0;
            for (int i = 0; i < n; i++) {
                double[] target = side[i] ? in : out;
                inCount += side[i] ? 1 : 0;
                forEachSet(x[i], p -> target[p]++);
            }
            if (inCount == 0 || inCount == n) {
                return null;
            }
            double[] direction = new double[bits];
            for (int p = 0; p < bits; p++) {
                direction[p] = (in[p] / inCount - out[p] / (n - inCount)) * scale[p] * scale[p];
            }
            double[] projected = new double[n];
            IntStream.range(0, n).parallel().forEach(i -> {
                double[] sum = {0};
                forEachSet(x[i], p -> sum[0] += direction[p]);
                projected[i] = sum[0];
            });
            values = projected;
        }
        int size = 0;
        for (boolean b : side) {
            size += b ? 1 : 0;
        }
        return new Split(side, separation);
    }

    private record Split(boolean[] side, double separation) {
    }

    /** Otsu's split (the threshold maximising the between-group variance); the smaller side is the holders. */
    static Split split(double[] values) {
        int n = values.length;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double total = 0;
        for (double s : sorted) {
            total += s;
        }
        double best = -1;
        double threshold = sorted[0];
        double left = 0;
        for (int i = 1; i < n; i++) {
            left += sorted[i - 1];
            double w0 = (double) i / n;
            double m0 = left / i;
            double m1 = (total - left) / (n - i);
            double between = w0 * (1 - w0) * (m0 - m1) * (m0 - m1);
            if (between > best) {
                best = between;
                threshold = (sorted[i - 1] + sorted[i]) / 2;
            }
        }
        int above = 0;
        for (double s : values) {
            above += s > threshold ? 1 : 0;
        }
        boolean upper = above <= n - above;
        boolean[] side = new boolean[n];
        double[] sum = new double[2];
        double[] squares = new double[2];
        int[] count = new int[2];
        for (int i = 0; i < n; i++) {
            side[i] = (values[i] > threshold) == upper;
            int g = side[i] ? 1 : 0;
            sum[g] += values[i];
            squares[g] += values[i] * values[i];
            count[g]++;
        }
        if (count[0] == 0 || count[1] == 0) {
            return new Split(side, 0);
        }
        double m0 = sum[0] / count[0];
        double m1 = sum[1] / count[1];
        double pooled = (squares[0] - count[0] * m0 * m0 + squares[1] - count[1] * m1 * m1) / n;
        return new Split(side, pooled > 0 ? Math.abs(m1 - m0) / Math.sqrt(pooled) : 0);
    }

    /** A group found twice (from two eigenvectors): more than half its records are in a known group. */
    private static boolean overlapsKnown(boolean[] side, List<long[]> groups, boolean[] minor) {
        int size = 0;
        int inMinor = 0;
        int[] shared = new int[groups.size()];
        for (int i = 0; i < side.length; i++) {
            if (side[i]) {
                size++;
                inMinor += minor[i] ? 1 : 0;
                for (int g = 0; g < shared.length; g++) {
                    shared[g] += Bits.has(groups.get(g), i) ? 1 : 0;
                }
            }
        }
        if (inMinor > 0.5 * size) {
            return true;
        }
        for (int g = 0; g < shared.length; g++) {
            if (shared[g] > 0.5 * Math.min(size, Bits.count(groups.get(g)))) {
                return true;
            }
        }
        return false;
    }

    private static void orthonormalise(double[][] v) {
        for (int c = 0; c < v.length; c++) {
            for (int d = 0; d < c; d++) {
                double dot = 0;
                for (int p = 0; p < v[c].length; p++) {
                    dot += v[c][p] * v[d][p];
                }
                for (int p = 0; p < v[c].length; p++) {
                    v[c][p] -= dot * v[d][p];
                }
            }
            double norm = 0;
            for (double a : v[c]) {
                norm += a * a;
            }
            norm = Math.sqrt(norm);
            for (int p = 0; p < v[c].length; p++) {
                v[c][p] = norm > 0 ? v[c][p] / norm : 0;
            }
        }
    }

    private interface PositionConsumer {
        void accept(int p);
    }

    private static void forEachSet(long[] words, PositionConsumer consumer) {
        for (int w = 0; w < words.length; w++) {
            long x = words[w];
            while (x != 0) {
                int bit = Long.numberOfLeadingZeros(x);
                consumer.accept((w << 6) + bit);
                x &= ~(Long.MIN_VALUE >>> bit);
            }
        }
    }
}
