package org.ishenim.bench.cryptanalysis;

import java.util.List;
import java.util.Locale;

import org.ishenim.linkage.Clk;
import org.ishenim.linkage.normalise.NameFolding;

/**
 * The evaluator's side (it knows the truth): how far the best linear view of the encodings separates the holders of
 * the most common given name from everyone else. It fits the difference of the two groups' bit means on the even
 * records and scores the odd ones, so the figure is honest (no fitting on the scored records). An attacker who
 * found this direction without the truth could do no better with one linear projection; when its separation d' is
 * small, no correlation or spectral attack can split that name's holders.
 */
final class SignalProbe {

    private SignalProbe() {
    }

    static String mostCommonGivenName(List<Person> people, List<Clk> clks) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        for (Person p : people) {
            counts.merge(NameFolding.fold(p.givenName()), 1, Integer::sum);
        }
        String top = counts.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
        int bits = clks.get(0).bits();
        double[][] sum = new double[2][bits];
        int[] count = new int[2];
        boolean[] holds = new boolean[people.size()];
        for (int i = 0; i < people.size(); i += 2) {
            holds[i] = NameFolding.fold(people.get(i).givenName()).equals(top);
            int g = holds[i] ? 1 : 0;
            count[g]++;
            long[] w = clks.get(i).words();
            for (int p = 0; p < bits; p++) {
                if (Bits.get(w, p)) {
                    sum[g][p]++;
                }
            }
        }
        double[] direction = new double[bits];
        for (int p = 0; p < bits; p++) {
            direction[p] = sum[1][p] / count[1] - sum[0][p] / count[0];
        }
        double[] s1 = new double[3];
        double[] s0 = new double[3];
        for (int i = 1; i < people.size(); i += 2) {
            boolean h = NameFolding.fold(people.get(i).givenName()).equals(top);
            long[] w = clks.get(i).words();
            double score = 0;
            for (int p = 0; p < bits; p++) {
                if (Bits.get(w, p)) {
                    score += direction[p];
                }
            }
            double[] s = h ? s1 : s0;
            s[0]++;
            s[1] += score;
            s[2] += score * score;
        }
        double m1 = s1[1] / s1[0];
        double m0 = s0[1] / s0[0];
        double v1 = s1[2] / s1[0] - m1 * m1;
        double v0 = s0[2] / s0[0] - m0 * m0;
        double dPrime = (m1 - m0) / Math.sqrt((v1 + v0) / 2);
        return String.format(Locale.ROOT, "most common given name (%.1f%% of records): held-out d' = %.2f",
                100.0 * (s1[0]) / (s1[0] + s0[0]), dPrime);
    }
}
