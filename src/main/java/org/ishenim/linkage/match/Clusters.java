package org.ishenim.linkage.match;

/** Union-find over candidate pairs of one set against itself: the number of clusters estimates unique people. */
public final class Clusters {

    private Clusters() {
    }

    /** The cluster of each index, labelled by the smallest index in it: one partition has one labelling. */
    public static int[] labels(int size, PairSink pairs) {
        int[] parent = new int[size];
        for (int i = 0; i < size; i++) {
            parent[i] = i;
        }
        for (int p = 0; p < pairs.size(); p++) {
            int ra = root(parent, pairs.a(p));
            int rb = root(parent, pairs.b(p));
            if (ra != rb) {
                parent[Math.min(ra, rb)] = Math.max(ra, rb);
            }
        }
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            labels[i] = root(parent, i);
        }
        return canonical(labels);
    }

    /** Relabels a partition so that each cluster is named by its smallest index. */
    public static int[] canonical(int[] labels) {
        int[] smallest = new int[labels.length];
        java.util.Arrays.fill(smallest, Integer.MAX_VALUE);
        for (int i = 0; i < labels.length; i++) {
            smallest[labels[i]] = Math.min(smallest[labels[i]], i);
        }
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = smallest[labels[i]];
        }
        return out;
    }

    /** The number of clusters in a canonical labelling. */
    public static int distinct(int[] canonical) {
        int count = 0;
        for (int i = 0; i < canonical.length; i++) {
            if (canonical[i] == i) {
                count++;
            }
        }
        return count;
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
