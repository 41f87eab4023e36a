package org.ishenim.hub;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ishenim.linkage.Clk;

/** Dice matching over a snapshot of the index: one query (threshold, top k) and the unique-client count. */
final class Matching {

    private Matching() {
    }

    /** Positions in the snapshot of the encodings at or above the threshold, best first, at most topK. */
    static List<Integer> query(Clk query, EncodingIndex.Snapshot snapshot, double threshold, int topK) {
        record Hit(int index, double similarity) {
        }
        List<Hit> hits = new ArrayList<>();
        List<Clk> clks = snapshot.clks();
        for (int i = 0; i < clks.size(); i++) {
            Clk other = clks.get(i);
            if (other.bits() != query.bits()) {
                continue;
            }
            double dice = query.dice(other);
            if (dice >= threshold) {
                hits.add(new Hit(i, dice));
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::similarity).reversed().thenComparingInt(Hit::index));
        return hits.stream().limit(topK).map(Hit::index).toList();
    }

    /** Single-linkage clusters of all encodings at the threshold: an estimate of unique people. */
    static int clusters(EncodingIndex.Snapshot snapshot, double threshold) {
        List<Clk> clks = snapshot.clks();
        int n = clks.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        int clusters = n;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (clks.get(i).bits() == clks.get(j).bits() && clks.get(i).dice(clks.get(j)) >= threshold) {
                    int a = find(parent, i);
                    int b = find(parent, j);
                    if (a != b) {
                        parent[a] = b;
                        clusters--;
                    }
                }
            }
        }
        return clusters;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
