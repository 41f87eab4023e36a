package org.ishenim.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.ishenim.testing.SyntheticClks;

/**
 * The national unique-client count: LSH-blocked clusters are the same partition as clusters from every pair (the
 * method used before), on real clinic encodings of translit-dev (both sites, 6,000 records, 1,000 people twice)
 * and on random encodings with planted near-duplicates at and just above the threshold. Under the default
 * (half-filled encodings), where the count compares every pair once, both that and the bands are checked.
 */
class ClusterCountTest {

    private final Matcher matcher = new Matcher(2);

    @Test
    void clinicEncodingsOfTranslitDevClusterAsEveryPairDoes() {
        ClkEncoder encoder = new ClkEncoder(LinkageSchema.clinic(), "cluster test".getBytes(StandardCharsets.UTF_8));
        List<Clk> clks = new ArrayList<>();
        clks.addAll(encoder.encodeCsv(new StringReader(TestData.read(TestData.resource("translit-dev/a.csv")))));
        clks.addAll(encoder.encodeCsv(new StringReader(TestData.read(TestData.resource("translit-dev/b.csv")))));
        ClkSet set = ClkSet.of(clks);
        double threshold = LinkageSchema.CLINIC_THRESHOLD;

        Partition exact = matcher.exactClusters(set, threshold);
        Partition blocked = matcher.clusters(set, threshold);

        assertThat(set.size()).isGreaterThanOrEqualTo(Matcher.EXACT_CLUSTERS_BELOW);
        assertThat(exact.clusters()).isBetween(4_900, 5_100); // 1,000 people at both sites, and some look-alikes
        assertThat(blocked.labels()).containsExactly(exact.labels());
        assertThat(blocked.comparisons()).isLessThan(exact.comparisons() / 20);
    }

    @Test
    void plantedNearDuplicatesAreJoinedAndChainsFollowed() {
        Random random = new Random(11);
        List<Clk> clks = new ArrayList<>();
        List<int[]> expectedPairs = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            clks.add(SyntheticClks.random(1024, false, random));
        }
        for (int i = 0; i < 600; i++) {
            int original = random.nextInt(6_000);
            // flip bits until the copy sits just above the threshold: the hardest pairs for blocking
            clks.add(SyntheticClks.nearCopy(clks.get(original), 0.86, random));
            expectedPairs.add(new int[] {original, clks.size() - 1});
        }
        ClkSet set = ClkSet.of(clks);

        Partition exact = matcher.exactClusters(set, 0.85);
        Partition blocked = matcher.clusters(set, 0.85);

        assertThat(blocked.labels()).containsExactly(exact.labels());
        for (int[] pair : expectedPairs) {
            assertThat(blocked.labels()[pair[0]]).isEqualTo(blocked.labels()[pair[1]]);
        }
        assertThat(blocked.clusters()).isEqualTo(exact.clusters());
    }

    /**
     * The default configuration (diffusion-3x2048, half of the bits set, threshold 0.76): the clinic encodings of
     * translit-dev through the real hardener.
     */
    @Test
    void defaultHardenedEncodingsOfTranslitDevClusterAsEveryPairDoes() {
        EncodingConfiguration configuration = EncodingConfiguration.DEFAULT;
        ConfiguredEncoding encoding = ConfiguredEncoding.of(LinkageSchema.CLINIC, configuration);
        ClkEncoder encoder = new ClkEncoder(encoding.schema(), "cluster test".getBytes(StandardCharsets.UTF_8));
        List<Clk> clks = new ArrayList<>();
        clks.addAll(encoder.encodeCsv(new StringReader(TestData.read(TestData.resource("translit-dev/a.csv")))));
        clks.addAll(encoder.encodeCsv(new StringReader(TestData.read(TestData.resource("translit-dev/b.csv")))));
        ClkSet set = ClkSet.of(clks);
        double threshold = configuration.threshold();

        Partition exact = matcher.exactClusters(set, threshold);
        Partition counted = matcher.clusters(set, threshold);
        Partition blocked = matcher.bandedClusters(set, threshold);

        assertThat(set.size()).isGreaterThanOrEqualTo(Matcher.EXACT_CLUSTERS_BELOW);
        assertThat(exact.clusters()).isBetween(4_900, 5_100);
        assertThat(matcher.clusterPlan(set, threshold).comparesEveryPair()).isTrue();
        assertThat(counted.labels()).containsExactly(exact.labels());
        assertThat(counted.comparisons()).isLessThanOrEqualTo(exact.comparisons() / 2);
        assertThat(blocked.labels()).containsExactly(exact.labels());
    }

    /** Half-filled random encodings with copies just above the default's threshold, and chains of copies. */
    @Test
    void diffusedNearDuplicatesAtTheDefaultThresholdAreJoinedAndChainsFollowed() {
        double threshold = EncodingConfiguration.DEFAULT.threshold();
        Random random = new Random(13);
        List<Clk> clks = new ArrayList<>();
        List<int[]> expectedPairs = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            clks.add(SyntheticClks.random(2048, true, random));
        }
        for (int i = 0; i < 600; i++) {
            int original = i % 3 == 0 && i > 0 ? clks.size() - 1 : random.nextInt(6_000); // every third extends a chain
            clks.add(SyntheticClks.nearCopy(clks.get(original), threshold + 0.002, random));
            expectedPairs.add(new int[] {original, clks.size() - 1});
        }
        ClkSet set = ClkSet.of(clks);

        Partition exact = matcher.exactClusters(set, threshold);
        Partition counted = matcher.clusters(set, threshold);
        Partition blocked = matcher.bandedClusters(set, threshold);

        assertThat(counted.labels()).containsExactly(exact.labels());
        assertThat(blocked.labels()).containsExactly(exact.labels());
        for (int[] pair : expectedPairs) {
            assertThat(blocked.labels()[pair[0]]).isEqualTo(blocked.labels()[pair[1]]);
        }
    }

    @Test
    void countsTheSameAsBeforeOnSmallSets() {
        Random random = new Random(5);
        List<Clk> clks = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            clks.add(SyntheticClks.random(1024, false, random));
        }
        clks.add(clks.get(3));
        clks.add(clks.get(3));
        assertThat(matcher.countClusters(ClkSet.of(clks), 0.85)).isEqualTo(500);
    }
}
