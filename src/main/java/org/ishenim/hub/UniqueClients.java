package org.ishenim.hub;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ishenim.linkage.Candidate;
import org.ishenim.linkage.Clk;
import org.ishenim.linkage.Matcher;

/**
 * The national count of unique clients: single-linkage clusters of all encodings at the threshold, kept between
 * counts. The first count, and any after many changes, clusters the whole set (LSH-blocked, see
 * {@link Matcher#clusters}). Otherwise only what changed is redone: a removed or replaced encoding splits its own
 * cluster, which is re-linked from its remaining members alone (a cluster's links never leave it), and each new or
 * replaced encoding is queried against the set and joins the clusters it reaches. Both give the connected components
 * of the threshold graph, so the count does not depend on the order of uploads. Not thread-safe: the caller holds
 * its lock.
 */
final class UniqueClients {

    /** Above this many changed encodings, clustering everything again is cheaper than a query for each. */
    static final int MAX_INCREMENTAL = 1_000;

    private final Matcher matcher;
    private final double threshold;
    private Map<EncodingIndex.Key, Clk> known = new HashMap<>();
    private final Map<EncodingIndex.Key, Integer> clusterOf = new HashMap<>();
    private final Map<Integer, List<EncodingIndex.Key>> members = new HashMap<>();
    /** Clusters that lost a member and must be re-linked. */
    private final Set<Integer> dirty = new HashSet<>();
    private int nextCluster;
    private long rebuilds;

    UniqueClients(Matcher matcher, double threshold) {
        this.matcher = matcher;
        this.threshold = threshold;
    }

    /** The number of clusters among the encodings of a compacted view. */
    int count(EncodingIndex.View compacted) {
        if (!compacted.changed().isEmpty()) {
            throw new IllegalArgumentException("clusters need a compacted view");
        }
        EncodingIndex.Base base = compacted.base();
        Map<EncodingIndex.Key, Integer> indexOf = new HashMap<>(base.keys().size() * 2);
        for (int i = 0; i < base.keys().size(); i++) {
            indexOf.put(base.keys().get(i), i);
        }
        List<EncodingIndex.Key> gone = new ArrayList<>();
        for (EncodingIndex.Key key : known.keySet()) {
            Integer i = indexOf.get(key);
            if (i == null || !base.clks().get(i).equals(known.get(key))) {
                gone.add(key);
            }
        }
        List<Integer> arrived = new ArrayList<>();
        for (int i = 0; i < base.keys().size(); i++) {
            Clk before = known.get(base.keys().get(i));
            if (before == null || !before.equals(base.clks().get(i))) {
                arrived.add(i);
            }
        }
        if (known.isEmpty() || gone.size() + arrived.size() > MAX_INCREMENTAL) {
            rebuild(base);
        } else {
            gone.forEach(this::detach);
            splitDirty();
            arrived.forEach(i -> attach(base, i));
        }
        return members.size();
    }

    /**
     * The clusters of two or more encodings after the last {@link #count}, each as its members' keys (a copy). The
     * counting reference of each is chosen by {@link HubEncodings#countedElsewhere}.
     */
    List<List<EncodingIndex.Key>> sharedClusters() {
        return members.values().stream().filter(m -> m.size() > 1).map(List::copyOf).toList();
    }

    /** How many times the whole set was clustered (for tests: an upload must not cause one). */
    long rebuilds() {
        return rebuilds;
    }

    private void rebuild(EncodingIndex.Base base) {
        rebuilds++;
        clusterOf.clear();
        members.clear();
        known = new HashMap<>(base.keys().size() * 2);
        if (base.keys().isEmpty()) {
            return;
        }
        int[] labels = matcher.clusters(base.set(), threshold).labels();
        for (int i = 0; i < labels.length; i++) {
            EncodingIndex.Key key = base.keys().get(i);
            known.put(key, base.clks().get(i));
            int cluster = labels[i];
            clusterOf.put(key, cluster);
            members.computeIfAbsent(cluster, c -> new ArrayList<>()).add(key);
        }
        nextCluster = labels.length;
    }

    /** Takes a key out of its cluster, remembering which clusters must be re-linked. */
    private void detach(EncodingIndex.Key key) {
        Integer cluster = clusterOf.remove(key);
        known.remove(key);
        List<EncodingIndex.Key> list = members.get(cluster);
        list.remove(key);
        if (list.isEmpty()) {
            members.remove(cluster);
        } else {
            dirty.add(cluster);
        }
    }

    /** Re-links each dirty cluster from its remaining members: it may have fallen apart. */
    private void splitDirty() {
        for (Integer cluster : dirty) {
            List<EncodingIndex.Key> rest = members.remove(cluster);
            if (rest == null) {
                continue;
            }
            int[] parent = new int[rest.size()];
            for (int i = 0; i < parent.length; i++) {
                parent[i] = i;
            }
            for (int i = 0; i < rest.size(); i++) {
                for (int j = i + 1; j < rest.size(); j++) {
                    if (known.get(rest.get(i)).dice(known.get(rest.get(j))) >= threshold) {
                        parent[root(parent, i)] = root(parent, j);
                    }
                }
            }
            Map<Integer, Integer> newCluster = new HashMap<>();
            for (int i = 0; i < rest.size(); i++) {
                int id = newCluster.computeIfAbsent(root(parent, i), r -> nextCluster++);
                clusterOf.put(rest.get(i), id);
                members.computeIfAbsent(id, c -> new ArrayList<>()).add(rest.get(i));
            }
        }
        dirty.clear();
    }

    /** Adds the encoding at {@code index} of the base and joins every cluster it reaches. */
    private void attach(EncodingIndex.Base base, int index) {
        EncodingIndex.Key key = base.keys().get(index);
        Clk clk = base.clks().get(index);
        known.put(key, clk);
        int cluster = nextCluster++;
        clusterOf.put(key, cluster);
        members.put(cluster, new ArrayList<>(List.of(key)));
        for (Candidate hit : matcher.query(clk, base.set(), threshold, 0)) {
            EncodingIndex.Key other = base.keys().get(hit.indexB());
            Integer otherCluster = clusterOf.get(other);
            if (otherCluster != null) {
                cluster = merge(cluster, otherCluster);
            }
        }
    }

    /** Merges two clusters, moving the smaller list into the larger; returns the surviving id. */
    private int merge(int a, int b) {
        if (a == b) {
            return a;
        }
        List<EncodingIndex.Key> la = members.get(a);
        List<EncodingIndex.Key> lb = members.get(b);
        int keep = la.size() >= lb.size() ? a : b;
        int drop = keep == a ? b : a;
        List<EncodingIndex.Key> moved = members.remove(drop);
        moved.forEach(k -> clusterOf.put(k, keep));
        members.get(keep).addAll(moved);
        return keep;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
