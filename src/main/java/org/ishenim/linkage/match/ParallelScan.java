package org.ishenim.linkage.match;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Every query of one store against another, split into chunks of queries run on a fork-join pool of the given
 * size. Returns all pairs at or above the threshold (no one-to-one solving), indices in input order.
 */
public final class ParallelScan {

    private static final int CHUNK = 64;

    private final int threads;

    public ParallelScan(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.threads = threads;
    }

    public int threads() {
        return threads;
    }

    public Result allPairs(ClkStore queries, ClkStore targets, double threshold) {
        int chunks = (queries.size() + CHUNK - 1) / CHUNK;
        AtomicLong comparisons = new AtomicLong();
        List<PairSink> parts = run(() -> stream(chunks).mapToObj(c -> {
            PairSink sink = new PairSink();
            long compared = 0;
            int end = Math.min(queries.size(), (c + 1) * CHUNK);
            for (int row = c * CHUNK; row < end; row++) {
                int pq = queries.popcount(row);
                int[] range = DiceScan.range(targets, pq, threshold);
                compared += DiceScan.scan(queries.row(row), pq, queries.originalIndex(row), targets, range[0],
                        range[1], threshold, sink);
            }
            comparisons.addAndGet(compared);
            return sink;
        }).toList());
        PairSink all = new PairSink();
        parts.forEach(all::addAll);
        return new Result(all, comparisons.get());
    }

    IntStream stream(int count) {
        IntStream range = IntStream.range(0, count);
        return threads > 1 ? range.parallel() : range;
    }

    <T> T run(java.util.concurrent.Callable<T> task) {
        if (threads == 1) {
            try {
                return task.call();
            } catch (Exception e) {
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** Pairs found and the number of Dice comparisons made (after popcount pruning). */
    public record Result(PairSink pairs, long comparisons) {

        public static Result empty() {
            return new Result(new PairSink(), 0);
        }

        public List<int[]> asList() {
            List<int[]> list = new ArrayList<>();
            for (int i = 0; i < pairs.size(); i++) {
                list.add(new int[] {pairs.a(i), pairs.b(i)});
            }
            return list;
        }
    }
}
