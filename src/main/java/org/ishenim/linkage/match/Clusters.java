package org.ishenim.linkage.match;

/** Union-find over candidate pairs of one set against itself: the number of clusters estimates unique people. */
public final class Clusters {

    private Clusters() {
    }

    public static int count(int size, PairSink pairs) {
        int[] parent = new int[size];
        for (int i = 0; i < size; i++) {
            parent[i] = i;
        }
        int clusters = size;
        for (int p = 0; p < pairs.size(); p++) {
            int ra = root(parent, pairs.a(p));
            int rb = root(parent, pairs.b(p));
            if (ra != rb) {
                parent[ra] = rb;
                clusters--;
            }
        }
        return clusters;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
