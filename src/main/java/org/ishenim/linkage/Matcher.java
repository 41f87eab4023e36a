package org.ishenim.linkage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.ishenim.linkage.match.Clusters;
import org.ishenim.linkage.match.DiceScan;
import org.ishenim.linkage.match.GreedySolver;
import org.ishenim.linkage.match.LshBlocking;
import org.ishenim.linkage.match.LshClusters;
import org.ishenim.linkage.match.LshPlan;
import org.ishenim.linkage.match.PairSink;
import org.ishenim.linkage.match.ParallelScan;

/**
 * Dice matching of encodings: one query against a set (threshold, top k), all pairs of two sets, LSH-blocked pairs
 * for large sets, the greedy one-to-one solver, and clustering to count unique people. Uses {@code threads} cores.
 */
public final class Matcher {

    private final ParallelScan scan;

    public Matcher(int threads) {
        this.scan = new ParallelScan(threads);
    }

    /** A matcher on every available core. */
    public static Matcher onAllCores() {
        return new Matcher(Runtime.getRuntime().availableProcessors());
    }

    public static double dice(Clk a, Clk b) {
        return a.dice(b);
    }

    /**
     * The encodings of {@code set} with Dice at least {@code threshold} against {@code query}, best first, at most
     * {@code topK} (0 for no limit). {@link Candidate#indexA()} is 0, {@code indexB} the position in the set.
     */
    public List<Candidate> query(Clk query, ClkSet set, double threshold, int topK) {
        PairSink sink = new PairSink();
        long[] words = query.words();
        int pq = query.popcount();
        int[] range = DiceScan.range(set.store(), pq, threshold);
        DiceScan.scan(words, pq, 0, set.store(), range[0], range[1], threshold, sink);
        List<Candidate> found = bestFirst(toList(sink));
        return topK > 0 && found.size() > topK ? List.copyOf(found.subList(0, topK)) : found;
    }

    /** Every pair (a in A, b in B) with Dice at least {@code threshold}, without one-to-one solving. */
    public List<Candidate> allPairs(ClkSet a, ClkSet b, double threshold) {
        return toList(scan.allPairs(a.store(), b.store(), threshold).pairs());
    }

    /**
     * Pairs at or above {@code threshold} among those that share at least one LSH band; for sets too large for
     * all-pairs. {@code bands} and {@code bitsPerBand} trade recall against work (see docs/linkage.md).
     */
    public List<Candidate> blockedPairs(ClkSet a, ClkSet b, double threshold, int bands, int bitsPerBand) {
        LshBlocking blocking = new LshBlocking(bands, bitsPerBand, 0x15e41dL);
        return toList(blocking.candidates(a.store(), b.store(), threshold, scan).pairs());
    }

    /** Greedy one-to-one: best pairs first, each record used at most once. */
    public static List<Candidate> greedyOneToOne(List<Candidate> candidates) {
        return toList(GreedySolver.solve(toSink(candidates)));
    }

    /** Below this size, clusters come from comparing every pair; above it, from LSH-blocked pairs. */
    public static final int EXACT_CLUSTERS_BELOW = 2_000;

    /** Clusters of one set linked at {@code threshold} (single linkage): an estimate of unique people. */
    public int countClusters(ClkSet set, double threshold) {
        return clusters(set, threshold).clusters();
    }

    /**
     * Single-linkage clusters of one set at {@code threshold}, with the cluster of each encoding. Small sets compare
     * every pair; larger ones take the plan of least estimated work ({@link LshPlan#forStore}): the pairs that share
     * an LSH band, planned from the set so that a pair at the threshold is missed with probability at most
     * {@link LshPlan#MISS_PER_EDGE}, or every pair once by the exact scan where that is cheaper (half-filled
     * encodings up to a few hundred thousand; docs/linkage.md).
     */
    public Partition clusters(ClkSet set, double threshold) {
        if (set.size() < EXACT_CLUSTERS_BELOW) {
            return exactClusters(set, threshold);
        }
        return clusters(set, threshold, clusterPlan(set, threshold));
    }

    /** Clusters with LSH bands even where every pair would be cheaper: for the tests of the bands. */
    Partition bandedClusters(ClkSet set, double threshold) {
        return clusters(set, threshold, LshPlan.forStore(set.store(), threshold, CLUSTER_SEED, false));
    }

    private Partition clusters(ClkSet set, double threshold, LshPlan plan) {
        LshClusters.Result result = new LshClusters(plan, CLUSTER_SEED).cluster(set.store(), threshold, scan);
        return new Partition(result.labels(), result.clusters(), result.comparisons());
    }

    /** The plan {@link #clusters} uses for a set of at least {@link #EXACT_CLUSTERS_BELOW} encodings. */
    public LshPlan clusterPlan(ClkSet set, double threshold) {
        return LshPlan.forStore(set.store(), threshold, CLUSTER_SEED);
    }

    /** Clusters from every pair: the reference that the LSH clusters are tested against. */
    public Partition exactClusters(ClkSet set, double threshold) {
        ParallelScan.Result all = scan.allPairs(set.store(), set.store(), threshold);
        int[] labels = Clusters.labels(set.size(), all.pairs());
        return new Partition(labels, Clusters.distinct(labels), all.comparisons());
    }

    private static final long CLUSTER_SEED = 0xC1057E5L;

    private static List<Candidate> bestFirst(List<Candidate> candidates) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(Candidate::similarity).reversed()
                .thenComparingInt(Candidate::indexB));
        return sorted;
    }

    private static List<Candidate> toList(PairSink sink) {
        List<Candidate> list = new ArrayList<>(sink.size());
        for (int i = 0; i < sink.size(); i++) {
            list.add(new Candidate(sink.a(i), sink.b(i), sink.similarity(i)));
        }
        return list;
    }

    private static PairSink toSink(List<Candidate> candidates) {
        PairSink sink = new PairSink();
        candidates.forEach(c -> sink.add(c.indexA(), c.indexB(), c.similarity()));
        return sink;
    }
}
