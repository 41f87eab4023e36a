package org.ishenim.linkage.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.ishenim.linkage.Clk;
import org.ishenim.testing.SyntheticClks;
import org.junit.jupiter.api.Test;

class ParallelScanTest {

    @Test
    void tasksRunOnSeveralThreadsAndComeBackInIndexOrder() {
        Set<String> threadNames = ConcurrentHashMap.newKeySet();
        CountDownLatch bothStarted = new CountDownLatch(2);
        List<Integer> squares = new ParallelScan(2).each(200, i -> {
            threadNames.add(Thread.currentThread().getName());
            bothStarted.countDown();
            await(bothStarted);
            return i * i;
        });
        assertThat(squares).isEqualTo(IntStream.range(0, 200).map(i -> i * i).boxed().toList());
        assertThat(threadNames).hasSize(2);
    }

    @Test
    void oneThreadRunsEverythingOnTheCaller() {
        Set<String> threadNames = ConcurrentHashMap.newKeySet();
        List<Integer> same = new ParallelScan(1).each(50, i -> {
            threadNames.add(Thread.currentThread().getName());
            return i;
        });
        assertThat(same).hasSize(50).startsWith(0, 1, 2).endsWith(49);
        assertThat(threadNames).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void theFirstFailureIsThrownToTheCaller() {
        assertThatThrownBy(() -> new ParallelScan(2).each(100, i -> {
            if (i == 37) {
                throw new IllegalArgumentException("task 37");
            }
            return i;
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("task 37");
    }

    /**
     * The lower triangle of one store is every pair once, with the similarities of the full square; from a later row
     * on, exactly the pairs whose later row (in popcount order) is at or after it. Sparse and half-filled encodings,
     * 1024 and 2048 bits, near copies at the threshold, 1 and 2 threads.
     */
    @Test
    void lowerPairsAreEveryPairOnceAndFromARowOnTheirShare() {
        for (boolean diffused : new boolean[] {false, true}) {
            int bits = diffused ? 2048 : 1024;
            double threshold = diffused ? 0.75 : 0.85;
            Random random = new Random(bits);
            List<Clk> clks = new ArrayList<>();
            for (int i = 0; i < 900; i++) {
                clks.add(SyntheticClks.random(bits, diffused, random));
            }
            for (int i = 0; i < 300; i++) {
                clks.add(SyntheticClks.nearCopy(clks.get(random.nextInt(clks.size())), threshold, random));
            }
            int w = bits / 64;
            long[] flat = new long[clks.size() * w];
            for (int i = 0; i < clks.size(); i++) {
                System.arraycopy(clks.get(i).words(), 0, flat, i * w, w);
            }
            ClkStore store = ClkStore.of(flat, w);
            int[] rowOf = new int[store.size()];
            for (int row = 0; row < store.size(); row++) {
                rowOf[store.originalIndex(row)] = row;
            }
            Map<String, Double> square = new HashMap<>();
            PairSink all = new ParallelScan(2).allPairs(store, store, threshold).pairs();
            for (int p = 0; p < all.size(); p++) {
                if (all.a(p) != all.b(p)) {
                    square.put(Math.min(all.a(p), all.b(p)) + "-" + Math.max(all.a(p), all.b(p)), all.similarity(p));
                }
            }
            assertThat(square.size()).as("pairs at the threshold").isGreaterThanOrEqualTo(300);
            for (int threads = 1; threads <= 2; threads++) {
                for (int from : new int[] {0, 1, 640, store.size() - 70, store.size()}) {
                    Map<String, Double> lower = new HashMap<>();
                    PairSink found = new ParallelScan(threads).lowerPairs(store, from, threshold).pairs();
                    for (int p = 0; p < found.size(); p++) {
                        assertThat(rowOf[found.a(p)]).isGreaterThan(rowOf[found.b(p)]).isGreaterThanOrEqualTo(from);
                        String key = Math.min(found.a(p), found.b(p)) + "-" + Math.max(found.a(p), found.b(p));
                        assertThat(lower.put(key, found.similarity(p))).as("found once: %s", key).isNull();
                    }
                    Map<String, Double> expected = new HashMap<>();
                    square.forEach((key, similarity) -> {
                        String[] ab = key.split("-");
                        if (Math.max(rowOf[Integer.parseInt(ab[0])], rowOf[Integer.parseInt(ab[1])]) >= from) {
                            expected.put(key, similarity);
                        }
                    });
                    assertThat(lower).as("%d bits, %d threads, from row %d", bits, threads, from)
                            .isEqualTo(expected);
                }
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
