package org.ishenim.hub;

import java.util.List;
import org.ishenim.linkage.Candidate;
import org.ishenim.linkage.Clk;
import org.ishenim.linkage.Matcher;

/** Dice matching over a snapshot of the index with the linkage engine's matcher. */
final class Matching {

    private static final Matcher MATCHER = Matcher.onAllCores();

    private Matching() {
    }

    /** Positions in the snapshot of the encodings at or above the threshold, best first, at most topK. */
    static List<Integer> query(Clk query, EncodingIndex.Snapshot snapshot, double threshold, int topK) {
        if (snapshot.size() == 0 || query.bits() != snapshot.clks().bits()) {
            return List.of();
        }
        return MATCHER.query(query, snapshot.clks(), threshold, topK).stream().map(Candidate::indexB).toList();
    }

    /** Single-linkage clusters of all encodings at the threshold: an estimate of unique people. */
    static int clusters(EncodingIndex.Snapshot snapshot, double threshold) {
        return snapshot.size() == 0 ? 0 : MATCHER.countClusters(snapshot.clks(), threshold);
    }
}
