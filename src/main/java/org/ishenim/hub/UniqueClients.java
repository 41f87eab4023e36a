package org.ishenim.hub;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ishenim.linkage.Candidate;
import org.ishenim.linkage.Clk;
import org.ishenim.linkage.ClkSet;
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

    /** The base of the view counted last: while the index keeps it, only the keys changed since it can differ. */
    private EncodingIndex.Base lastBase;

    /**
     * The number of clusters among the encodings of a view, compacted or not. When the view has the same base as the
     * last count, only its changed keys (at most {@link EncodingIndex#MAX_CHANGED}) are looked at: an upload costs a
     * query and the work on its own cluster, not a pass over every encoding. After the index rebuilt its base, every
     * key is compared with what was counted.
     */
    int count(EncodingIndex.View view) {
        Map<EncodingIndex.Key, Clk> recent = new HashMap<>();
        for (int i = 0; i < view.recentKeys().size(); i++) {
            recent.put(view.recentKeys().get(i), view.recentClks().get(i));
        }
        EncodingIndex.Base base = view.base();
        List<EncodingIndex.Key> gone = new ArrayList<>();
        Map<EncodingIndex.Key, Clk> arrived = new HashMap<>();
        if (base == lastBase) {
            for (EncodingIndex.Key key : view.changed()) {
                compare(key, recent.get(key), gone, arrived);
            }
        } else {
            Set<EncodingIndex.Key> present = new HashSet<>(base.keys().size() * 2);
            for (int i = 0; i < base.keys().size(); i++) {
                EncodingIndex.Key key = base.keys().get(i);
                if (!view.changed().contains(key)) {
                    present.add(key);
                    compare(key, base.clks().get(i), gone, arrived);
                }
            }
            recent.forEach((key, clk) -> {
                present.add(key);
                compare(key, clk, gone, arrived);
            });
            known.keySet().stream().filter(key -> !present.contains(key)).forEach(gone::add);
        }
        lastBase = base;
        if (known.isEmpty() || gone.size() + arrived.size() > MAX_INCREMENTAL) {
            rebuild(view);
        } else {
            gone.forEach(this::detach);
            splitDirty();
            arrived.forEach((key, clk) -> attach(view, key, clk));
        }
        return members.size();
    }

    /** Sorts one key by its current encoding ({@code null}: not present) against the one counted. */
    private void compare(EncodingIndex.Key key, Clk current, List<EncodingIndex.Key> gone,
            Map<EncodingIndex.Key, Clk> arrived) {
        Clk before = known.get(key);
        if (before != null && !before.equals(current)) {
            gone.add(key);
        }
        if (current != null && !current.equals(before)) {
            arrived.put(key, current);
        }
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

    /** Clusters every current encoding of the view from scratch. */
    private void rebuild(EncodingIndex.View view) {
        rebuilds++;
        clusterOf.clear();
        members.clear();
        dirty.clear();
        EncodingIndex.Base base = view.base();
        List<EncodingIndex.Key> keys = new ArrayList<>(view.size());
        List<Clk> clks = new ArrayList<>(view.size());
        for (int i = 0; i < base.keys().size(); i++) {
            if (!view.changed().contains(base.keys().get(i))) {
                keys.add(base.keys().get(i));
                clks.add(base.clks().get(i));
            }
        }
        keys.addAll(view.recentKeys());
        clks.addAll(view.recentClks());
        known = new HashMap<>(keys.size() * 2);
        if (keys.isEmpty()) {
            return;
        }
        ClkSet set = view.changed().isEmpty() ? base.set() : ClkSet.of(clks);
        int[] labels = matcher.clusters(set, threshold).labels();
        for (int i = 0; i < labels.length; i++) {
            EncodingIndex.Key key = keys.get(i);
            known.put(key, clks.get(i));
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

    /**
     * Adds an encoding of the view and joins every cluster it reaches: a query of the base (leaving out the keys
     * changed since it was built, whose current encodings are among the recent ones) and of the recent encodings.
     */
    private void attach(EncodingIndex.View view, EncodingIndex.Key key, Clk clk) {
        known.put(key, clk);
        int cluster = nextCluster++;
        clusterOf.put(key, cluster);
        members.put(cluster, new ArrayList<>(List.of(key)));
        EncodingIndex.Base base = view.base();
        List<EncodingIndex.Key> reached = new ArrayList<>();
        if (!base.keys().isEmpty() && base.set().bits() == clk.bits()) {
            for (Candidate hit : matcher.query(clk, base.set(), threshold, 0)) {
                EncodingIndex.Key other = base.keys().get(hit.indexB());
                if (!view.changed().contains(other)) {
                    reached.add(other);
                }
            }
        }
        for (int i = 0; i < view.recentKeys().size(); i++) {
            Clk other = view.recentClks().get(i);
            if (other.bits() == clk.bits() && clk.dice(other) >= threshold) {
                reached.add(view.recentKeys().get(i));
            }
        }
        for (EncodingIndex.Key other : reached) {
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
