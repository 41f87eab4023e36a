package org.ishenim.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ishenim.linkage.Clk;
import org.ishenim.linkage.Matcher;
import org.junit.jupiter.api.Test;
import org.ishenim.testing.SyntheticClks;

/**
 * The incremental unique-client count against clustering from scratch: uploads, corrections that move an encoding
 * between people, withdrawals that split a chain, and a whole site leaving, in a random order; after each step the
 * count equals the clusters of every pair, and an upload never re-clusters the whole set.
 */
class UniqueClientsTest {

    private static final double THRESHOLD = 0.85;
    private final Matcher matcher = new Matcher(2);

    @Test
    void staysEqualToClusteringFromScratchThroughUploadsCorrectionsAndWithdrawals() {
        Random random = new Random(3);
        EncodingIndex index = new EncodingIndex();
        UniqueClients unique = new UniqueClients(matcher, THRESHOLD);
        List<Clk> people = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            people.add(SyntheticClks.random(1024, false, random));
        }
        for (int i = 0; i < 3_000; i++) {
            index.put("site-" + (i % 5), "ref-" + i, people.get(i));
        }
        assertThat(unique.count(index.view(true))).isEqualTo(3_000);
        assertThat(unique.rebuilds()).isEqualTo(1);

        for (int step = 0; step < 60; step++) {
            int changes = 1 + random.nextInt(20);
            for (int c = 0; c < changes; c++) {
                int site = random.nextInt(6);
                String reference = "ref-" + random.nextInt(3_400);
                switch (random.nextInt(4)) {
                    case 0, 1 -> index.put("site-" + site, reference, // the same person seen again, or a new one
                            random.nextBoolean() ? SyntheticClks.nearCopy(people.get(random.nextInt(3_000)),
                                    0.86, random) : SyntheticClks.random(1024, false, random));
                    case 2 -> index.remove("site-" + site, reference);
                    default -> index.put("site-" + site, reference, SyntheticClks.nearCopy(
                            SyntheticClks.nearCopy(people.get(random.nextInt(3_000)), 0.9, random), 0.9, random));
                }
            }
            EncodingIndex.View view = index.view(true);
            assertThat(unique.count(view)).as("step %d", step)
                    .isEqualTo(matcher.exactClusters(view.base().set(), THRESHOLD).clusters());
        }
        index.removeSite("site-2");
        EncodingIndex.View view = index.view(true);
        assertThat(unique.count(view)).isEqualTo(matcher.exactClusters(view.base().set(), THRESHOLD).clusters());
        assertThat(unique.rebuilds()).isEqualTo(1);
    }

    @Test
    void aWithdrawnLinkSplitsItsChain() {
        Random random = new Random(9);
        Clk a = SyntheticClks.random(1024, false, random);
        Clk b = SyntheticClks.nearCopy(a, 0.86, random);
        Clk c = SyntheticClks.nearCopy(b, 0.86, random);
        EncodingIndex index = new EncodingIndex();
        UniqueClients unique = new UniqueClients(matcher, THRESHOLD);
        index.put("x", "a", a);
        index.put("y", "c", c);
        assertThat(unique.count(index.view(true))).isEqualTo(a.dice(c) >= THRESHOLD ? 1 : 2);
        index.put("z", "b", b);
        assertThat(unique.count(index.view(true))).isEqualTo(1);
        index.remove("z", "b");
        assertThat(unique.count(index.view(true))).isEqualTo(a.dice(c) >= THRESHOLD ? 1 : 2);
        assertThat(unique.rebuilds()).isEqualTo(1);
    }
}
