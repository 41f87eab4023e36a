package org.ishenim.linkage.match;

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
    /**
     * 32,768 words (256 KiB) of row-major targets per tile (2,048 rows of 1024 bits; their 22 prefix columns take
     * 176 KiB): fits in L2 next to the queries.
     */
    private static final int TILE_WORDS = 32_768;

    private final int threads;
    private final DiceScan.Loop loop;

    public ParallelScan(int threads) {
        this(threads, DiceScan.Loop.detected());
    }

    /**
     * {@code earlyExit = false} counts every word of every pair ({@link DiceScan#scanFull}); same results, for the
     * benchmark's figure without the early exit.
     */
    public ParallelScan(int threads, boolean earlyExit) {
        this(threads, earlyExit ? DiceScan.Loop.detected() : DiceScan.Loop.FULL);
    }

    /** With a given loop (all give the same results; for the benchmark and the tests). */
    public ParallelScan(int threads, DiceScan.Loop loop) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.threads = threads;
        this.loop = loop;
    }

    public int threads() {
        return threads;
    }

    public Result allPairs(ClkStore queries, ClkStore targets, double threshold) {
        int chunks = (queries.size() + CHUNK - 1) / CHUNK;
        AtomicLong comparisons = new AtomicLong();
        List<PairSink> parts = run(() -> stream(chunks).mapToObj(c -> {
            PairSink sink = new PairSink();
            int start = c * CHUNK;
            int end = Math.min(queries.size(), start + CHUNK);
            comparisons.addAndGet(scanChunk(queries, start, end, targets, threshold, loop, sink));
            return sink;
        }).toList());
        PairSink all = new PairSink();
        parts.forEach(all::addAll);
        return new Result(all, comparisons.get());
    }

    /**
     * Scans queries [start, end) against the targets tile by tile, so each tile of targets is read from memory once
     * per chunk of queries and then served from cache.
     */
    private static long scanChunk(ClkStore queries, int start, int end, ClkStore targets, double threshold,
            DiceScan.Loop loop, PairSink sink) {
        int count = end - start;
        DiceScan.Query[] prepared = new DiceScan.Query[count];
        int[][] ranges = new int[count][];
        int lowest = targets.size();
        int highest = 0;
        DiceScan.Scratch scratch = new DiceScan.Scratch(targets);
        for (int i = 0; i < count; i++) {
            int pq = queries.popcount(start + i);
            ranges[i] = DiceScan.range(targets, pq, threshold);
            prepared[i] = DiceScan.prepare(queries.row(start + i), pq, queries.originalIndex(start + i), targets,
                    ranges[i][0], ranges[i][1], threshold, scratch);
            lowest = Math.min(lowest, ranges[i][0]);
            highest = Math.max(highest, ranges[i][1]);
        }
        long compared = 0;
        int tile = Math.max(1, TILE_WORDS / targets.wordsPer());
        for (int tileStart = lowest; tileStart < highest; tileStart += tile) {
            int tileEnd = Math.min(highest, tileStart + tile);
            for (int i = 0; i < count; i++) {
                int from = Math.max(ranges[i][0], tileStart);
                int to = Math.min(ranges[i][1], tileEnd);
                if (from < to) {
                    compared += loop.scan(prepared[i], targets, from, to, sink);
                }
            }
        }
        return compared;
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
    }
}
