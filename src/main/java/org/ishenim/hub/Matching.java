package org.ishenim.hub;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ishenim.linkage.Candidate;
import org.ishenim.linkage.Clk;
import org.ishenim.linkage.Matcher;

/** Dice matching over a view of the index with the linkage engine's matcher. */
final class Matching {

    private static final Matcher MATCHER = Matcher.onAllCores();

    record Hit(EncodingIndex.Key key, double similarity) {
    }

    private Matching() {
    }

    /** The encodings at or above the threshold, best first, at most topK. */
    static List<EncodingIndex.Key> query(Clk query, EncodingIndex.View view, double threshold, int topK) {
        List<Hit> hits = new ArrayList<>();
        var base = view.base();
        if (!base.keys().isEmpty() && query.bits() == base.set().bits()) {
            // Ask for enough that dropping keys changed since the base was built still leaves topK.
            for (Candidate c : MATCHER.query(query, base.set(), threshold, topK + view.changed().size())) {
                EncodingIndex.Key key = base.keys().get(c.indexB());
                if (!view.changed().contains(key)) {
                    hits.add(new Hit(key, c.similarity()));
                }
            }
        }
        for (int i = 0; i < view.recentKeys().size(); i++) {
            Clk other = view.recentClks().get(i);
            if (other.bits() == query.bits()) {
                double dice = query.dice(other);
                if (dice >= threshold) {
                    hits.add(new Hit(view.recentKeys().get(i), dice));
                }
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::similarity).reversed()
                .thenComparing(h -> h.key().site()).thenComparing(h -> h.key().reference()));
        return hits.stream().limit(topK).map(Hit::key).toList();
    }
}
