package org.ishenim.linkage.match;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Every query of one store against another, split into chunks of 64 queries that the given number of threads take
 * one at a time (self-scheduling: a thread slowed by another process on a shared core simply takes fewer chunks).
 * Returns all pairs at or above the threshold (no one-to-one solving), in the order of the chunks.
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
        List<PairSink> parts = each(chunks, c -> {
            PairSink sink = new PairSink();
            int start = c * CHUNK;
            int end = Math.min(queries.size(), start + CHUNK);
            comparisons.addAndGet(scanChunk(queries, start, end, targets, threshold, loop, sink));
            return sink;
        });
        PairSink all = new PairSink();
        parts.forEach(all::addAll);
        return new Result(all, comparisons.get());
    }

    /**
     * Every pair of rows of one store in which the later row (in the store's popcount order) is at or after
     * {@code fromRow}, each pair once: row r is scanned against the rows before it. From row 0 that is every pair of
     * the store, half the work of {@code allPairs(store, store)}. Pairs come as (original index of the later row,
     * original index of the earlier row, similarity).
     */
    public Result lowerPairs(ClkStore store, int fromRow, double threshold) {
        int chunks = (store.size() - fromRow + CHUNK - 1) / CHUNK;
        AtomicLong comparisons = new AtomicLong();
        // the last chunks have the most rows before them: hand them out first
        List<PairSink> parts = each(chunks, c -> {
            PairSink sink = new PairSink();
            int start = fromRow + (chunks - 1 - c) * CHUNK;
            int end = Math.min(store.size(), start + CHUNK);
            comparisons.addAndGet(scanChunk(store, start, end, store, threshold, loop, sink, true));
            return sink;
        });
        PairSink all = new PairSink();
        parts.forEach(all::addAll);
        return new Result(all, comparisons.get());
    }

    private static long scanChunk(ClkStore queries, int start, int end, ClkStore targets, double threshold,
            DiceScan.Loop loop, PairSink sink) {
        return scanChunk(queries, start, end, targets, threshold, loop, sink, false);
    }

    /**
     * Scans queries [start, end) against the targets tile by tile, so each tile of targets is read from memory once
     * per chunk of queries and then served from cache. {@code before}: queries and targets are one store, and query
     * row r is scanned only against the rows before r.
     */
    private static long scanChunk(ClkStore queries, int start, int end, ClkStore targets, double threshold,
            DiceScan.Loop loop, PairSink sink, boolean before) {
        int count = end - start;
        DiceScan.Query[] prepared = new DiceScan.Query[count];
        int[][] ranges = new int[count][];
        int lowest = targets.size();
        int highest = 0;
        DiceScan.Scratch scratch = new DiceScan.Scratch(targets);
        for (int i = 0; i < count; i++) {
            int pq = queries.popcount(start + i);
            ranges[i] = DiceScan.range(targets, pq, threshold);
            if (before) {
                ranges[i][1] = Math.min(ranges[i][1], start + i);
                ranges[i][0] = Math.min(ranges[i][0], ranges[i][1]);
            }
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

    /**
     * Runs {@code task} for 0 to count - 1 on this thread and {@code threads - 1} helpers, each taking the next
     * index as it finishes one, and returns the results in index order. The first failure stops the others from
     * taking more and is thrown here.
     */
    <T> List<T> each(int count, IntFunction<T> task) {
        Object[] results = new Object[count];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < count && failure.get() == null; i = next.getAndIncrement()) {
                try {
                    results[i] = task.apply(i);
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        Thread[] helpers = new Thread[Math.max(0, Math.min(threads, count) - 1)];
        for (int h = 0; h < helpers.length; h++) {
            helpers[h] = new Thread(worker, "dice-scan-" + (h + 1));
            helpers[h].setDaemon(true);
            helpers[h].start();
        }
        worker.run();
        joinAll(helpers, failure);
        Throwable thrown = failure.get();
        if (thrown instanceof RuntimeException e) {
            throw e;
        }
        if (thrown != null) {
            throw (Error) thrown;
        }
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) Arrays.asList(results);
        return list;
    }

    private static void joinAll(Thread[] helpers, AtomicReference<Throwable> failure) {
        boolean interrupted = false;
        for (Thread helper : helpers) {
            while (helper.isAlive()) {
                try {
                    helper.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                    failure.compareAndSet(null, new IllegalStateException("interrupted"));
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Pairs found and the number of Dice comparisons made (after popcount pruning). */
    public record Result(PairSink pairs, long comparisons) {
    }
}
