package org.ishenim.hub;

import java.util.Random;
import org.ishenim.linkage.Clk;
import org.ishenim.testing.SyntheticClks;
import org.ishenim.linkage.ConfiguredEncoding;
import org.ishenim.linkage.EncodingConfiguration;

/**
 * Not a test: how fast the hub answers one query from memory, and how long the unique-client count takes.
 * Random encodings shaped as the encoding configuration's (third argument, default
 * {@link EncodingConfiguration#DEFAULT}): for a Bloom filter 1024 bits with about 30% set (as the plain clinic schema
 * produces), for diffusion its length with about half set; n per site. The threshold is the configuration's less
 * 0.01 (0.85 for {@code plain}, as before configurations existed).
 *
 * <pre>bench/hub.sh [n] [count sizes, e.g. 20000,100000,1000000] [configuration, e.g. plain]</pre>
 */
public final class HubQueryBenchmark {

    private static int bits = 1024;
    private static boolean diffused;

    public static void main(String[] args) {
        EncodingConfiguration configuration = args.length > 2 ? EncodingConfiguration.named(args[2])
                : EncodingConfiguration.DEFAULT;
        bits = ConfiguredEncoding.of(org.ishenim.linkage.LinkageSchema.CLINIC, configuration).bits();
        diffused = configuration.shape() == EncodingConfiguration.Shape.DIFFUSED;
        double threshold = Math.round((configuration.threshold() - 0.01) * 100) / 100.0;
        System.out.printf("configuration=%s bits=%d threshold=%.2f%n", configuration.id(), bits, threshold);
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Random random = new Random(7);
        EncodingIndex index = new EncodingIndex();
        Clk[] clks = new Clk[n];
        for (int i = 0; i < n; i++) {
            clks[i] = randomClk(random);
            index.put("site-" + (i % 20), String.format("%032x", i), clks[i]);
        }
        index.view(true);
        index.put("site-0", String.format("%032x", 0), clks[0]);
        long t0 = System.nanoTime();
        index.view(true); // a second, warm rebuild
        long built = System.nanoTime() - t0;
        // Then a steady state: 1,000 encodings uploaded since the last rebuild.
        for (int i = 0; i < 1_000; i++) {
            index.put("site-new", String.format("%032x", i), randomClk(random));
        }
        EncodingIndex.View snapshot = index.view(false);
        int queries = 2_000;
        int found = 0;
        for (int w = 0; w < 200; w++) {
            found += Matching.query(clks[w], snapshot, threshold, 11).size();
        }
        t0 = System.nanoTime();
        for (int q = 0; q < queries; q++) {
            found += Matching.query(q % 2 == 0 ? clks[random.nextInt(n)] : randomClk(random), snapshot, threshold, 11)
                    .size();
        }
        long took = System.nanoTime() - t0;
        System.out.printf("encodings=%d base_build_ms=%.1f query_us=%.1f with 1000 recent uploads (found %d)%n", n, built / 1e6,
                took / 1e3 / queries, found);
        uniqueClientCount(args.length > 1 ? args[1] : "20000,100000,1000000", threshold);
    }

    /**
     * The national unique-client count over n encodings (10% of them near-duplicates of another, just above the
     * threshold): the LSH-blocked clusters the hub uses, and at 20,000 also every pair, the method before, with
     * whether the two partitions are identical.
     */
    static void uniqueClientCount(String sizes, double threshold) {
        for (String size : sizes.split(",")) {
            int n = Integer.parseInt(size.trim());
            Random random = new Random(n);
            java.util.List<Clk> clks = new java.util.ArrayList<>(n);
            int originals = n - n / 10;
            for (int i = 0; i < originals; i++) {
                clks.add(randomClk(random));
            }
            while (clks.size() < n) {
                clks.add(SyntheticClks.nearCopy(clks.get(random.nextInt(originals)), threshold + 0.02, random));
            }
            org.ishenim.linkage.Matcher matcher = org.ishenim.linkage.Matcher.onAllCores();
            long t0 = System.nanoTime();
            org.ishenim.linkage.ClkSet set = org.ishenim.linkage.ClkSet.of(clks);
            long built = System.nanoTime() - t0;
            long cpu0 = processCpuNanos();
            t0 = System.nanoTime();
            var blocked = matcher.clusters(set, threshold);
            long took = System.nanoTime() - t0;
            long cpu = processCpuNanos() - cpu0;
            var plan = matcher.clusterPlan(set, threshold);
            System.out.printf("lsh_plan %s%n", plan);
            System.out.printf("unique_clients encodings=%d clusters=%d set_build_ms=%.0f cluster_ms=%.0f cluster_cpu_ms=%.0f"
                    + " comparisons=%d threads=%d load_average=%.1f%n", n, blocked.clusters(), built / 1e6, took / 1e6,
                    cpu / 1e6, blocked.comparisons(), Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            if (n > 20_000) {
                everyPairSample(matcher, clks, set, threshold);
            }
            if (n <= UPLOAD_TIMING_UP_TO) {
                oneUpload(clks, threshold, random);
            }
            if (n <= 20_000) {
                t0 = System.nanoTime();
                var exact = matcher.exactClusters(set, threshold);
                long exactTook = System.nanoTime() - t0;
                System.out.printf("unique_clients_every_pair encodings=%d clusters=%d ms=%.0f same_partition=%s%n", n,
                        exact.clusters(), exactTook / 1e6, java.util.Arrays.equals(exact.labels(), blocked.labels()));
            }
        }
    }

    /**
     * The exact alternative, by sample: 2,000 of the encodings against the whole set with the engine's pruned all-pairs
     * scan, on all cores, and what every pair (n(n − 1)/2) would take at that rate.
     */
    static void everyPairSample(org.ishenim.linkage.Matcher matcher, java.util.List<Clk> clks,
            org.ishenim.linkage.ClkSet set, double threshold) {
        org.ishenim.linkage.ClkSet sample = org.ishenim.linkage.ClkSet.of(clks.subList(0, 2_000));
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        int found = matcher.allPairs(sample, set, threshold).size();
        long took = System.nanoTime() - t0;
        long cpu = processCpuNanos() - cpu0;
        double pairs = 2_000.0 * set.size();
        double all = set.size() * (set.size() - 1.0) / 2;
        System.out.printf("every_pair_sample queries=2000 encodings=%d pairs_found=%d wall_ms=%.0f cpu_ms=%.0f"
                + " M_pairs_per_cpu_s=%.1f every_pair_cpu_s=%.0f every_pair_wall_s=%.0f%n", set.size(), found,
                took / 1e6, cpu / 1e6, pairs / (cpu / 1e9) / 1e6, all / pairs * cpu / 1e9, all / pairs * took / 1e9);
    }

    /** Sizes up to this one also time one upload and one withdrawal (they cluster the set once more, as the hub does). */
    static final int UPLOAD_TIMING_UP_TO = 100_000;

    /**
     * What one upload and one withdrawal cost the hub's incremental count ({@link UniqueClients}) on a set of this
     * size: the view (the index's base and the keys changed since, as the hub takes it) and the count itself, which
     * looks only at the changed keys, queries the new encoding against the set and joins the clusters it reaches, or
     * re-links the cluster a withdrawal leaves. Median
     * of 15 of each: an upload of a near copy (joins a cluster), of a new person (a cluster of its own), and a
     * withdrawal of a copy (its cluster is re-linked from the rest). The set is clustered once at the start.
     */
    static void oneUpload(java.util.List<Clk> clks, double threshold, Random random) {
        EncodingIndex index = new EncodingIndex();
        for (int i = 0; i < clks.size(); i++) {
            index.put("site-" + (i % 20), String.format("%032x", i), clks.get(i));
        }
        UniqueClients unique = new UniqueClients(org.ishenim.linkage.Matcher.onAllCores(), threshold);
        int clusters = unique.count(index.view(true));
        int repeats = 15;
        long[][] copy = new long[2][repeats];
        long[][] fresh = new long[2][repeats];
        long[][] withdrawal = new long[2][repeats];
        for (int r = 0; r < repeats; r++) {
            String reference = String.format("upload-%d", r);
            Clk original = clks.get(random.nextInt(clks.size() - clks.size() / 10));
            timeCount(index, unique, copy, r, () -> index.put("site-new", reference,
                    SyntheticClks.nearCopy(original, threshold + 0.02, random)));
            timeCount(index, unique, fresh, r, () -> index.put("site-new", reference + "-new", randomClk(random)));
            timeCount(index, unique, withdrawal, r, () -> index.remove("site-new", reference));
            index.remove("site-new", reference + "-new");
            unique.count(index.view(false));
        }
        int after = unique.count(index.view(true));
        System.out.printf("one_upload encodings=%d near_copy: view_ms=%.1f count_ms=%.1f; new_person: view_ms=%.1f"
                + " count_ms=%.1f; withdrawal: view_ms=%.1f count_ms=%.1f (medians of %d; whole-set clusterings %d,"
                + " clusters %d before and %d after)%n", clks.size(), median(copy[0]), median(copy[1]),
                median(fresh[0]), median(fresh[1]), median(withdrawal[0]), median(withdrawal[1]), repeats,
                unique.rebuilds(), clusters, after);
    }

    /** Makes one change, then times the view (into {@code into[0][r]}) and the count (into {@code into[1][r]}). */
    private static void timeCount(EncodingIndex index, UniqueClients unique, long[][] into, int r, Runnable change) {
        change.run();
        long t0 = System.nanoTime();
        EncodingIndex.View view = index.view(false); // as the hub counts: the index compacts itself now and then
        long t1 = System.nanoTime();
        unique.count(view);
        long t2 = System.nanoTime();
        into[0][r] = t1 - t0;
        into[1][r] = t2 - t1;
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    /** CPU time of this process: on a shared machine, wall time alone says more about the neighbours. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** A copy with set bits cleared while its Dice to the original stays at or above {@code dice}. */
    static Clk randomClk(Random random) {
        return SyntheticClks.random(bits, diffused, random);
    }
}
