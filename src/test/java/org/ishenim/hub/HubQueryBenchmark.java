package org.ishenim.hub;

import java.util.Random;
import org.ishenim.linkage.Clk;

/**
 * Not a test: how fast the hub answers one query from memory, and how long the unique-client count takes.
 * Random 1024-bit encodings with about 30% of bits set (as the clinic schema produces), n per site.
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) org.ishenim.hub.HubQueryBenchmark [n]</pre>
 */
public final class HubQueryBenchmark {

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Random random = new Random(7);
        EncodingIndex index = new EncodingIndex();
        Clk[] clks = new Clk[n];
        for (int i = 0; i < n; i++) {
            clks[i] = randomClk(random);
            index.put("site-" + (i % 20), String.format("%032x", i), clks[i]);
        }
        index.view(true);
        index.put("site-0", String.format("%032x", 0), clks[0]);
        long t0 = System.nanoTime();
        index.view(true); // a second, warm rebuild
        long built = System.nanoTime() - t0;
        // Then a steady state: 1,000 encodings uploaded since the last rebuild.
        for (int i = 0; i < 1_000; i++) {
            index.put("site-new", String.format("%032x", i), randomClk(random));
        }
        EncodingIndex.View snapshot = index.view(false);
        int queries = 2_000;
        int found = 0;
        for (int w = 0; w < 200; w++) {
            found += Matching.query(clks[w], snapshot, 0.85, 11).size();
        }
        t0 = System.nanoTime();
        for (int q = 0; q < queries; q++) {
            found += Matching.query(q % 2 == 0 ? clks[random.nextInt(n)] : randomClk(random), snapshot, 0.85, 11).size();
        }
        long took = System.nanoTime() - t0;
        System.out.printf("encodings=%d base_build_ms=%.1f query_us=%.1f with 1000 recent uploads (found %d)%n", n, built / 1e6,
                took / 1e3 / queries, found);
        int m = Math.min(n, 20_000);
        EncodingIndex small = new EncodingIndex();
        for (int i = 0; i < m; i++) {
            small.put("s", String.format("%032x", i), clks[i]);
        }
        t0 = System.nanoTime();
        int clusters = Matching.clusters(small.view(true), 0.85);
        System.out.printf("unique_clients encodings=%d clusters=%d ms=%.0f%n", m, clusters, (System.nanoTime() - t0) / 1e6);
    }

    static Clk randomClk(Random random) {
        long[] words = new long[16];
        for (int i = 0; i < words.length; i++) {
            words[i] = random.nextLong() & random.nextLong() | (random.nextLong() & random.nextLong() & random.nextLong());
        }
        return new Clk(words, 1024);
    }
}
