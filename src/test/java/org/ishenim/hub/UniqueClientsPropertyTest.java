package org.ishenim.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ishenim.linkage.Clk;
import org.ishenim.linkage.ClkSet;
import org.ishenim.linkage.Matcher;
import org.ishenim.testing.SyntheticClks;

/**
 * The incremental clusters against a full recount, as partitions and not only as counts: whatever the sequence of
 * uploads (new people, people seen again, links in a chain), corrections and withdrawals, after every batch the
 * clusters the hub keeps are exactly the connected components of every pair at the threshold, and the whole set is
 * clustered only once. Plain 1024-bit filters at 0.85 and half-filled 2048-bit (diffused) ones at 0.75.
 */
class UniqueClientsPropertyTest {

    private final Matcher matcher = new Matcher(2);

    @Property(tries = 25)
    void incrementalClustersEqualAFullRecount(@ForAll long seed, @ForAll boolean diffused,
            @ForAll @IntRange(min = 1, max = 12) int batch) {
        run(seed, diffused, batch, true);
    }

    /**
     * The same on the views a query takes (not compacted: the base as it was, and the keys changed since), so that an
     * upload costs a query and its own cluster, not a copy of the whole index; the index compacts itself only now
     * and then (more than {@link EncodingIndex#MAX_CHANGED} changes), which the small batches here never reach.
     */
    @Property(tries = 25)
    void incrementalClustersOnUncompactedViewsEqualAFullRecount(@ForAll long seed, @ForAll boolean diffused,
            @ForAll @IntRange(min = 1, max = 12) int batch) {
        run(seed, diffused, batch, false);
    }

    private void run(long seed, boolean diffused, int batch, boolean compact) {
        Random random = new Random(seed);
        int bits = diffused ? 2048 : 1024;
        double threshold = diffused ? 0.75 : 0.85;
        List<Clk> people = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            people.add(SyntheticClks.random(bits, diffused, random));
        }
        EncodingIndex index = new EncodingIndex();
        UniqueClients unique = new UniqueClients(matcher, threshold);
        Map<String, Clk> uploaded = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            index.put("site-" + (i % 3), "ref-" + i, people.get(i));
            uploaded.put("ref-" + i, people.get(i));
        }
        unique.count(index.view(true));
        for (int step = 0; step < 30; step++) {
            for (int c = 0; c < batch; c++) {
                String site = "site-" + random.nextInt(4);
                String reference = "ref-" + random.nextInt(180);
                Clk near = people.get(random.nextInt(people.size()));
                Clk clk = switch (random.nextInt(5)) {
                    case 0 -> SyntheticClks.random(bits, diffused, random); // a new person
                    case 1 -> SyntheticClks.nearCopy(near, threshold + 0.01, random); // a person seen again
                    case 2 -> { // a link of a chain: near an encoding already uploaded, so a withdrawal may split
                        List<Clk> present = new ArrayList<>(uploaded.values());
                        Clk link = present.isEmpty() ? near : present.get(random.nextInt(present.size()));
                        yield SyntheticClks.nearCopy(link, threshold + 0.005, random);
                    }
                    default -> null; // a withdrawal
                };
                if (clk == null) {
                    index.remove(site, reference);
                    uploaded.remove(reference);
                } else {
                    index.put(site, reference, clk);
                    uploaded.put(reference, clk);
                }
            }
            EncodingIndex.View view = index.view(compact);
            int count = unique.count(view);
            Set<Set<EncodingIndex.Key>> expected = everyPairClusters(view, threshold);
            assertThat(shared(unique)).as("step %d", step).isEqualTo(expected);
            int singles = view.size() - expected.stream().mapToInt(Set::size).sum();
            assertThat(count).as("step %d", step).isEqualTo(singles + expected.size());
        }
        assertThat(unique.rebuilds()).isEqualTo(1);
    }

    /**
     * The clusters of two or more encodings from every pair of the view's current encodings (the base's unchanged
     * keys and the recent ones), each as a set of keys; the index itself is not touched.
     */
    private Set<Set<EncodingIndex.Key>> everyPairClusters(EncodingIndex.View view, double threshold) {
        List<EncodingIndex.Key> keys = new ArrayList<>();
        List<Clk> clks = new ArrayList<>();
        for (int i = 0; i < view.base().keys().size(); i++) {
            if (!view.changed().contains(view.base().keys().get(i))) {
                keys.add(view.base().keys().get(i));
                clks.add(view.base().clks().get(i));
            }
        }
        keys.addAll(view.recentKeys());
        clks.addAll(view.recentClks());
        assertThat(keys).hasSize(view.size());
        int[] labels = matcher.exactClusters(ClkSet.of(clks), threshold).labels();
        Map<Integer, Set<EncodingIndex.Key>> byLabel = new HashMap<>();
        for (int i = 0; i < labels.length; i++) {
            byLabel.computeIfAbsent(labels[i], l -> new HashSet<>()).add(keys.get(i));
        }
        Set<Set<EncodingIndex.Key>> clusters = new HashSet<>();
        byLabel.values().stream().filter(c -> c.size() > 1).forEach(clusters::add);
        return clusters;
    }

    private static Set<Set<EncodingIndex.Key>> shared(UniqueClients unique) {
        Set<Set<EncodingIndex.Key>> clusters = new HashSet<>();
        unique.sharedClusters().forEach(c -> clusters.add(new HashSet<>(c)));
        return clusters;
    }
}
