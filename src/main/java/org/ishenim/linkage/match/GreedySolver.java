package org.ishenim.linkage.match;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;

/**
 * One-to-one assignment as anonlink's greedy solver does it: pairs in descending similarity (ties by index a, then
 * b); a pair is kept when neither of its records is already taken.
 */
public final class GreedySolver {

    private GreedySolver() {
    }

    public static PairSink solve(PairSink candidates) {
        Integer[] order = new Integer[candidates.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -candidates.similarity(i))
                .thenComparingInt(candidates::a).thenComparingInt(candidates::b));
        BitSet takenA = new BitSet();
        BitSet takenB = new BitSet();
        PairSink kept = new PairSink();
        for (int i : order) {
            int a = candidates.a(i);
            int b = candidates.b(i);
            if (!takenA.get(a) && !takenB.get(b)) {
                takenA.set(a);
                takenB.set(b);
                kept.add(a, b, candidates.similarity(i));
            }
        }
        return kept;
    }
}
