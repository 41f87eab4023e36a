package org.ishenim.linkage.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

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

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
