package org.ishenim.linkage.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The scan with its early exit (over the column layout and over the row-major words) and without it, against a
 * naive brute force over every pair: the same pairs and bit-for-bit the same similarities. Half of B is built to
 * sit exactly at, just above or just below the threshold against a chosen A record, with the common bits put in the
 * suffix words the early exit bounds, in the prefix, or anywhere, and densities from 2% to 90%.
 */
class DiceScanTest {

    private static final int SIZE_A = 300;
    private static final int SIZE_B = 2_600;

    @ParameterizedTest(name = "{0} words, threshold {1}")
    @CsvSource({"16, 0.7", "16, 0.85", "16, 0.5", "16, 0.91", "8, 0.7", "8, 0.8", "3, 0.75", "1, 0.6", "16, 0.0",
        "16, 1.0"})
    void sameCandidatesAndSimilaritiesAsBruteForce(int wordsPer, double threshold) {
        SplittableRandom random = new SplittableRandom(wordsPer * 1000L + (long) (threshold * 100));
        long[] a = randomRecords(random, SIZE_A, wordsPer);
        long[] b = nearThreshold(random, a, SIZE_B, wordsPer, threshold);
        Map<Long, Long> expected = bruteForce(a, b, wordsPer, threshold);
        assertBoundaryCasesPresent(a, b, wordsPer, threshold);

        ClkStore storeA = ClkStore.of(a, wordsPer);
        ClkStore storeB = ClkStore.of(b, wordsPer);
        for (int threads = 1; threads <= 2; threads++) {
            for (DiceScan.Loop loop : DiceScan.Loop.values()) {
                ParallelScan.Result result = new ParallelScan(threads, loop).allPairs(storeA, storeB, threshold);
                assertThat(asMap(result.pairs())).as("threads %d, loop %s", threads, loop).isEqualTo(expected);
            }
            ParallelScan.Result result = new ParallelScan(threads).allPairs(storeA, storeB, threshold);
            assertThat(asMap(result.pairs())).as("threads %d, detected loop", threads).isEqualTo(expected);
        }
    }

    @Test
    void oneQueryScannedInPiecesFindsWhatOneScanFinds() {
        SplittableRandom random = new SplittableRandom(5);
        int wordsPer = 16;
        double threshold = 0.7;
        long[] a = randomRecords(random, 40, wordsPer);
        long[] b = nearThreshold(random, a, 3_000, wordsPer, threshold);
        ClkStore store = ClkStore.of(b, wordsPer);
        Map<Long, Long> expected = bruteForce(a, b, wordsPer, threshold);

        PairSink pieces = new PairSink();
        PairSink rowPieces = new PairSink();
        PairSink whole = new PairSink();
        long decided = 0;
        long rowsDecided = 0;
        DiceScan.Scratch shared = new DiceScan.Scratch(store);
        for (int i = 0; i < 40; i++) {
            long[] q = Arrays.copyOfRange(a, i * wordsPer, (i + 1) * wordsPer);
            int pq = popcount(q);
            int[] range = DiceScan.range(store, pq, threshold);
            DiceScan.Query query = DiceScan.prepare(q, pq, i, store, range[0], range[1], threshold, shared);
            for (int from = range[0]; from < range[1]; from += 97) {
                decided += DiceScan.scanColumns(query, store, from, Math.min(range[1], from + 97), pieces);
                rowsDecided += DiceScan.scanRows(query, store, from, Math.min(range[1], from + 97), rowPieces);
            }
            DiceScan.scan(q, pq, i, store, range[0], range[1], threshold, whole);
            assertThat(decided).isEqualTo(sumOfRanges(store, a, wordsPer, threshold, i + 1)).isEqualTo(rowsDecided);
        }

        assertThat(asMap(pieces)).isEqualTo(expected).isEqualTo(asMap(whole)).isEqualTo(asMap(rowPieces));
    }

    /** The least passing count, and never smaller for a larger total (the per-block bound relies on it). */
    @Test
    void needIsTheLeastCommonCountPassingTheMultiplyTestAndGrowsWithTheTotal() {
        for (double threshold : new double[] {0.0, 0.13, 0.5, 0.7, 0.77, 0.85, 0.91, 0.999, 1.0}) {
            int previous = 0;
            for (int total = 0; total <= 4096; total++) {
                int need = DiceScan.need(total, threshold);
                assertThat(2.0 * need >= threshold * total - 1e-6).isTrue();
                assertThat(need == 0 || !(2.0 * (need - 1) >= threshold * total - 1e-6)).isTrue();
                assertThat(need).isGreaterThanOrEqualTo(previous);
                previous = need;
            }
        }
    }

    private static long sumOfRanges(ClkStore store, long[] a, int wordsPer, double threshold, int queries) {
        long sum = 0;
        for (int i = 0; i < queries; i++) {
            int[] range = DiceScan.range(store, popcount(Arrays.copyOfRange(a, i * wordsPer,
                    (i + 1) * wordsPer)), threshold);
            sum += Math.max(0, range[1] - range[0]);
        }
        return sum;
    }

    /** Records with densities spread from 2% to 90%, and a few empty or full ones. */
    static long[] randomRecords(SplittableRandom random, int count, int wordsPer) {
        long[] words = new long[count * wordsPer];
        for (int i = 0; i < count; i++) {
            double density = i % 50 == 0 ? 0.0 : i % 50 == 1 ? 1.0 : 0.02 + 0.88 * random.nextDouble();
            for (int w = 0; w < wordsPer; w++) {
                words[i * wordsPer + w] = sparse(random, density);
            }
        }
        return words;
    }

    /**
     * Half random records, half built against a random A record x: c of x's set bits and e bits outside x, with e
     * chosen around {@code 2c/t - |x| - c} so that Dice is exactly t, or a step above or below it.
     */
    static long[] nearThreshold(SplittableRandom random, long[] a, int count, int wordsPer, double threshold) {
        long[] words = randomRecords(random, count, wordsPer);
        int bits = wordsPer * 64;
        int sizeA = a.length / wordsPer;
        for (int i = 0; i < count; i += 2) {
            int x = random.nextInt(sizeA);
            List<Integer> set = new ArrayList<>();
            List<Integer> unset = new ArrayList<>();
            for (int bit = 0; bit < bits; bit++) {
                (isSet(a, x * wordsPer, bit) ? set : unset).add(bit);
            }
            if (set.isEmpty()) {
                continue;
            }
            int placement = random.nextInt(3);
            order(set, random, placement, bits);
            order(unset, random, 2 - placement, bits);
            int px = set.size();
            // e >= 0 needs c >= px * t / (2 - t)
            int least = Math.max(1, (int) Math.ceil(px * threshold / (2 - threshold)));
            int c = least >= px ? px : least + random.nextInt(px - least + 1);
            int step = exactStep(threshold);
            if (random.nextBoolean()) {
                int down = c - c % step;
                c = down >= least && down > 0 ? down : Math.min(px, down + step);
            }
            double eReal = threshold > 0 ? 2.0 * c / threshold - px - c : random.nextInt(bits - px + 1);
            int e = (int) Math.round(eReal) + random.nextInt(5) - 2;
            e = Math.max(0, Math.min(unset.size(), e));
            long[] y = new long[wordsPer];
            for (int k = 0; k < c; k++) {
                setBit(y, set.get(k));
            }
            for (int k = 0; k < e; k++) {
                setBit(y, unset.get(k));
            }
            System.arraycopy(y, 0, words, i * wordsPer, wordsPer);
        }
        return words;
    }

    /**
     * With t = P/Q in lowest terms (t a whole number of hundredths), Dice 2c/total equals t exactly when total =
     * 2cQ/P is whole, that is when c is a multiple of P / gcd(P, 2).
     */
    private static int exactStep(double threshold) {
        int hundredths = (int) Math.round(threshold * 100);
        int numerator = hundredths / gcd(hundredths, 100);
        return Math.max(1, numerator / gcd(numerator, 2));
    }

    private static int gcd(int x, int y) {
        return y == 0 ? Math.max(1, x) : gcd(y, x % y);
    }

    /** 0: suffix bits first (the early exit's bound is then tight); 1: prefix bits first; 2: random order. */
    private static void order(List<Integer> bits, SplittableRandom random, int placement, int totalBits) {
        for (int i = bits.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer t = bits.get(i);
            bits.set(i, bits.get(j));
            bits.set(j, t);
        }
        if (placement == 0) {
            bits.sort((p, q) -> Integer.compare(q / 64, p / 64));
        } else if (placement == 1) {
            bits.sort((p, q) -> Integer.compare(p / 64, q / 64));
        }
    }

    private static void assertBoundaryCasesPresent(long[] a, long[] b, int wordsPer, double threshold) {
        int exact = 0;
        int justBelow = 0;
        for (int i = 0; i < a.length / wordsPer; i++) {
            for (int j = 0; j < b.length / wordsPer; j++) {
                int common = 0;
                int total = 0;
                for (int w = 0; w < wordsPer; w++) {
                    long x = a[i * wordsPer + w];
                    long y = b[j * wordsPer + w];
                    common += Long.bitCount(x & y);
                    total += Long.bitCount(x) + Long.bitCount(y);
                }
                double dice = total == 0 ? 0 : 2.0 * common / total;
                exact += total > 0 && dice == threshold ? 1 : 0;
                justBelow += dice < threshold && dice > threshold - 0.01 ? 1 : 0;
            }
        }
        if (threshold > 0 && threshold < 1) {
            assertThat(exact).as("pairs exactly at the threshold").isGreaterThan(20);
            assertThat(justBelow).as("pairs just below the threshold").isGreaterThan(20);
        }
    }

    /** (a index, b index) to the similarity's bits, for every pair with Dice at least the threshold. */
    static Map<Long, Long> bruteForce(long[] a, long[] b, int wordsPer, double threshold) {
        Map<Long, Long> pairs = new HashMap<>();
        for (int i = 0; i < a.length / wordsPer; i++) {
            for (int j = 0; j < b.length / wordsPer; j++) {
                int common = 0;
                int total = 0;
                for (int w = 0; w < wordsPer; w++) {
                    long x = a[i * wordsPer + w];
                    long y = b[j * wordsPer + w];
                    common += Long.bitCount(x & y);
                    total += Long.bitCount(x) + Long.bitCount(y);
                }
                if (total > 0 && 2.0 * common / total >= threshold) {
                    pairs.put((long) i << 32 | j, Double.doubleToLongBits(2.0 * common / total));
                }
            }
        }
        return pairs;
    }

    static Map<Long, Long> asMap(PairSink sink) {
        Map<Long, Long> pairs = new HashMap<>();
        for (int i = 0; i < sink.size(); i++) {
            Long previous = pairs.put((long) sink.a(i) << 32 | sink.b(i), Double.doubleToLongBits(sink.similarity(i)));
            assertThat(previous).as("pair reported twice").isNull();
        }
        return pairs;
    }

    private static int popcount(long[] words) {
        int count = 0;
        for (long word : words) {
            count += Long.bitCount(word);
        }
        return count;
    }

    private static boolean isSet(long[] words, int base, int bit) {
        return (words[base + (bit >>> 6)] & (1L << (bit & 63))) != 0;
    }

    private static void setBit(long[] words, int bit) {
        words[bit >>> 6] |= 1L << (bit & 63);
    }

    private static long sparse(SplittableRandom random, double density) {
        if (density >= 1.0) {
            return -1L;
        }
        long word = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (random.nextDouble() < density) {
                word |= 1L << bit;
            }
        }
        return word;
    }
}
