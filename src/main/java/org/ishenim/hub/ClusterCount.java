package org.ishenim.hub;

import java.time.Instant;

/**
 * The hub's last count of its encodings' clusters at the threshold (docs/indicators.md, "Error bounds"): how many
 * encodings (consenting references) it held, how many clusters (unique clients) they formed, and how many of those
 * clusters hold encodings of two or more sites. Counts only: no reference, no site.
 *
 * @param countedAt         when the clusters were taken
 * @param references        the encodings counted
 * @param clusters          their clusters at the threshold
 * @param multiSiteClusters the clusters holding encodings of two or more sites (K)
 */
public record ClusterCount(Instant countedAt, int references, int clusters, int multiSiteClusters) {

    public ClusterCount {
        if (countedAt == null || references < 0 || clusters < 0 || clusters > references || multiSiteClusters < 0
                || multiSiteClusters > clusters) {
            throw new IllegalArgumentException("A count has its time, and clusters at most the references.");
        }
    }
}
