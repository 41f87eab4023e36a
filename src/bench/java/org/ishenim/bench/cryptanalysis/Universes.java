package org.ishenim.bench.cryptanalysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits salted encodings into their salt universes, from the encodings alone. With a record salt, records of
 * different birth years share no token, so two records of one year share the 100-position year token (and more)
 * while records of different years overlap only by chance. Greedily: take a record, gather the records that share
 * far more than chance with it, take the positions they all hold (the year token), and collect every record that
 * holds them. Unsalted encodings are one universe.
 */
final class Universes {

    private Universes() {
    }

    static List<int[]> split(long[][] records, PublicSchema schema) {
        int n = records.length;
        List<int[]> universes = new ArrayList<>();
        if (!schema.recordSalted()) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            universes.add(all);
            return universes;
        }
        boolean[] taken = new boolean[n];
        int bits = schema.bits();
        for (int r = 0; r < n; r++) {
            if (taken[r]) {
                continue;
            }
            int size = Bits.count(records[r]);
            List<Integer> close = new ArrayList<>();
            for (int t = 0; t < n; t++) {
                if (!taken[t] && Bits.common(records[r], records[t]) >= 0.45 * size) {
                    close.add(t);
                }
            }
            int[] support = new int[bits];
            for (int t : close) {
                for (int p = 0; p < bits; p++) {
                    if (Bits.get(records[t], p)) {
                        support[p]++;
                    }
                }
            }
            long[] token = new long[records[r].length];
            int tokenSize = 0;
            for (int p = 0; p < bits; p++) {
                if (support[p] >= 0.98 * close.size()) {
                    Bits.set(token, p);
                    tokenSize++;
                }
            }
            List<Integer> members = new ArrayList<>();
            for (int t = 0; t < n; t++) {
                if (!taken[t] && (t == r || Bits.common(records[t], token) >= 0.9 * tokenSize)) {
                    members.add(t);
                    taken[t] = true;
                }
            }
            universes.add(members.stream().mapToInt(Integer::intValue).toArray());
        }
        return universes;
    }
}
