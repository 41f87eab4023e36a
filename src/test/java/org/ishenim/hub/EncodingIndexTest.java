package org.ishenim.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.ishenim.linkage.Clk;
import org.junit.jupiter.api.Test;

/** The in-memory index answers as a brute-force scan of the current encodings would, across writes and rebuilds. */
class EncodingIndexTest {

    final Random random = new Random(11);

    @Test
    void queriesAgreeWithBruteForceThroughPutsReplacementsRemovalsAndRebuilds() {
        EncodingIndex index = new EncodingIndex();
        Map<EncodingIndex.Key, Clk> truth = new HashMap<>();
        List<Clk> people = random.ints(300).mapToObj(i -> randomClk()).toList();
        for (int op = 0; op < 6_000; op++) {
            String site = "s" + random.nextInt(3);
            String ref = "r" + random.nextInt(800);
            if (random.nextInt(5) == 0) {
                index.remove(site, ref);
                truth.remove(new EncodingIndex.Key(site, ref));
            } else {
                Clk clk = near(people.get(random.nextInt(people.size())), random.nextInt(40));
                index.put(site, ref, clk);
                truth.put(new EncodingIndex.Key(site, ref), clk);
            }
            if (op % 250 == 0) {
                Clk query = near(people.get(random.nextInt(people.size())), 10);
                Set<EncodingIndex.Key> expected = truth.entrySet().stream()
                        .filter(e -> query.dice(e.getValue()) >= 0.85).map(Map.Entry::getKey).collect(Collectors.toSet());
                assertThat(Set.copyOf(Matching.query(query, index.view(false), 0.85, 10_000))).as("op " + op)
                        .isEqualTo(expected);
            }
        }
        var compact = index.view(true);
        assertThat(compact.changed()).isEmpty();
        assertThat(Set.copyOf(compact.base().keys())).isEqualTo(truth.keySet());
    }

    @Test
    void topKKeepsTheBestAndClustersCountPeople() {
        EncodingIndex index = new EncodingIndex();
        Clk person = randomClk();
        for (int i = 0; i < 5; i++) {
            index.put("a", "r" + i, near(person, 4 * (i + 1)));
        }
        index.put("b", "other", randomClk());
        assertThat(Matching.query(person, index.view(false), 0.85, 2))
                .containsExactly(new EncodingIndex.Key("a", "r0"), new EncodingIndex.Key("a", "r1"));
        assertThat(new UniqueClients(new org.ishenim.linkage.Matcher(1), 0.85).count(index.view(true))).isEqualTo(2);
    }

    Clk randomClk() {
        long[] words = new long[16];
        for (int i = 0; i < words.length; i++) {
            words[i] = random.nextLong() & random.nextLong();
        }
        return new Clk(words, 1024);
    }

    Clk near(Clk clk, int flips) {
        byte[] bytes = clk.toBytes();
        for (int i = 0; i < flips; i++) {
            int bit = random.nextInt(1024);
            bytes[bit / 8] ^= (byte) (1 << (bit % 8));
        }
        return Clk.fromBytes(bytes);
    }
}
