package org.ishenim.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatcherTest {

    /** Random CLKs of varying density, a quarter of B being noisy copies of A records. */
    static List<List<Clk>> randomSets(int sizeA, int sizeB, int bits, long seed) {
        Random random = new Random(seed);
        List<Clk> a = new ArrayList<>();
        for (int i = 0; i < sizeA; i++) {
            a.add(randomClk(random, bits, 0.2 + 0.4 * random.nextDouble()));
        }
        List<Clk> b = new ArrayList<>();
        for (int i = 0; i < sizeB; i++) {
            b.add(i % 4 == 0 ? noisyCopy(random, a.get(random.nextInt(sizeA)), 0.1)
                    : randomClk(random, bits, 0.2 + 0.4 * random.nextDouble()));
        }
        return List.of(a, b);
    }

    static Clk randomClk(Random random, int bits, double density) {
        byte[] bytes = new byte[bits / 8];
        for (int bit = 0; bit < bits; bit++) {
            if (random.nextDouble() < density) {
                bytes[bit >>> 3] |= (byte) (0x80 >>> (bit & 7));
            }
        }
        return Clk.fromBytes(bytes);
    }

    static Clk noisyCopy(Random random, Clk original, double flip) {
        byte[] bytes = original.toBytes();
        for (int bit = 0; bit < original.bits(); bit++) {
            if (random.nextDouble() < flip * (original.isSet(bit) ? 1 : 0.3)) {
                bytes[bit >>> 3] ^= (byte) (0x80 >>> (bit & 7));
            }
        }
        return Clk.fromBytes(bytes);
    }

    static Map<Long, Double> bruteForce(List<Clk> a, List<Clk> b, double threshold) {
        Map<Long, Double> pairs = new HashMap<>();
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < b.size(); j++) {
                double dice = a.get(i).dice(b.get(j));
                if (dice >= threshold) {
                    pairs.put(key(i, j), dice);
                }
            }
        }
        return pairs;
    }

    static long key(int a, int b) {
        return (long) a << 32 | b;
    }

    static Map<Long, Double> asMap(List<Candidate> candidates) {
        Map<Long, Double> pairs = new HashMap<>();
        candidates.forEach(c -> pairs.put(key(c.indexA(), c.indexB()), c.similarity()));
        assertThat(pairs).hasSameSizeAs(candidates);
        return pairs;
    }

    @ParameterizedTest
    @CsvSource({"1024, 1, 0.7", "1024, 2, 0.7", "1024, 2, 0.5", "512, 2, 0.8", "2048, 1, 0.6", "1024, 3, 0.0"})
    void allPairsAgreesWithBruteForce(int bits, int threads, double threshold) {
        List<List<Clk>> sets = randomSets(150, 200, bits, bits + threads);
        Map<Long, Double> expected = bruteForce(sets.get(0), sets.get(1), threshold);

        List<Candidate> actual = new Matcher(threads).allPairs(ClkSet.of(sets.get(0)), ClkSet.of(sets.get(1)),
                threshold);

        assertThat(expected).isNotEmpty();
        assertThat(asMap(actual)).isEqualTo(expected);
    }

    @Test
    void queryReturnsTopKBestFirst() {
        List<List<Clk>> sets = randomSets(400, 4, 1024, 7);
        Clk query = sets.get(1).get(0);
        List<Candidate> all = new Matcher(1).query(query, ClkSet.of(sets.get(0)), 0.3, 0);
        List<Candidate> top = new Matcher(1).query(query, ClkSet.of(sets.get(0)), 0.3, 5);

        assertThat(all.size()).isGreaterThan(5);
        assertThat(top).containsExactlyElementsOf(all.subList(0, 5));
        assertThat(top.get(0).similarity()).isGreaterThanOrEqualTo(top.get(4).similarity());
        assertThat(top.get(0).similarity()).isCloseTo(query.dice(sets.get(0).get(top.get(0).indexB())),
                within(1e-12));
    }

    @Test
    void greedySolverTakesBestPairsFirstAndUsesEachRecordOnce() {
        List<Candidate> candidates = List.of(new Candidate(0, 0, 0.90), new Candidate(0, 1, 0.95),
                new Candidate(1, 1, 0.93), new Candidate(1, 0, 0.80), new Candidate(2, 2, 0.75),
                new Candidate(2, 1, 0.99));

        List<Candidate> solved = Matcher.greedyOneToOne(candidates);

        assertThat(solved).containsExactly(new Candidate(2, 1, 0.99), new Candidate(0, 0, 0.90));
        assertThat(solved.stream().map(Candidate::indexA).distinct().count()).isEqualTo(solved.size());
        assertThat(solved.stream().map(Candidate::indexB).distinct().count()).isEqualTo(solved.size());
    }

    @Test
    void blockingFindsAlmostAllPairsOfFullComparison() {
        List<List<Clk>> sets = randomSets(3000, 3000, 1024, 11);
        ClkSet a = ClkSet.of(sets.get(0));
        ClkSet b = ClkSet.of(sets.get(1));
        Matcher matcher = new Matcher(2);

        Map<Long, Double> full = asMap(matcher.allPairs(a, b, 0.75));
        Map<Long, Double> blocked = asMap(matcher.blockedPairs(a, b, 0.75, 48, 20));

        assertThat(full.size()).isGreaterThan(500);
        assertThat(full).containsAllEntriesOf(blocked);
        assertThat((double) blocked.size() / full.size()).isGreaterThanOrEqualTo(0.98);
    }

    @Test
    void clustersCountUniquePeople() {
        Random random = new Random(3);
        List<Clk> clks = new ArrayList<>();
        for (int person = 0; person < 50; person++) {
            Clk original = randomClk(random, 1024, 0.4);
            clks.add(original);
            for (int copy = 0; copy < person % 3; copy++) {
                clks.add(noisyCopy(random, original, 0.05));
            }
        }

        assertThat(new Matcher(2).countClusters(ClkSet.of(clks), 0.8)).isEqualTo(50);
    }

    @Test
    void clkSerialisesLikeClkhash() {
        Clk clk = randomClk(new Random(5), 1024, 0.5);
        byte[] bytes = clk.toBytes();

        assertThat(Clk.fromBase64(clk.toBase64())).isEqualTo(clk);
        assertThat(clk.toBase64()).hasSize(172);
        assertThat(clk.isSet(0)).isEqualTo((bytes[0] & 0x80) != 0);
        assertThat(clk.isSet(1023)).isEqualTo((bytes[127] & 0x01) != 0);
    }
}
